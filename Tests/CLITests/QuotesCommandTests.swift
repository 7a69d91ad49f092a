import DocumentModel
import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `entitygraph quotes` on files and on a store, and quotes in the exports, through the real executable.
@Suite(.serialized) struct QuotesCommandTests {
  let binary = TestSupport.executable()
  static let article = """
    Water talks resume in Lima

    LIMA — Maria Gonzalez, the water minister of Peru, opened the talks on Monday.

    “We cannot wait for Chile to act alone,” Gonzalez said. “Every valley needs the same rules.”

    Officials said the first agreement could be signed in March.

    David Chen, an engineer from Canada, called the plan “a serious start.”
    """

  func folder() throws -> URL {
    let dir = try TestSupport.makeTemporaryDirectory("quotes")
    try Self.article.write(to: dir.appendingPathComponent("talks.txt"), atomically: true, encoding: .utf8)
    return dir
  }

  func records(_ jsonl: String) throws -> [QuoteRecord] {
    try jsonl.split(separator: "\n").map { try JSONDecoder().decode(QuoteRecord.self, from: Data($0.utf8)) }
  }

  @Test func filesGiveOneRecordPerQuote() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try folder()
    let result = try TestSupport.run(bin, ["quotes", dir.path, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let quotes = try records(result.stdout)
    let wait = try #require(quotes.first { $0.text.hasPrefix("We cannot wait") })
    #expect(wait.kind == .direct)
    #expect(wait.speaker?.rawValue.hasPrefix("person:") == true)
    #expect(wait.speakerMention?.text == "Gonzalez")
    #expect(wait.mentions.contains(EntityID(rawValue: "country:chile")))
    #expect(quotes.contains { $0.kind == .indirect && $0.text.contains("first agreement") })
    let text = Array(Self.article.unicodeScalars)
    for q in quotes {
      #expect(String(String.UnicodeScalarView(text[q.start..<q.end])) == q.text)
    }
    // Filters.
    let direct = try records(
      try TestSupport.run(bin, ["quotes", dir.path, "--format", "jsonl", "--kind", "direct"]).stdout)
    #expect(!direct.isEmpty && direct.allSatisfy { $0.kind == .direct })
    let byName = try records(
      try TestSupport.run(bin, ["quotes", dir.path, "--format", "jsonl", "--speaker", "gonzalez"]).stdout)
    #expect(!byName.isEmpty && byName.allSatisfy { $0.speaker == wait.speaker })
    let csv = try TestSupport.run(bin, ["quotes", dir.path, "--format", "csv"])
    #expect(csv.stdout.hasPrefix("id,doc,start,end,kind,speaker_id,speaker,"))
    let table = try TestSupport.run(bin, ["quotes", dir.path])
    #expect(table.stdout.contains("SPEAKER") && table.stdout.contains("We cannot wait"))
  }

  @Test func badOptionsAreUsageErrors() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try folder()
    #expect(try TestSupport.run(bin, ["quotes", dir.path, "--kind", "shouted"]).status == 64)
    #expect(try TestSupport.run(bin, ["quotes", dir.path, "--format", "xml"]).status == 64)
    #expect(try TestSupport.run(bin, ["quotes"]).status == 64)
  }

  @Test func storeGivesTheSameRecordsAndExportsCarryThem() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try folder()
    let db = dir.appendingPathComponent("s.sqlite").path
    #expect(try TestSupport.run(bin, ["ingest", dir.path, "--db", db]).status == 0)
    let fromFiles = try records(try TestSupport.run(bin, ["quotes", dir.path, "--format", "jsonl"]).stdout)
    let fromStore = try records(try TestSupport.run(bin, ["quotes", "--db", db, "--format", "jsonl"]).stdout)
    #expect(fromStore.map(\.id) == fromFiles.map(\.id))
    #expect(fromStore.map(\.text) == fromFiles.map(\.text))

    let cypher = try TestSupport.run(bin, ["export", "--db", db, "--format", "cypher", "--include-quotes"])
    #expect(cypher.stdout.contains("MERGE (q:Quote {id:"))
    #expect(cypher.stdout.contains("[:SAID]->(q)"))
    let plain = try TestSupport.run(bin, ["export", "--db", db, "--format", "cypher"])
    #expect(!plain.stdout.contains(":Quote"))

    let graphml = dir.appendingPathComponent("g.graphml").path
    #expect(
      try TestSupport.run(bin, ["export", "--db", db, "--format", "graphml", "--include-quotes", "-o", graphml]).status
        == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: graphml))
    let reader = GraphMLReader()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    #expect(parser.parse())
    #expect(reader.nodeIDs.contains { $0.hasPrefix("q") })
    #expect(reader.edgeEnds.allSatisfy { reader.nodeIDs.contains($0.0) && reader.nodeIDs.contains($0.1) })

    let csvDir = dir.appendingPathComponent("csv").path
    #expect(
      try TestSupport.run(bin, ["export", "--db", db, "--format", "csv", "--include-quotes", "-o", csvDir]).status == 0)
    let nodes = try String(contentsOfFile: csvDir + "/nodes.csv", encoding: .utf8)
    let edges = try String(contentsOfFile: csvDir + "/edges.csv", encoding: .utf8)
    #expect(nodes.contains(",Quote,"))
    #expect(edges.contains("\"SAID\""))
  }
}
