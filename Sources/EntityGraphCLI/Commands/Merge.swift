import ArgumentParser
import Foundation
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph merge A B --db FILE`: record that two entities are one.
  public struct Merge: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge entity B into entity A (a manual decision that later ingests respect).",
      discussion: """
        A and B are ids (person:ada-lovelace), names or aliases. A keeps its id and name; B's mentions, \
        aliases and relations move to it, now and in every later ingest. Both must be of the same kind. \
        Undo with `entitygraph split A B`.

        Exit codes: 0 success; 3 unknown or ambiguous name; 5 kinds differ or store error.
        """)

    @Argument(help: "The entity that stays.")
    var kept: String
    @Argument(help: "The entity merged into it.")
    var absorbed: String
    @OptionGroup var store: StoreOption

    public init() {}

    public func validate() throws {
      if store.location == nil {
        throw ValidationError("--db FILE|URL is required (or set \(StoreLocation.environmentVariable))")
      }
    }

    public func run() throws {
      let graphStore = try store.open(forWriting: true)
      let ids = try withStoreErrors { try graphStore.merge(kept, absorbed) }
      Console.out("merged \(ids.absorbed) into \(ids.kept)\n")
    }
  }

  /// `entitygraph split A [B] --db FILE`: undo merges.
  public struct Split: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "split",
      abstract: "Split an entity back into the entities its documents named (a decision later ingests respect).",
      discussion: """
        `split A` undoes every automatic and manual merge into A: each document's entity gets its own \
        id again, and nothing merges into A automatically afterwards. `split A B` only keeps A and B apart \
        (B may be a document-level id that was merged into A).

        Exit codes: 0 success; 3 unknown or ambiguous name; 5 store error.
        """)

    @Argument(help: "The entity to split.")
    var name: String
    @Argument(help: "Only keep this entity apart from it.")
    var other: String?
    @OptionGroup var store: StoreOption

    public init() {}

    public func validate() throws {
      if store.location == nil {
        throw ValidationError("--db FILE|URL is required (or set \(StoreLocation.environmentVariable))")
      }
    }

    public func run() throws {
      let graphStore = try store.open(forWriting: true)
      let id = try withStoreErrors { try graphStore.split(name, from: other) }
      let stats = try withStoreErrors { try graphStore.statistics() }
      Console.out("split \(id)\(other.map { " from \($0)" } ?? ""); the store now has \(stats.entities) entities\n")
    }
  }
}
