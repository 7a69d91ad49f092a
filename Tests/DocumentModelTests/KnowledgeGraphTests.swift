import DocumentModel
import Foundation
import Testing

@Suite struct KnowledgeGraphTests {
  func evidence(_ s: Int) -> Evidence { Evidence(doc: "d", start: s, end: s + 4, text: "text") }

  @Test func entityIDsAreDeterministicSlugs() {
    #expect(EntityID(kind: .country, name: "Iran").rawValue == "country:iran")
    #expect(EntityID(kind: .person, name: "José  Gurriarán-Ruiz").rawValue == "person:jose-gurriaran-ruiz")
    #expect(EntityID(kind: .organization, name: "O’Neil's \"Club\"").rawValue == "organization:oneils-club")
    #expect(EntityID(kind: .event, name: "!!!").rawValue == "event:x")
  }

  @Test func addingKeepsEntitiesSortedAndMergesDuplicates() {
    var g = KnowledgeGraph()
    g.add(Entity(kind: .person, name: "Zed", mentions: [evidence(9)]))
    g.add(Entity(kind: .country, name: "Iran", aliases: ["Islamic Republic of Iran"]))
    g.add(Entity(kind: .person, name: "Zed", aliases: ["Dr. Zed"], mentions: [evidence(1), evidence(9)]))
    #expect(g.entities.map(\.id.rawValue) == ["country:iran", "person:zed"])
    #expect(g.entity("person:zed")?.aliases == ["Dr. Zed"])
    #expect(g.entity("person:zed")?.mentions.map(\.start) == [1, 9])
    #expect(g.invariantViolations().isEmpty)
  }

  @Test func relationsMergeEvidenceAndCountDistinctSpans() {
    var g = KnowledgeGraph(entities: [Entity(kind: .person, name: "A"), Entity(kind: .country, name: "B")])
    g.add(
      Relation(
        subject: "person:a", predicate: .mentioned, object: "country:b", confidence: 0.5, evidence: [evidence(1)]))
    g.add(
      Relation(
        subject: "person:a", predicate: .mentioned, object: "country:b", confidence: 0.9,
        evidence: [evidence(1), evidence(7)]))
    #expect(g.relations.count == 1)
    #expect(g.relations[0].count == 2)
    #expect(g.relations[0].confidence == 0.9)
  }

  @Test func symmetricPredicatesAreStoredOnce() {
    var g = KnowledgeGraph(entities: [Entity(kind: .country, name: "A"), Entity(kind: .country, name: "B")])
    g.add(Relation(subject: "country:b", predicate: .alliedWith, object: "country:a", confidence: 1))
    g.add(Relation(subject: "country:a", predicate: .alliedWith, object: "country:b", confidence: 1))
    #expect(g.relations.map { "\($0.subject) \($0.object)" } == ["country:a country:b"])
  }

  @Test func danglingRelationsAreReportedAndDropped() {
    var g = KnowledgeGraph(entities: [Entity(kind: .person, name: "A")])
    g.add(Relation(subject: "person:a", predicate: .memberOf, object: "organization:gone", confidence: 1))
    #expect(g.invariantViolations() == ["relation object organization:gone missing"])
    #expect(g.dropDanglingRelations() == 1)
  }

  @Test func jsonRoundTripsAndIsByteIdentical() throws {
    var g = KnowledgeGraph(documents: [DocumentInfo(id: "d", path: "d.txt")])
    g.add(Entity(kind: .person, name: "Quote \" back\\slash\nnew <script>", mentions: [evidence(0)]))
    g.add(Entity(kind: .country, name: "Iran", attributes: ["iso_alpha2": "IR"]))
    let data = try g.jsonData()
    let back = try KnowledgeGraph(jsonData: data)
    #expect(back == g)
    #expect(try back.jsonData() == data)
  }

  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
  ])
  func sha256MatchesKnownDigests(_ input: String, _ digest: String) {
    #expect(SHA256.hex(of: Array(input.utf8)) == digest)
  }

  /// Found by the graph-json fuzz target: evidences differing only in `sentence` tied, so their order
  /// (and the graph's JSON) depended on hashing.
  @Test func evidenceOrderIsTotalWhenOnlyTheSentenceDiffers() throws {
    let unknown = Evidence(doc: "d", start: 0, end: 4, text: "Mara")
    let first = Evidence(doc: "d", start: 0, end: 4, text: "Mara", sentence: 0)
    #expect(unknown < first && !(first < unknown))
    let graph = KnowledgeGraph(entities: [Entity(kind: .person, name: "Mara", mentions: [first, unknown])])
    #expect(graph.entities[0].mentions == [unknown, first])
    let again = try KnowledgeGraph(jsonData: graph.jsonData())
    #expect(again == graph)
  }
}

@Suite struct QuoteRecordModelTests {
  let roe = EntityID(kind: .person, name: "Jane Roe")
  let peru = EntityID(kind: .country, name: "Peru")

