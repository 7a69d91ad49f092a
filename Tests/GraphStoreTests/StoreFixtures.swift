import DocumentModel
import Foundation
import GraphStore
import GraphStorePostgres
import Testing

/// Hand-built per-document graphs, shaped like `AnalyzedDocument.makeGraph()` output.
struct DocBuilder {
  let id: String
  let text: String
  private(set) var entities: [Entity] = []
  private(set) var relations: [Relation] = []
  private(set) var quotes: [QuoteRecord] = []

  init(_ id: String, _ text: String) {
    self.id = id
    self.text = text
  }

  /// The code point range of the first occurrence of `surface` in the text.
  func span(_ surface: String) -> (Int, Int) {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(surface.unicodeScalars)
    guard needle.count <= scalars.count else { return (0, 0) }
    for i in 0...(scalars.count - needle.count) where Array(scalars[i..<(i + needle.count)]) == needle {
      return (i, i + needle.count)
    }
    return (0, 0)
  }

  func evidence(_ surface: String) -> Evidence {
    let (s, e) = span(surface)
    return Evidence(doc: id, start: s, end: e, text: surface, sentence: 0)
  }

  @discardableResult
  mutating func entity(
    _ kind: EntityKind, _ name: String, id: String? = nil, aliases: [String] = [], surfaces: [String]? = nil,
    attributes: [String: String] = [:]
  ) -> EntityID {
    let entity = Entity(
      id: id.map(EntityID.init(rawValue:)), kind: kind, name: name, aliases: aliases,
      mentions: (surfaces ?? [name]).map(evidence), attributes: attributes, confidence: 0.9)
    entities.append(entity)
    return entity.id
  }

  mutating func relation(
    _ subject: EntityID, _ predicate: DocumentModel.Predicate, _ object: EntityID, evidence surface: String,
    count: Int = 1,
    confidence: Double = 0.8
  ) {
    relations.append(
      Relation(
        subject: subject, predicate: predicate, object: object, confidence: confidence, count: count,
        evidence: [evidence(surface)], source: "test"))
  }

  /// Adds a direct quote record of `surface`, said by `speaker`, naming `mentions`.
  mutating func quote(_ surface: String, by speaker: EntityID?, mentions: [EntityID] = []) {
    let (s, e) = span(surface)
    quotes.append(
      QuoteRecord(
        doc: id, start: s, end: e, text: surface, kind: .direct, speaker: speaker, mentions: mentions, confidence: 0.9,
        source: "test"))
  }

  var graph: KnowledgeGraph {
    KnowledgeGraph(
      documents: [info], entities: entities, relations: relations, quotes: quotes)
  }

  var info: DocumentInfo {
    DocumentInfo(
      id: id, path: "/docs/\(id).txt", sha256: SHA256.hex(of: Array(text.utf8)), length: text.unicodeScalars.count)
  }

  @discardableResult
  func ingest(into store: any GraphStoring, force: Bool = false) throws -> IngestOutcome {
    try store.ingest(graph, for: info, force: force)
  }
}

/// A document where a speaker mentions countries in a quote.
func speechDocument(
  _ id: String, speaker: String, countries: [(name: String, iso: String)], extra: String = ""
) -> DocBuilder {
  let quote = countries.map(\.name).joined(separator: " and ")
  var doc = DocBuilder(id, "\(speaker) said, \"We talk to \(quote) daily.\" \(extra)")
  let s = doc.entity(.person, speaker)
  for country in countries {
    let c = doc.entity(.country, country.name, attributes: ["iso_alpha2": country.iso])
    doc.relation(s, .mentioned, c, evidence: "We talk to \(quote) daily.")
  }
  return doc
}

// MARK: - Backends

/// The store backends every store test runs on: SQLite always, PostgreSQL when a test server is given.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgres

  /// SQLite, and PostgreSQL when `ENTITYGRAPH_TEST_POSTGRES` names a server (`make test` starts one).
  static var available: [Backend] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }

  var testDescription: String { rawValue }

  /// A fresh, empty store: in memory for SQLite, a new database on the test server for PostgreSQL.
  func makeStore() throws -> any GraphStoring {
    switch self {
    case .sqlite: return try GraphStore()
    case .postgres: return try PostgresGraphStore(url: try PostgresTestServer.makeDatabase())
    }
  }
}

/// The PostgreSQL server of the tests, from the environment `Scripts/with-postgres.sh` sets.
enum PostgresTestServer {
  /// `ENTITYGRAPH_TEST_POSTGRES`: a URL of any database on a server where the user may create databases.
  static var url: String? {
    ProcessInfo.processInfo.environment["ENTITYGRAPH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Why the PostgreSQL tests do not run.
  static var skipReason: Comment {
    let reason =
      ProcessInfo.processInfo.environment["ENTITYGRAPH_POSTGRES_UNAVAILABLE"]
      ?? "ENTITYGRAPH_TEST_POSTGRES is not set; run `make test` (or Scripts/with-postgres.sh swift test)"
    return Comment(rawValue: "PostgreSQL suite skipped: \(reason)")
  }

  /// A new empty database on the test server; returns its URL.
  static func makeDatabase() throws -> String {
    guard let url else { throw StoreError(.cannotOpen, "no PostgreSQL test server") }
    let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    return try PostgresGraphStore.createDatabase(named: name, onServerOf: url)
  }
}

/// `PRAGMA integrity_check` for SQLite; PostgreSQL checks its own pages and keys, so `["ok"]`.
func integrityCheck(_ store: any GraphStoring) throws -> [String] {
  if let store = store as? GraphStore { return try store.integrityCheck() }
  return ["ok"]
}

@Suite struct PostgresServerTests {
  @Test(.disabled(if: PostgresTestServer.url == nil, PostgresTestServer.skipReason))
  func testServerAcceptsAStore() throws {
    let store = try Backend.postgres.makeStore()
    #expect(
      try store.statistics()
        == StoreStatistics(documents: 0, entities: 0, relations: 0, mentions: 0, evidence: 0, decisions: 0))
  }
}
