import DocumentModel
import Foundation
import GraphStore
import Testing

@testable import EntityGraphCLI
import TestSupport

/// `ingest`, `remove`, `merge`/`split` and `query` through the real executable.
@Suite(.serialized) struct StoreCommandTests {
  let binary = TestSupport.executable()

  static let articles = [
    "harbor.txt": """
    Maria Okafor said, "France and Brazil must act now." Maria Okafor, the director of Harbor Energy, \
    visited Kenya on Monday.
    """,
    "council.txt": """
    Daniel Brandt spoke at the Northwind Council in Oslo. "Norway will not wait for Canada," Brandt said.
    """,
    "trade.txt": "According to Priya Raman, trade with India grew last year. Officials in Chile met Harbor Energy.\n",
  ]

  func makeCorpus() throws -> URL {
    let dir = try TestSupport.makeTemporaryDirectory("store-corpus")
    for (name, text) in Self.articles { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    return dir
  }

  func run(_ arguments: [String]) throws -> TestSupport.ProcessOutput {
    let bin = try #require(binary, "entitygraph executable not built")
    return try TestSupport.run(bin, arguments)
  }

  @Test func ingestIsIncrementalAndIdempotent() throws {
    let corpus = try makeCorpus()
    try FileManager.default.createDirectory(
      at: corpus.appendingPathComponent("store"), withIntermediateDirectories: true)  // --db never makes folders
    let db = corpus.appendingPathComponent("store/graph.sqlite").path
    let first = try run(["ingest", corpus.path, "--db", db])
    #expect(first.status == 0)
    #expect(first.stdout == "added 3, updated 0, unchanged 0, failed 0\n")
    #expect(!first.stderr.contains("["), "no progress bar when stderr is a pipe")
    let again = try run(["ingest", corpus.path, "--db", db])
    #expect(again.stdout == "added 0, updated 0, unchanged 3, failed 0\n")
    let before = try GraphStore(path: db).statistics(forDocument: "harbor")
    try Data("Kenji Mori visited Egypt.\n".utf8).write(to: corpus.appendingPathComponent("trade.txt"))
    try Data([0x00, 0xFF, 0x00]).write(to: corpus.appendingPathComponent("broken.txt"))
    let changed = try run(["ingest", corpus.path, "--db", db])
    #expect(changed.status == ExitCodes.partial)
    #expect(changed.stdout == "added 0, updated 1, unchanged 2, failed 1\n")
    #expect(changed.stderr.contains("broken.txt"))
    let store = try GraphStore(path: db)
    #expect(try store.statistics(forDocument: "harbor") == before)
    #expect(try store.entity(named: "Egypt").documents == ["trade"])
    #expect((try? store.entity(named: "Priya Raman")) == nil, "the old version's facts are gone")
  }

  @Test func removeDropsDocumentsByIDOrPath() throws {
    let corpus = try makeCorpus()
    let db = corpus.appendingPathComponent("graph.sqlite").path
    _ = try run(["ingest", corpus.path, "--db", db])
    let removed = try run(["remove", "trade", corpus.appendingPathComponent("council.txt").path, "--db", db])
    #expect(removed.status == 0)
    #expect(removed.stdout == "removed 2: council, trade\n")
    #expect(try GraphStore(path: db).documents().map(\.id) == ["harbor"])
    let unknown = try run(["remove", "nothing-here", "--db", db])
    #expect(unknown.status == ExitCodes.noInput)
    #expect(unknown.stderr.contains("nothing-here"))
  }

  @Test func mergeAndSplitCommandsRecordDecisions() throws {
    let db = try hostileStore()
    let merged = try run(["merge", "Ada Lovelace", "Countess Ada", "--db", db])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == "merged person:countess-ada into person:ada-lovelace\n")
    let report = try GraphStore(path: db).entity(named: "Ada Lovelace")
    #expect(report.aliases.contains("Countess Ada"))
    let split = try run(["split", "Ada Lovelace", "--db", db])
    #expect(split.status == 0)
    #expect(try GraphStore(path: db).decisions().map(\.action) == ["merge", "split"])
    let bad = try run(["merge", "Ada Lovelace", "France", "--db", db])
    #expect(bad.status == ExitCodes.storeFailed)
    #expect(bad.stderr.contains("kind-mismatch"))
  }

