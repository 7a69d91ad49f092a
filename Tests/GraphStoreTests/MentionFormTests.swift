import DocumentModel
import GraphStore
import Testing

/// Issue 11: a country named by its demonym keeps that mention, marked `form: demonym`, through the store.
@Suite struct MentionFormTests {
  /// "Turkish" (a demonym) and "Turkey" (the name) are both mentions of Turkey.
  func sample() -> (KnowledgeGraph, DocumentInfo) {
    var doc = DocBuilder("d", "Turkish officials met Ada Lovelace in Turkey.")
    doc.entity(.person, "Ada Lovelace")
    var demonym = doc.evidence("Turkish")
    demonym.form = .demonym
    let turkey = Entity(
      id: nil, kind: .country, name: "Turkey", aliases: [], mentions: [demonym, doc.evidence("Turkey")].sorted(),
      attributes: [:], confidence: 0.9)
    return (KnowledgeGraph(documents: [doc.info], entities: doc.entities + [turkey], relations: []), doc.info)
  }

  @Test(arguments: Backend.available) func demonymFormSurvivesIngestAndEveryRead(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let (graph, info) = sample()
    _ = try store.ingest(graph, for: info, force: false)
    let expected = ["Turkish:demonym", "Turkey:name"]
    func forms(_ mentions: [Mention]) -> [String] { mentions.map { "\($0.text):\($0.form?.rawValue ?? "name")" } }
    #expect(forms(try store.entity(named: "Turkey").mentions) == expected)
    let whole = try store.loadGraph()
    #expect(forms(try #require(whole.entities.first { $0.kind == .country }).mentions) == expected)
    let one = try store.documentGraph("d")
    #expect(forms(try #require(one.entities.first { $0.kind == .country }).mentions) == expected)
  }

  @Test func formIsWrittenToJSONOnlyWhenPresent() throws {
    let graph = sample().0
    let json = String(decoding: try graph.jsonData(), as: UTF8.self)
    #expect(json.components(separatedBy: "\"form\"").count == 2)
    #expect(json.components(separatedBy: "\"demonym\"").count == 2)
    #expect(try KnowledgeGraph(jsonData: try graph.jsonData()) == graph)
  }
}
