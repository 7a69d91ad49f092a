import Foundation
import Testing

@testable import DocumentModel

/// The spool that lets `build` write the graph of a 20 MB text without holding it (issue 12) must give exactly the
/// graph that merging its parts in memory gives, byte for byte, whatever runs and compactions it made.
@Suite struct GraphSpoolTests {
  /// Deterministic random parts: documents, each with entities drawn from a small pool (so ids repeat across
  /// parts with other names, aliases, attributes and mentions), relations between them and quotes.
  struct Parts {
    var state: UInt64
    /// Whether some entities and relations get hundreds of mentions or evidence pieces (written to runs in pieces).
    var heavy = false
    init(seed: UInt64, heavy: Bool = false) {
      state = seed
      self.heavy = heavy
    }

    /// How many mentions or evidence pieces an entry gets.
    mutating func listLength(_ light: Int) -> Int { heavy && next(4) == 0 ? 400 + next(900) : 1 + next(light) }

    mutating func next(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }

    mutating func evidence(_ doc: String, near base: Int) -> Evidence {
      let start = base + next(heavy ? 900 : 400)
      return Evidence(doc: doc, start: start, end: start + 1 + next(9), text: "w\(next(5))", sentence: next(3))
    }

    /// One part: document `doc` (its quotes start at `base` and later, so segments of one document never share a
    /// quote id).
    mutating func part(doc: String, base: Int) -> KnowledgeGraph {
      var g = KnowledgeGraph(documents: [DocumentInfo(id: doc, path: "\(doc).txt", sha256: "s\(next(3))", length: 9)])
      let kinds: [EntityKind] = [.person, .organization, .country]
      var ids: [EntityID] = []
      for _ in 0..<(1 + next(12)) {
        let kind = kinds[next(kinds.count)]
        let id = EntityID(rawValue: "\(kind.rawValue):e\(next(15))")
        ids.append(id)
        g.add(
          Entity(
            id: id, kind: kind, name: "Name \(next(4))", aliases: (0..<next(3)).map { "Alias \(next(6)) \($0)" },
            mentions: (0..<listLength(4)).map { _ in evidence(doc, near: base) },
            attributes: next(3) == 0 ? ["title": "T\(next(3))", "k\(next(2))": "v"] : [:],
            confidence: Double(next(100)) / 100))
      }
      let predicates: [DocumentModel.Predicate] = [.mentioned, .employeeOf, .alliedWith, .locatedIn]
      for _ in 0..<next(10) {
        g.add(
          Relation(
            subject: ids[next(ids.count)], predicate: predicates[next(predicates.count)], object: ids[next(ids.count)],
            confidence: Double(next(100)) / 100, count: heavy ? 2_000 * next(2) : 1 + next(3),
            evidence: (0..<listLength(3)).map { _ in evidence(doc, near: base) },
            source: next(4) == 0 ? "" : "rule-\(next(3))"))
      }
      g.dropDanglingRelations()
      var quotes: [QuoteRecord] = []
      for i in 0..<next(4) {
        let start = base + 10 * i
        quotes.append(
          QuoteRecord(
            id: QuoteRecord.id(doc: doc, start: start), doc: doc, start: start, end: start + 5, text: "words",
            kind: .direct, speaker: ids[next(ids.count)], speakerMention: nil, cue: nil, embeddedIn: nil,
            mentions: [ids[next(ids.count)]], confidence: 0.5, source: "cue-after-quote"))
      }
      g.add(quotes: quotes)
      return g
    }

    /// Parts of `documents` documents; some documents come in several segments (parts in a row, later spans).
    mutating func parts(documents: Int) -> [KnowledgeGraph] {
      var out: [KnowledgeGraph] = []
      for d in 0..<documents {
        let doc = "doc\(String(format: "%03d", 7 * d % documents))"
        for segment in 0..<(next(4) == 0 ? 3 : 1) { out.append(part(doc: doc, base: 1000 * segment)) }
      }
      return out
    }
  }

  static func merged(_ parts: [KnowledgeGraph]) -> KnowledgeGraph {
    var g = KnowledgeGraph()
    for p in parts { g.merge(p) }
    return g
  }

  static func spooledJSON(_ spool: GraphSpool) throws -> (Data, GraphSpool.Totals) {
    var data = Data()
    let totals = try spool.writeJSON { data.append($0) }
    return (data, totals)
  }

  @Test(arguments: [
    (1, 100, false), (2, 3, false), (3, 1_000_000, false), (4, 40, false), (5, 3_000, true), (6, 40, true),
  ])
  func spooledGraphIsTheMergedGraphByteForByte(_ seed: UInt64, _ flushWeight: Int, _ heavy: Bool) throws {
    var random = Parts(seed: seed, heavy: heavy)
    let parts = random.parts(documents: 30)
    let expected = Self.merged(parts)
    let spool = try GraphSpool(flushWeight: flushWeight, fanIn: 3)
    for p in parts { try spool.add(p) }
    if flushWeight < 1_000_000 { #expect(spool.runCount > 0) }
    let (json, totals) = try Self.spooledJSON(spool)
    #expect(json == (try expected.jsonData()))
    #expect(
      totals
        == GraphSpool.Totals(
          documents: expected.documents.count, entities: expected.entities.count,
          relations: expected.relations.count, quotes: expected.quotes.count))
    #expect(try spool.graph() == expected)
    #expect(expected.invariantViolations().isEmpty)
  }