  @Test func queryWithoutStoreAnalysesFiles() throws {
    let corpus = try makeCorpus()
    let result = try run(["query", "mentions", corpus.path, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try JSONDecoder().decode([MentionRow].self, from: Data(result.stdout.utf8)).count >= 0)
    let missing = try run(["query", "mentions", "--db", corpus.appendingPathComponent("none.sqlite").path])
    #expect(missing.status == ExitCodes.storeFailed)
    #expect(missing.stderr.contains("no graph store"))
  }

  @Test func fileThatIsNotAStoreIsAClearError() throws {
    let dir = try TestSupport.makeTemporaryDirectory("not-a-store")
    let path = dir.appendingPathComponent("notes.sqlite")
    try Data("just some text\n".utf8).write(to: path)
    let result = try run(["query", "relations", "--db", path.path])
    #expect(result.status == ExitCodes.storeFailed)
    #expect(result.stderr.contains("notes.sqlite") && result.stderr.contains("not a database"))
  }

  // MARK: - Rendering from the store

  @Test func renderDrawsAFocusedPartOfTheStore() throws {
    let db = try hostileStore()
    let out = try TestSupport.makeTemporaryDirectory("render-db").appendingPathComponent("france.dot")
    let result = try run([
      "render", "--db", db, "--focus", "France", "--depth", "1", "--kinds", "person,country", "--format", "dot",
      "-o", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let dot = try String(contentsOf: out, encoding: .utf8)
    #expect(dot.contains("France"))
    #expect(dot.contains("Evil \\\"Quote\\\""), "the hostile speaker, escaped by the DOT writer")
    #expect(!dot.contains("Ada Lovelace"), "two steps away: outside --depth 1")
    let unknown = try run(["render", "--db", db, "--focus", "Atlantis", "--format", "dot", "-o", out.path])
    #expect(unknown.status == ExitCodes.noInput)
    let both = try run(["render", "graph.json", "--db", db, "--format", "dot", "-o", out.path])
    #expect(both.status == ExitCodes.usage)
  }

  // MARK: - Hostile names through every query output

  static let hostile = "Evil \"Quote\" \\ <script>alert(1)</script> & Co,\nLine2"

  /// A store (built in-process) where a hostile-named speaker mentions France and an org.
  func hostileStore() throws -> String {
    let dir = try TestSupport.makeTemporaryDirectory("hostile-store")
    let path = dir.appendingPathComponent("graph.sqlite").path
    let store = try GraphStore(path: path)
    let text = "\(Self.hostile) said, \"France, and 'Acme'.\" Ada Lovelace, aka Countess Ada, agreed."
    func span(_ s: String) -> Evidence {
      let scalars = Array(text.unicodeScalars)
      let needle = Array(s.unicodeScalars)
      let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
      return Evidence(doc: "h", start: start, end: start + needle.count, text: s, sentence: 0)
    }
    let speaker = Entity(kind: .person, name: Self.hostile, mentions: [span(Self.hostile)])
    let france = Entity(kind: .country, name: "France", mentions: [span("France")], attributes: ["iso_alpha2": "FR"])
    let acme = Entity(kind: .organization, name: "Acme \"<b>\"", mentions: [span("Acme")])
    let ada = Entity(kind: .person, name: "Ada Lovelace", mentions: [span("Ada Lovelace")])
    let countess = Entity(kind: .person, name: "Countess Ada", mentions: [span("Countess Ada")])
    let quote = span("France, and 'Acme'.")
    let graph = KnowledgeGraph(
      entities: [speaker, france, acme, ada, countess],
      relations: [
        Relation(subject: speaker.id, predicate: .mentioned, object: france.id, confidence: 0.9, evidence: [quote]),
        Relation(subject: speaker.id, predicate: .mentioned, object: acme.id, confidence: 0.9, evidence: [quote]),
        Relation(
          subject: ada.id, predicate: .supports, object: speaker.id, confidence: 0.6, evidence: [span("agreed")]),
      ])
    try store.ingest(graph, for: DocumentInfo(id: "h", path: "h.txt", sha256: "x", length: text.unicodeScalars.count))
    return path
  }

  @Test(arguments: [
    ["query", "mentions"], ["query", "relations"], ["query", "neighbors", "France", "--depth", "2"],
    ["query", "path", "France", "Ada Lovelace"],
  ])
  func hostileNamesSurviveJSONAndCSVAndStayOnOneTableLine(_ command: [String]) throws {
    let db = try hostileStore()
    let json = try run(command + ["--db", db, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
    #expect(Self.strings(in: decoded).contains(Self.hostile))
    let csv = try run(command + ["--db", db, "--format", "csv"])
    #expect(CSVReader.rows(csv.stdout).flatMap { $0 }.contains(Self.hostile))
    let table = try run(command + ["--db", db])
    #expect(table.status == 0)
    #expect(!table.stdout.contains("\nLine2"), "a name's line break must not break a table row")
    #expect(table.stdout.contains("<script>"))
  }

  @Test func entityReportOfHostileName() throws {
    let db = try hostileStore()
    let json = try run(["query", "entity", Self.hostile, "--db", db, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let report = try JSONDecoder().decode(EntityReport.self, from: Data(json.stdout.utf8))
    #expect(report.entity.name == Self.hostile)
    #expect(report.relations.count == 3)
    let table = try run(["query", "entity", "France", "--db", db])
    #expect(table.stdout.contains("country:france"))
    let unknown = try run(["query", "entity", "Atlantis", "--db", db])
    #expect(unknown.status == ExitCodes.noInput)
    #expect(unknown.stderr.contains("unknown-entity"))
  }

  static func strings(in value: Any) -> [String] {
    switch value {
    case let s as String: return [s]
    case let a as [Any]: return a.flatMap(strings)
    case let d as [String: Any]: return d.values.flatMap(strings)
    default: return []
    }
  }
}

/// A small RFC 4180 reader for checking CSV output.
enum CSVReader {
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.unicodeScalars.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
  }
}

@Suite struct QueryOutputTests {
  @Test func mentionsTableShowsTheEntityInsideALongQuote() {
    let text = String(repeating: "words before the name ", count: 6) + "then Kenya appears here."
    let evidence = Evidence(doc: "d", start: 10, end: 10 + text.count, text: text)
    let cell = QueryOutput.cell(QueryOutput.quote(evidence, around: "Kenya", width: 60), width: 60)
    #expect(cell.contains("Kenya"))
    #expect(cell.hasPrefix("\"…"))
  }

  @Test func tableCellsStayOnOneLineAndAreCut() {
    #expect(QueryOutput.cell("a\nb\tc\u{1}", width: 40) == "a\\nb\\tc\\u{1}")
    #expect(QueryOutput.cell(String(repeating: "x", count: 50), width: 10) == "xxxxxxxxx…")
  }

  @Test func tableColumnsAlign() {
    let table = TextTable(header: ["A", "NUM"], widths: [10, 5], rightAligned: [1]).render([
      ["long name", "7"], ["b", "123"],
    ])
    #expect(table == "A          NUM\n---------  ---\nlong name    7\nb          123\n")
  }
}
