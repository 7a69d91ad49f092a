import DocumentModel
import Foundation
import GRDB

/// A persistent entity graph in one SQLite file (WAL mode), grown one document at a time.
///
/// Each document's facts (entities with aliases and mentions, relations with evidence) are stored as that
/// document saw them and linked to store-wide entities and relations by the cross-document merge rules
/// of ``EntityResolver``. Re-ingesting a changed document replaces exactly its own facts; removing it
/// drops them, and entities or relations left without facts disappear. Every document is written in one
/// transaction, so an interrupted ingest never leaves half a document behind.
///
/// ```swift
/// let store = try GraphStore(path: "output/graph.sqlite")
/// let info = DocumentInfo(id: "a", path: "a.txt", sha256: ContentHash.sha256Hex(text), length: 120)
/// try store.ingest(graph, for: info)
/// let rows = try store.mentions(MentionsQuery(kind: .country))
/// ```
///
/// `GraphStore` is thread-safe: reads run concurrently (also from other processes), writes are serialized.
public final class GraphStore: GraphStoring {
  let writer: any DatabaseWriter
  /// The file path, or `nil` for an in-memory store.
  public let path: String?

  /// Opens (or creates) the store at `path` and brings its schema up to date.
  ///
  /// The folder must exist: a mistyped `--db` path is an error, never a new tree of folders. With `readOnly`,
  /// the file is opened without writing anything (no migration, no journal change), so a store on read-only
  /// media, in a read-only folder or with mode 444 can still be queried; it must then already exist.
  ///
  /// - Parameters:
  ///   - path: the SQLite file.
  ///   - readOnly: open for reading only.
  /// - Throws: ``StoreError`` `.cannotOpen` (missing folder, unreadable file), `.newerSchema` (written by a
  ///   newer EntityGraph: refused, never written to) or `.badSchema`.
  /// Opens a pool, retrying while another process or thread switches a new file to WAL: SQLite answers that
  /// switch with "database is locked" at once, without waiting on the busy timeout.
  static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
    var attempt = 0
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 100 {
        attempt += 1
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
  }