  func record(_ start: Int, speaker: EntityID?, mentions: [EntityID] = []) -> QuoteRecord {
    QuoteRecord(
      doc: "d", start: start, end: start + 5, text: "hello", kind: .direct, speaker: speaker,
      speakerMention: speaker == nil ? nil : .init(start: 0, end: 3, text: "Roe"), mentions: mentions, confidence: 0.9,
      source: "cue-after-quote")
  }

  @Test func encodesEveryKeyWithNulls() throws {
    let graph = KnowledgeGraph(quotes: [record(10, speaker: nil)])
    let json = String(decoding: try graph.jsonData(), as: UTF8.self)
    #expect(json.contains("\"speaker\" : null"))
    #expect(json.contains("\"speaker_mention\" : null"))
    #expect(json.contains("\"embedded_in\" : null"))
    #expect(json.contains("\"id\" : \"q:d:10\""))
    let back = try KnowledgeGraph(jsonData: try graph.jsonData())
    #expect(back == graph)
  }

  /// `jsonData()` is written entry by entry (`writeJSON`); its bytes must stay those of one `JSONEncoder` pass.
  @Test func piecewiseJSONIsByteForByteTheEncoderOutput() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let empty = KnowledgeGraph()
    #expect(try empty.jsonData() == (try encoder.encode(empty)) + [0x0A])
    var graph = KnowledgeGraph(
      documents: [DocumentInfo(id: "d/1", path: "a \"b\"\n.txt", sha256: "ab", length: 12)],
      quotes: [record(10, speaker: roe, mentions: [peru]), record(20, speaker: nil)])
    graph.add(
      Entity(
        kind: .person, name: "Jane Roe", aliases: ["Roe", "Dr. Jane Roe"],
        mentions: [Evidence(doc: "d/1", start: 0, end: 3, text: "Roe\t\u{1}", sentence: 0)],
        attributes: ["title": "Dr.", "b/c": "é"], confidence: 0.93))
    graph.add(Entity(kind: .country, name: "Peru", confidence: 1))
    graph.add(
      Relation(
        subject: roe, predicate: .mentioned, object: peru, confidence: 0.5,
        evidence: [Evidence(doc: "d/1", start: 4, end: 9, text: "“Peru”", form: .demonym)]))
    var pieces = 0
    var written = Data()
    try graph.writeJSON {
      pieces += 1
      written.append($0)
    }
    #expect(written == (try encoder.encode(graph)) + [0x0A])
    #expect(try graph.jsonData() == written && pieces == 1)
  }

  @Test func graphsWithoutQuotesStillDecode() throws {
    let graph = try KnowledgeGraph(jsonData: Data("{\"documents\": [], \"entities\": [], \"relations\": []}".utf8))
    #expect(graph.quotes.isEmpty)
  }

  @Test func mergeKeepsOneRecordPerIdInOrder() {
    var a = KnowledgeGraph(quotes: [record(30, speaker: nil), record(10, speaker: nil)])
    a.merge(KnowledgeGraph(quotes: [record(10, speaker: nil), record(20, speaker: nil)]))
    #expect(a.quotes.map(\.start) == [10, 20, 30])
  }

  @Test func danglingSpeakersAndMentionsAreDropped() {
    var g = KnowledgeGraph(
      entities: [Entity(kind: .country, name: "Peru")], quotes: [record(1, speaker: roe, mentions: [peru, roe])])
    #expect(!g.invariantViolations().isEmpty)
    g.dropDanglingRelations()
    #expect(g.quotes.first?.speaker == nil)
    #expect(g.quotes.first?.mentions == [peru])
    #expect(g.invariantViolations().isEmpty)
  }

  @Test func filteringKeepsQuotesOfKeptSpeakers() {
    let g = KnowledgeGraph(
      entities: [Entity(kind: .person, name: "Jane Roe"), Entity(kind: .country, name: "Peru")],
      quotes: [record(1, speaker: roe, mentions: [peru]), record(9, speaker: nil)])
    let people = g.filtered { $0.kind == .person }
    #expect(people.quotes.count == 2)
    #expect(people.quotes.first?.mentions == [])
    let places = g.filtered { $0.kind == .country }
    #expect(places.quotes.map(\.start) == [9])
  }

  @Test func evidenceTextIsTheSliceUpToTheLimitThenItsTwoEnds() {
    let short = Document(id: "d", text: "Née à Paris.")
    #expect(short.evidence(0, 3).text == "Née")
    #expect(short.excerpt(from: -5, to: 99) == "Née à Paris.")
    let whole = String(repeating: "é", count: Evidence.textLimit)
    let atLimit = Document(id: "d", text: whole)
    #expect(atLimit.evidence(0, atLimit.length).text == whole)
    #expect(!atLimit.evidence(0, atLimit.length).isAbridged)
    let long = Document(id: "d", text: "A" + whole + "Z")
    let e = long.evidence(0, long.length)
    #expect(e.isAbridged && e.start == 0 && e.end == Evidence.textLimit + 2)
    #expect(e.text.hasPrefix("Aéé") && e.text.hasSuffix("ééZ") && e.text.contains(Evidence.textGap))
    #expect(e.text.unicodeScalars.count == 2 * Evidence.textEdge + Evidence.textGap.unicodeScalars.count)
  }
}
