import DocumentModel
import Foundation
import GraphStore

/// The entity graph in a PostgreSQL database, shared by any number of ingest workers on any number of machines.
///
/// The same tables and merge rules as the SQLite ``GraphStore`` (so a corpus gives the same graph on both),
/// with what one shared server needs:
/// - **Claims.** The batch ingest claims each document with a session-level advisory lock on its id
///   (`pg_try_advisory_lock`) before analysing it, so one worker extracts it. The server drops the locks of a
///   connection that dies, so a worker killed mid-ingest leaves nothing claimed, and a rerun completes.
/// - **One transaction per document**, which takes a transaction-level advisory lock first
///   (`pg_advisory_xact_lock`): documents commit one after another, so cross-document entity resolution sees
///   every earlier document and two workers can never create the same entity twice (the primary keys and
///   unique keys on `entity` and `relation` would refuse it anyway). Analysis, the expensive part, runs in
///   parallel across workers; only the write is serialized.
///
/// ```swift
/// let store = try PostgresGraphStore(url: "postgres://postgres@127.0.0.1:5432/graph")
/// try store.ingest(graph, for: info)
/// let rows = try store.mentions(MentionsQuery(kind: .country))
/// ```
public final class PostgresGraphStore: GraphStoring {
  let session: PostgresSession
  /// The URL without its password.
  public let location: String

  /// Connects to the database at `url` and brings its schema up to date.
  ///
  /// - Throws: ``StoreError`` `.cannotOpen` (no server, no database, bad URL) or `.badSchema` (a schema
  ///   written by a newer EntityGraph).
  public init(url: String) throws {
    let parsed = try PostgresURL(url)
    session = try PostgresSession(parsed)
    location = parsed.redacted
    try PostgresSchema.migrate(session, location: location)
  }

  // MARK: - Lock keys

  /// Advisory lock classes (the first of the two 32-bit keys).
  enum LockClass: Int {
    /// Serializes writing transactions (key 0) and migrations (key 1).
    case store = 7300
    /// One claim per document id (second key: `hashtext(id)`).
    case document = 7301
  }

  /// Waits for the store-wide write lock; it ends with the transaction.
  func lockForWriting() throws {
    try session.send("SELECT pg_advisory_xact_lock(\(LockClass.store.rawValue), 0)")
  }

  // MARK: - Claims

  public func claim(document id: String, wait: Bool) throws -> Bool {
    while true {
      let rows = try session.query(
        "SELECT pg_try_advisory_lock(\(LockClass.document.rawValue), hashtext($1))", [.text(id)])
      let got: Bool = try rows[0][0]
      if got || !wait { return got }
      // Poll rather than block in `pg_advisory_lock`: the connection stays free for this worker's commits,
      // whose claims another waiting worker may be waiting for.
      usleep(50_000)
    }
  }

  public func releaseClaim(document id: String) {
    _ = try? session.query(
      "SELECT pg_advisory_unlock(\(LockClass.document.rawValue), hashtext($1))", [.text(id)])
  }

  // MARK: - Documents

  public func documents() throws -> [DocumentInfo] {
    try session.query("SELECT id, path, sha256, length FROM document ORDER BY id").map(Self.documentInfo)
  }

  public func document(id: String) throws -> DocumentInfo? {
    try session.query("SELECT id, path, sha256, length FROM document WHERE id = $1", [.text(id)]).first.map(
      Self.documentInfo)
  }

  static func documentInfo(_ row: PGRow) throws -> DocumentInfo {
    DocumentInfo(id: try row[0], path: try row[1], sha256: try row[2], length: try row[3])
  }

  public func status(ofDocument id: String, sha256: String) throws -> IngestOutcome {
    guard let stored = try document(id: id) else { return .added }
    return stored.sha256 == sha256 && !sha256.isEmpty ? .unchanged : .updated
  }

  public func statistics() throws -> StoreStatistics {
    let row = try session.query(
      """
      SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM entity), (SELECT COUNT(*) FROM relation),
        (SELECT COUNT(*) FROM mention), (SELECT COUNT(*) FROM evidence), (SELECT COUNT(*) FROM decision)
      """)[0]
    return StoreStatistics(
      documents: try row[0], entities: try row[1], relations: try row[2], mentions: try row[3],
      evidence: try row[4], decisions: try row[5])
  }

  public func statistics(forDocument id: String) throws -> StoreStatistics {
    let row = try session.query(
      """
      SELECT (SELECT COUNT(*) FROM document WHERE id = $1), (SELECT COUNT(*) FROM local_entity WHERE doc = $1),
        (SELECT COUNT(*) FROM statement WHERE doc = $1), (SELECT COUNT(*) FROM mention WHERE doc = $1),
        (SELECT COUNT(*) FROM evidence WHERE doc = $1)
      """, [.text(id)])[0]
    return StoreStatistics(
      documents: try row[0], entities: try row[1], relations: try row[2], mentions: try row[3],
      evidence: try row[4], decisions: 0)
  }

  /// Creates an empty database `name` on the server of `serverURL` (for tests and benchmarks) and returns its URL.
  ///
  /// - Parameters:
  ///   - name: letters, digits and underscores only.
  ///   - serverURL: any database on the server that the user may connect to (`postgres://postgres@host:port/postgres`).
  /// - Throws: ``StoreError`` `.cannotOpen` or `.database`.
  public static func createDatabase(named name: String, onServerOf serverURL: String) throws -> String {
    precondition(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, "database names are plain words")
    var url = try PostgresURL(serverURL)
    let session = try PostgresSession(url)
    try session.query("DROP DATABASE IF EXISTS \(name)")
    try session.query("CREATE DATABASE \(name)")
    url.database = name
    var text = "postgres://\(url.user)"
    if let password = url.password { text += ":" + password }
    return text + "@\(url.host):\(url.port)/\(name)"
  }

  /// The first column of the first row of `sql` (for benchmarks and tests).
  package func scalar(sql: String) throws -> Int {
    guard let row = try session.query(sql).first else { return 0 }
    return try row[0]
  }

  /// Runs one SQL statement (for tests that fake other versions' databases).
  package func execute(sql: String) throws {
    try session.query(sql)
  }

  /// Deletes every table's rows (for tests that share one database).
  public func removeEverything() throws {
    try session.transaction {
      try lockForWriting()
      try session.query(
        "TRUNCATE document, entity, local_entity, alias, mention, relation, statement, evidence, decision")
    }
  }
}