  /// Merging sorted lists in one pass (large graphs) gives what adding the entries one by one gives.
  @Test func mergingAGraphEqualsAddingItsEntriesOneByOne() {
    var random = Parts(seed: 9)
    let parts = random.parts(documents: 20)
    var oneByOne = KnowledgeGraph()
    for p in parts {
      for d in p.documents { oneByOne.add(d) }
      for e in p.entities { oneByOne.add(e) }
      for r in p.relations { oneByOne.add(r) }
      oneByOne.add(quotes: p.quotes)
    }
    #expect(Self.merged(parts) == oneByOne)
  }

  /// Merging all parts at once (`Corpus.analyze` over a folder) gives what merging them one after another gives,
  /// byte for byte, heavy lists, zero-evidence counts and repeated ids included.
  @Test(arguments: [(11, false), (12, true)])
  func mergingManyGraphsAtOnceEqualsMergingThemInTurn(_ seed: UInt64, _ heavy: Bool) throws {
    var random = Parts(seed: seed, heavy: heavy)
    let parts = random.parts(documents: 40)
    var atOnce = KnowledgeGraph()
    atOnce.merge(contentsOf: parts)
    #expect(try atOnce.jsonData() == (try Self.merged(parts).jsonData()))
    var onTop = Self.merged(Array(parts.prefix(5)))
    onTop.merge(contentsOf: Array(parts.dropFirst(5)))
    #expect(onTop == Self.merged(parts))
  }

  /// Entries with lists longer than a batch are written in pieces (the encoder's tree of one such entity took
  /// hundreds of megabytes); the bytes must stay those of one `JSONEncoder` pass, next to light entries.
  @Test func longListsAreWrittenInPiecesWithTheEncodersBytes() throws {
    let n = GraphJSONWriter.batchWeight * 2 + 7
    let many = (0..<n).map { Evidence(doc: "d", start: $0, end: $0 + 2, text: "t\($0 % 7)", sentence: $0 % 3) }
    let heavy = Entity(
      kind: .person, name: "Jane Roe", aliases: ["Roe"], mentions: many, attributes: ["mentions": "x"])
    let light = Entity(kind: .country, name: "Peru", mentions: [many[0]])
    let lastLight = Entity(kind: .person, name: "Zed", mentions: [many[1]])
    var g = KnowledgeGraph(
      documents: [DocumentInfo(id: "d", path: "d.txt")], entities: [light, heavy, lastLight],
      relations: [
        Relation(subject: heavy.id, predicate: .mentioned, object: light.id, confidence: 0.5, evidence: many),
        Relation(subject: light.id, predicate: .mentioned, object: heavy.id, confidence: 0.5, evidence: [many[2]]),
        Relation(
          subject: lastLight.id, predicate: .mentioned, object: heavy.id, confidence: 0.7, count: n + 3, evidence: many),
      ])
    let ids = (0..<n).map { EntityID(rawValue: "person:p\($0)") }
    g.add(quotes: [QuoteRecord(doc: "d", start: 1, end: 5, text: "w", kind: .direct, mentions: ids)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let expected = (try encoder.encode(g)) + [0x0A]
    #expect(try g.jsonData() == expected)
    let spool = try GraphSpool(flushWeight: 1)
    try spool.add(g)
    // The same graph again, as a second part: every long list comes back from two runs, in pieces.
    try spool.add(g)
    #expect(spool.runCount == 2)
    #expect(try Self.spooledJSON(spool).0 == (try Self.merged([g, g]).jsonData()))
  }

  @Test func anEmptySpoolWritesAnEmptyGraph() throws {
    let spool = try GraphSpool()
    #expect(try Self.spooledJSON(spool).0 == (try KnowledgeGraph().jsonData()))
  }

  @Test func itsFolderIsRemovedWithIt() throws {
    var folder: URL?
    do {
      let spool = try GraphSpool(flushWeight: 1)
      var random = Parts(seed: 5)
      for p in random.parts(documents: 5) { try spool.add(p) }
      folder = spool.folder
      #expect(try FileManager.default.contentsOfDirectory(atPath: spool.folder.path).count >= 3)
    }
    #expect(!FileManager.default.fileExists(atPath: try #require(folder).path))
  }

  @Test func aFailingWriterStopsTheMergeWithItsError() throws {
    struct Full: Error {}
    let spool = try GraphSpool(flushWeight: 1)
    var random = Parts(seed: 6)
    for p in random.parts(documents: 10) { try spool.add(p) }
    #expect(throws: Full.self) { try spool.writeJSON { _ in throw Full() } }
  }
}
