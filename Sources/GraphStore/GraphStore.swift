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
public final class GraphStore: Sendable {
  let writer: any DatabaseWriter
  /// The file path, or `nil` for an in-memory store.
  public let path: String?

  /// Opens (or creates) the store at `path` and brings its schema up to date.
  ///
  /// - Throws: ``StoreError`` `.cannotOpen` or `.badSchema`.
  public init(path: String) throws {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(30)
    config.label = "GraphStore"
    // GRDB opens pools in WAL mode with `synchronous = NORMAL`: a killed process never corrupts the file or
    // loses a committed document, and commits need no fsync (only checkpoints do).
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    do {
      writer = try DatabasePool(path: path, configuration: config)
    } catch {
      throw StoreError(.cannotOpen, "cannot open store '\(path)': \(GraphStore.message(error))")
    }
    self.path = path
    try migrate()
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

  private func migrate() throws {
    // GRDB reads the applied migrations outside a transaction, so two processes opening a new file at once
    // can both try the first migration; the loser fails on "table exists" and, retried, finds it applied.
    var attempt = 0
    while true {
      do {
        try Schema.migrator.migrate(writer)
        return
      } catch {
        attempt += 1
        if attempt >= 4 {
          throw StoreError(.badSchema, "cannot migrate store '\(path ?? ":memory:")': \(GraphStore.message(error))")
        }
        usleep(50_000)
      }
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
