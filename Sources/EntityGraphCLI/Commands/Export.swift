import ArgumentParser
import DocumentModel
import Foundation
import GraphRendering
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph export --db FILE --format …`: the store's graph in interchange formats.
  public struct Export: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export a graph store as DOT, JSON, GraphML, Neo4j CSV or a Cypher script.",
      discussion: """
        json is the interchange format (documents, entities with aliases and mentions, relations with \
        evidence); graphml opens in Gephi, yEd and Cytoscape; csv writes nodes.csv and edges.csv into \
        the -o folder with neo4j-admin import headers (import with --multiline-fields=true); cypher \
        writes a script for cypher-shell. --focus, --depth, --kinds, --min-confidence and --document export a \
        part. \
        Without -o, single-file formats go to standard output. Files are written atomically.

        Exit codes: 0 success; 3 unknown focus entity; 5 store error; 6 output cannot be written.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case dot, json, graphml, csv, cypher
    }

    @OptionGroup var store: StoreOption
    @Option(help: "dot, json, graphml, csv or cypher.")
    var format: Format
    @Option(name: [.short, .long], help: "Output file (a folder for csv).")
    var output: String?
    @Option(help: "Only the entities around this one (id, name or alias).")
    var focus: String?
    @Option(help: "With --focus: how many edges away.")
    var depth: Int = 1
    @Option(help: "Only these kinds, comma separated (person,organization,country,location,event).")
    var kinds: String?
    @Option(help: "Only relations at least this confident (0...1).")
    var minConfidence: Double = 0
    @Option(help: "Only what this document (id) brought, with its own counts and evidence.")
    var document: String?
    @Flag(help: "graphml, csv and cypher: also write each quote as a node, with said and mentions edges.")
    var includeQuotes = false

    public init() {}

    public func validate() throws {
      if store.location == nil {
        throw ValidationError("--db FILE|URL is required (or set \(StoreLocation.environmentVariable))")
      }
      if format == .csv && output == nil { throw ValidationError("--format csv needs -o FOLDER") }
      if document != nil && focus != nil { throw ValidationError("give --document or --focus, not both") }
      if depth < 0 { throw ValidationError("--depth must not be negative") }
      if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
      _ = try parsedKinds()
    }

    func parsedKinds() throws -> Set<EntityKind>? {
      guard let kinds else { return nil }
      var set: Set<EntityKind> = []
      for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
        guard let kind = EntityKind(rawValue: name) else { throw ValidationError("unknown kind '\(name)'") }
        set.insert(kind)
      }
      return set
    }

    public func run() throws {
      let graphStore = try store.open()
      let kindSet = try parsedKinds()
      let graph = try withStoreErrors {
        if let document {
          let own = try graphStore.documentGraph(document).filtered { kindSet?.contains($0.kind) ?? true }
          return KnowledgeGraph(
            documents: own.documents, entities: own.entities,
            relations: own.relations.filter { $0.confidence >= minConfidence }, quotes: own.quotes)
        }
        if focus == nil && kindSet == nil {
          return try graphStore.loadGraph(minConfidence: minConfidence)
        }
        return try graphStore.subgraph(focus: focus, depth: depth, kinds: kindSet, minConfidence: minConfidence)
      }
      let files: [(name: String?, data: Data)]
      switch format {
      case .dot: files = [(nil, Data(DOTWriter().dotText(for: graph).utf8))]
      case .json:
        do {
          files = [(nil, try graph.jsonData())]
        } catch {
          Console.error("error: cannot encode the graph as JSON: \(error)")
          throw ExitCode(ExitCodes.environment)
        }
      case .graphml: files = [(nil, Data(GraphMLWriter(includeQuotes: includeQuotes).graphMLText(for: graph).utf8))]
      case .cypher: files = [(nil, Data(CypherWriter(includeQuotes: includeQuotes).cypherText(for: graph).utf8))]
      case .csv:
        let writer = Neo4jCSVWriter(includeQuotes: includeQuotes)
        files = [
          ("nodes.csv", Data(writer.nodesCSV(for: graph).utf8)), ("edges.csv", Data(writer.edgesCSV(for: graph).utf8)),
        ]
      }
      guard let output else {
        for file in files { FileHandle.standardOutput.write(file.data) }
        return
      }
      do {
        if format == .csv {
          try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } else {
          let parent = URL(fileURLWithPath: output).deletingLastPathComponent()
          try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        for file in files {
          let url =
            file.name.map { URL(fileURLWithPath: output).appendingPathComponent($0) } ?? URL(fileURLWithPath: output)
          try file.data.write(to: url, options: .atomic)
        }
      } catch {
        Console.error("error: cannot write '\(output)': \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      let names = files.compactMap(\.name)
      Console.error(
        "wrote \(graph.entities.count) entities and \(graph.relations.count) relations to \(output)"
          + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"))
    }
  }
}
