import Foundation
import Testing

@testable import DocumentModel

/// The spool's run files hold entries in a binary form (``RunRecord``): reading one back must give an equal entry,
/// every optional field present or absent, and a damaged file must stop the merge with an error, not a wrong graph.
@Suite struct RunRecordTests {
  static func roundTrip<T: RunRecord & Equatable>(_ value: T) throws -> T {
    var out = RunRecordWriter()
    value.write(to: &out)
    var input = RunRecordReader(out.bytes)
    let back = try T(from: &input)
    #expect(input.position == out.bytes.count)
    return back
  }

  static let evidence = [
    Evidence(doc: "d/ü.txt", start: 0, end: 12, text: "Zoë said “hi” 🇮🇷", sentence: 3, form: .demonym),
    Evidence(doc: "", start: -5, end: Int.max, text: "", sentence: nil, form: nil),
    Evidence(doc: "x", start: Int.min, end: 0, text: "a\tb\nc\u{0}", sentence: 0),
  ]

  @Test func everyFieldComesBackEqual() throws {
    for e in Self.evidence { #expect(try Self.roundTrip(e) == e) }
    let entity = Entity(
      kind: .person, name: "Jane Roe", aliases: ["Roe", "J. Roe"], mentions: Self.evidence,
      attributes: ["title": "Dr.", "role": "minister"], confidence: 0.1 + 0.2)
    #expect(try Self.roundTrip(entity) == entity)
    #expect(try Self.roundTrip(Entity(kind: .country, name: "Peru")) == Entity(kind: .country, name: "Peru"))
    let relation = Relation(
      subject: entity.id, predicate: .mentioned, object: "country:peru", confidence: -0.0, count: 7,
      evidence: Self.evidence, source: "model:relation")
    #expect(try Self.roundTrip(relation) == relation)
    let full = QuoteRecord(
      doc: "d", start: 4, end: 40, text: "“We will”", kind: .direct, speaker: entity.id,
      speakerMention: .init(start: 50, end: 58, text: "Jane Roe"), cue: .init(start: 59, end: 63, text: "said"),
      embeddedIn: "q:d:1", mentions: ["country:peru", "person:x"], confidence: 0.875, source: "rule:cue")
    #expect(try Self.roundTrip(full) == full)
    let bare = QuoteRecord(doc: "d", start: 1, end: 2, text: "x", kind: .indirect)
    #expect(try Self.roundTrip(bare) == bare)
  }

  @Test func aCutOrAlteredRecordIsReportedDamaged() throws {
    var out = RunRecordWriter()
    Self.evidence[0].write(to: &out)
    for cut in [0, 1, out.bytes.count / 2, out.bytes.count - 1] {
      var input = RunRecordReader(out.bytes, to: cut)
      #expect(throws: RunRecordReader.Damaged.self) { try Evidence(from: &input) }
    }
    var kind = RunRecordWriter()
    kind.string("not-a-kind")
    var input = RunRecordReader(kind.bytes)
    #expect(throws: RunRecordReader.Damaged.self) { try input.raw(EntityKind.self) }
  }

  @Test func aDamagedRunFileStopsTheMerge() throws {
    let spool = try GraphSpool(flushWeight: 1)
    let entity = Entity(kind: .person, name: "Jane Roe", mentions: Self.evidence)
    try spool.add(KnowledgeGraph(documents: [DocumentInfo(id: "d", path: "d.txt")], entities: [entity]))
    try spool.add(KnowledgeGraph(documents: [DocumentInfo(id: "e", path: "e.txt")], entities: [entity]))
    let files = try FileManager.default.contentsOfDirectory(atPath: spool.folder.path).filter {
      $0.hasSuffix(".entities")
    }
    let url = spool.folder.appendingPathComponent(try #require(files.sorted().first))
    let bytes = try Data(contentsOf: url)
    try bytes.prefix(bytes.count - 3).write(to: url)
    #expect(throws: RunRecordReader.Damaged.self) { try spool.writeJSON { _ in } }
  }
}
