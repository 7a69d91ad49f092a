import ArgumentParser
import DocumentModel
import Extraction
import Foundation
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph query …`: questions to a graph store (or to files analysed on the fly).
  public struct Query: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "query",
      abstract: "Ask a graph store who mentioned what, about one entity, relations, neighbors and paths.",
      discussion: """
        Every subcommand reads --db FILE (made by `entitygraph ingest`) and prints a table (default), \
        json or csv, sorted so that the same store gives the same output. `query mentions` also accepts \
        text files and folders instead of --db and analyses them on the fly.

        Exit codes: 0 success; 3 unknown or ambiguous entity name, or no readable input; 5 store error.
        """,
      subcommands: [Mentions.self, Entity.self, Relations.self, Neighbors.self, Path.self])
    public init() {}
  }
}

// MARK: - Shared options

/// `--db FILE|URL`: the graph store to read or write (default: `$ENTITYGRAPH_DB`).
struct StoreOption: ParsableArguments {
  @Option(
    name: .long,
    help: """
      The graph store: a SQLite file (output/graph.sqlite) or postgres://USER@HOST:PORT/DB \
      (default: $\(StoreLocation.environmentVariable)).
      """)
  var db: String?

  /// `--db`, else `$ENTITYGRAPH_DB`.
  var location: String? { db ?? StoreLocation.fromEnvironment }

  /// For commands that read a store or analyse `paths` instead: exactly one of the two.
  func validate(orPaths paths: [String]) throws {
    if db != nil && !paths.isEmpty { throw ValidationError("give either --db FILE or PATH..., not both") }
    if location == nil && paths.isEmpty {
      throw ValidationError("give --db FILE|URL (or set \(StoreLocation.environmentVariable)) or text files to analyse")
    }
  }

  /// Opens the store. For reading commands (`mustExist` and not `forWriting`) a SQLite file must already exist
  /// and is opened read-only, so a store on read-only media, in a read-only folder or with mode 444 can still
  /// be queried.
  func open(mustExist: Bool = true, forWriting: Bool = false) throws -> any GraphStoring {
    guard let db = location else {
      Console.error("error: --db FILE|URL is required (or set \(StoreLocation.environmentVariable))")
      throw ExitCode(ExitCodes.usage)
    }
    if mustExist && !StoreLocation.isPostgres(db) && !FileManager.default.fileExists(atPath: db) {
      Console.error("error: no graph store at '\(db)'; create it with `entitygraph ingest PATH... --db \(db)`")
      throw ExitCode(ExitCodes.storeFailed)
    }
    do {
      return try StoreLocation.open(db, readOnly: mustExist && !forWriting)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitCodes.storeFailed)
    }
  }
}

/// `--format table|json|csv` of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

/// Runs a store call and maps its errors to documented exit codes.
func withStoreErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as StoreError {
    Console.error("error: \(error)")
    switch error.code {
    case .unknownEntity, .ambiguousEntity, .unknownDocument: throw ExitCode(ExitCodes.noInput)
    default: throw ExitCode(ExitCodes.storeFailed)
    }
  }
}

// MARK: - Subcommands

extension EntityGraphCommand.Query {
  /// `query mentions`: who mentioned which entity, with counts, documents and one evidence quote.
  struct Mentions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mentions",
      abstract: "Who mentioned what (speaker, entity, count, documents, one evidence quote per row).",
      discussion: """
        With --db, answers from the store across all its documents. With PATH... instead, analyses the \
        files first (same merge rules as the store) and answers from them.
        """)

    @Argument(help: "Text files or folders to analyse instead of a store.")
    var paths: [String] = []
    @OptionGroup var store: StoreOption
    @Option(help: "Only mentioned entities of this kind (person, organization, country, location, event).")
    var kind: String?
    @Option(help: "Only speakers whose name contains this text (or with this id or alias).")
    var speaker: String?
    @Option(help: "Only what this document (id) states.")
    var document: String?
    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func validate() throws {
      try store.validate(orPaths: paths)
      if let kind, EntityKind(rawValue: kind) == nil {
        throw ValidationError(
          "unknown kind '\(kind)'; use \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
    }

    func run() throws {
      let graphStore = paths.isEmpty ? try store.open() : try analyseIntoMemory(paths)
      let query = MentionsQuery(kind: kind.flatMap(EntityKind.init(rawValue:)), speaker: speaker, document: document)
      let rows = try withStoreErrors { try graphStore.mentions(query) }
      Console.out(QueryOutput.mentions(rows, format: format))
    }
  }

  /// `query entity NAME`.
  struct Entity: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "entity",
      abstract: "Kind, aliases, documents, mentions and relations of one entity.",
      discussion: "NAME is an id (person:ada-lovelace), a name or alias (any case), or a unique part of a name.")

    @Argument(help: "The entity's id, name or alias.")
    var name: String
    @OptionGroup var store: StoreOption
    @Option(help: "Output format: table, json or csv (csv lists the entity's relations).")
    var format: QueryFormat = .table

    func run() throws {
      let graphStore = try store.open()
      let report = try withStoreErrors { try graphStore.entity(named: name) }
      Console.out(QueryOutput.entity(report, format: format))
    }
  }

  /// `query relations`.
  struct Relations: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "relations", abstract: "Relations, filtered by predicate, subject and object.")

    @OptionGroup var store: StoreOption
    @Option(help: "Only this predicate, e.g. mentioned, ceo_of.")
    var predicate: String?
    @Option(help: "Only subjects whose name contains this text (or with this id or alias).")
    var subject: String?
    @Option(help: "Only objects whose name contains this text (or with this id or alias).")
    var object: String?
    @Option(help: "Only what this document (id) states.")
    var document: String?
    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func run() throws {
      let graphStore = try store.open()
      let query = RelationsQuery(
        predicate: predicate.map(DocumentModel.Predicate.init(rawValue:)), subject: subject, object: object,
        document: document)
      let rows = try withStoreErrors { try graphStore.relations(query) }
      Console.out(QueryOutput.relations(rows, format: format))
    }
  }

  /// `query neighbors NAME --depth N`.
  struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "neighbors",
      abstract: "Entities within N edges of one entity (both directions).")

    @Argument(help: "The entity's id, name or alias.")
    var name: String
    @OptionGroup var store: StoreOption
    @Option(help: "How many edges away (1 = adjacent).")
    var depth: Int = 1
    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func validate() throws {
      if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
      let graphStore = try store.open()
      let rows = try withStoreErrors { try graphStore.neighbors(of: name, depth: depth) }
      Console.out(QueryOutput.neighbors(rows, format: format))
    }
  }

  /// `query path A B`.
  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "path",
      abstract: "A shortest chain of relations between two entities (edges followed both ways).",
      discussion: "Prints nothing (and exits 0) in table format when the two are not connected.")

    @Argument(help: "Where the path starts (id, name or alias).")
    var from: String
    @Argument(help: "Where the path ends (id, name or alias).")
    var to: String
    @OptionGroup var store: StoreOption
    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func run() throws {
      let graphStore = try store.open()
      let steps = try withStoreErrors { try graphStore.path(from: from, to: to) }
      Console.out(QueryOutput.path(steps, format: format))
    }
  }
}

/// Analyses files into an in-memory store, reporting unreadable ones on stderr.
func analyseIntoMemory(_ paths: [String]) throws -> any GraphStoring {
  let files = try DocumentLoader.discoverForCommand(paths)
  let extractor = try Extractor.makeForCommand()
  let store = try withStoreErrors { try GraphStore() }
  let report = IngestRun.ingest(files, into: store, extractor: extractor, showProgress: false)
  for failure in report.failures { Console.error("skipped: \(failure)") }
  if report.failures.count == files.count {
    Console.error("error: none of the inputs could be read")
    throw ExitCode(ExitCodes.noInput)
  }
  return store
}
