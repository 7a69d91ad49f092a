import ArgumentParser

/// The `entitygraph` root command.
public struct EntityGraphCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "entitygraph",
    abstract: "Turn news-like articles into a typed entity-and-relationship graph.",
    version: "0.1.0",
    subcommands: [
      Build.self, Mentions.self, Render.self, Train.self, TrainRelations.self, Predicates.self, Ingest.self,
      Remove.self, Merge.self, Split.self,
      Query.self, Quotes.self, Export.self, Report.self,
    ]
  )
  public init() {}
}