  public init(path: String, readOnly: Bool = false) throws {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(30)
    config.label = "GraphStore"
    config.readonly = readOnly
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    var isFolder: ObjCBool = false
    if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) || !isFolder.boolValue {
      throw StoreError(
        .cannotOpen,
        "cannot open store '\(path)': the folder '\(directory.path)' does not exist; create it first "
          + "(mkdir -p '\(directory.path)') or give another --db path")
    }
    if readOnly && !FileManager.default.fileExists(atPath: path) {
      throw StoreError(.cannotOpen, "cannot open store '\(path)': no such file")
    }
    // SQLite opens a write-protected file read-only without an error, and whether the pool then fails depends on
    // leftover `-wal`/`-shm` files: a command that writes would fail later, after its first lookups, with
    // another message. So a store that cannot be written is refused here, the same way every time.
    if !readOnly && FileManager.default.fileExists(atPath: path)
      && (!FileManager.default.isWritableFile(atPath: path)
        || !FileManager.default.isWritableFile(atPath: directory.path))
    {
      throw StoreError(
        .cannotOpen,
        "cannot open store '\(path)' for writing; the store or its folder is read-only: queries, export and "
          + "render work, but ingest, remove, merge and split need write access to both")
    }
    do {
      if readOnly {
        writer = try GraphStore.openReadOnly(path: path, configuration: config)
      } else {
        // GRDB opens pools in WAL mode with `synchronous = NORMAL`: a killed process never corrupts the file or
        // loses a committed document, and commits need no fsync (only checkpoints do).
        writer = try GraphStore.openPool(path: path, configuration: config)
      }
    } catch {
      throw StoreError(.cannotOpen, "cannot open store '\(path)': \(GraphStore.message(error))")
    }
    self.path = path
    if readOnly {
      try checkReadable()
    } else {
      try migrate()
    }
  }

  /// Creates an empty in-memory store (for tests and one-off queries over files).
  ///
  /// - Throws: ``StoreError`` `.cannotOpen`.
  public init() throws {
    var config = Configuration()
    config.foreignKeysEnabled = true
    do {
      writer = try DatabaseQueue(configuration: config)
    } catch {
      throw StoreError(.cannotOpen, "cannot create an in-memory store: \(GraphStore.message(error))")
    }
    path = nil
    try migrate()
  }

  /// A read-only connection to `path`.
  ///
  /// A queue, not a pool: a pool would switch the journal mode, which is a write. SQLite reads a WAL-mode file
  /// read-only when it can open or create the `-shm` file beside it; in a read-only folder it cannot, and the
  /// file is then opened as immutable (`?immutable=1`), which is right because nobody can be writing to it there.
  private static func openReadOnly(path: String, configuration: Configuration) throws -> DatabaseQueue {
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
      return queue
    } catch {
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
      let queue = try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
      _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
      return queue
    }
  }

  /// The first column of the first row of `sql` (for benchmarks and tests).
  package func scalar(sql: String) throws -> Int {
    try read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
  }

  /// Runs SQL on the store (for tests that fake other versions' files).
  package func execute(sql: String) throws {
    try write { db in try db.execute(sql: sql) }
  }

  private func migrate() throws {
    // GRDB reads the applied migrations outside a transaction, so two processes opening a new file at once
    // can both try the first migration; the loser fails on "table exists" and, retried, finds it applied.
    var attempt = 0
    while true {
      do {
        try refuseNewerSchema()
        try Schema.migrator.migrate(writer)
        try writer.write { db in
          if try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 < Schema.version {
            try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
          }
        }
        return
      } catch let error as StoreError where error.code == .newerSchema {
        throw error
      } catch {
        attempt += 1
        if attempt >= 4 {
          throw StoreError(.badSchema, "cannot migrate store '\(path ?? ":memory:")': \(GraphStore.message(error))")
        }
        usleep(50_000)
      }
    }
  }

  /// Throws `.newerSchema` when the file records a schema version or migration this version does not know.
  private func refuseNewerSchema() throws {
    let (version, unknown) = try writer.read { db -> (Int, [String]) in
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      let applied = try db.tableExists("grdb_migrations") ? try Schema.migrator.appliedIdentifiers(db) : []
      return (version, applied.subtracting(Schema.migrationNames).sorted())
    }
    if version > Schema.version || !unknown.isEmpty {
      let what = unknown.isEmpty ? "" : ", migrations \(unknown.joined(separator: ", "))"
      throw StoreError(
        .newerSchema,
        "store '\(path ?? ":memory:")' was written by a newer EntityGraph (schema version \(version)\(what)); "
          + "this version reads schema version \(Schema.version) and older. Upgrade entitygraph to open it, "
          + "or give another --db path; the store was not changed")
    }
  }

  /// For a read-only open: the schema must be one this version reads, already migrated.
  private func checkReadable() throws {
    try refuseNewerSchema()
    let missing = try read { db -> [String] in
      let applied = try db.tableExists("grdb_migrations") ? try Schema.migrator.appliedIdentifiers(db) : []
      return Schema.migrationNames.subtracting(applied).sorted()
    }
    if !missing.isEmpty {
      throw StoreError(
        .badSchema,
        "store '\(path ?? "")' is not an EntityGraph store of this version (missing \(missing.joined(separator: ", "))); "
          + "open it once with a writing command (`entitygraph ingest`) to upgrade it")
    }
  }

  // MARK: - Access helpers

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(.database, GraphStore.message(error))
    }
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.write(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(.database, GraphStore.message(error))
    }
  }

  static func message(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      var text = error.message ?? "\(error.resultCode)"
      if let sql = error.sql { text += " (SQL: \(sql))" }
      return text
    }
    return "\(error)"
  }

  // MARK: - Documents

  /// Every document in the store, sorted by id.
  public func documents() throws -> [DocumentInfo] {
    try read { db in try DocumentRecord.order(Column("id")).fetchAll(db).map(\.info) }
  }

  /// The document with `id`, if stored.
  public func document(id: String) throws -> DocumentInfo? {
    try read { db in
      try DocumentRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM document WHERE id = ?"), arguments: [id])?
        .info
    }
  }

  /// How an ingest would treat a document with this id and content hash.
  public func status(ofDocument id: String, sha256: String) throws -> IngestOutcome {
    try read { db in
      guard let record = try DocumentRecord.fetchOne(db, key: id) else { return .added }
      return record.sha256 == sha256 && !sha256.isEmpty ? .unchanged : .updated
    }
  }

  /// Runs `PRAGMA integrity_check` and returns its answer (`["ok"]` for a sound file).
  public func integrityCheck() throws -> [String] {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// Counts of what one document brought: its local entities (as `entities`), mentions, statements (as
  /// `relations`) and evidence. All zero for an unknown document.
  public func statistics(forDocument id: String) throws -> StoreStatistics {
    try read { db in
      func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE doc = ?", arguments: [id]) ?? 0
      }
      return StoreStatistics(
        documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE id = ?", arguments: [id]) ?? 0,
        entities: try count("local_entity"),
        relations: try count("statement"), mentions: try count("mention"), evidence: try count("evidence"),
        decisions: 0)
    }
  }

  /// The SQLite journal mode: `wal` for a file store, `memory` for an in-memory one.
  public func journalMode() throws -> String {
    try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
  }

  /// Counts of the main tables, for summaries and tests.
  public func statistics() throws -> StoreStatistics {
    try read { db in
      func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      return StoreStatistics(
        documents: try count("document"), entities: try count("entity"), relations: try count("relation"),
        mentions: try count("mention"), evidence: try count("evidence"), decisions: try count("decision"))
    }
  }
}

/// What an ingest did with one document.
public enum IngestOutcome: String, Sendable, Equatable, Codable {
  /// A new document.
  case added
  /// A known id whose content changed: its old facts were replaced.
  case updated
  /// A known id with the same content hash: nothing written.
  case unchanged
}

/// Row counts of a store.
public struct StoreStatistics: Sendable, Equatable, Codable {
  public var documents: Int
  public var entities: Int
  public var relations: Int
  public var mentions: Int
  public var evidence: Int
  public var decisions: Int

  public init(documents: Int, entities: Int, relations: Int, mentions: Int, evidence: Int, decisions: Int) {
    self.documents = documents
    self.entities = entities
    self.relations = relations
    self.mentions = mentions
    self.evidence = evidence
    self.decisions = decisions
  }
}
