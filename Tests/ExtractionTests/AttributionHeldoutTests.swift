import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Scores the speech stages on the held-out articles (`Fixtures/heldout/*.txt` + `.gold.json`) with the
/// gold entities as mentions, so attribution quality is measured apart from entity recognition.
@Suite struct AttributionHeldoutTests {
  /// Demonyms for the countries of the held-out articles (the recognizer supplies these in the real pipeline).
  static let demonyms: [String: [String]] = [
    "Lithuania": ["Lithuanian"], "Poland": ["Polish"], "Ukraine": ["Ukrainian"], "Czechia": ["Czech"],
    "Kenya": ["Kenyan"], "Tanzania": ["Tanzanian"], "Germany": ["German"], "Russia": ["Russian"],
    "Venezuela": ["Venezuelan"], "Guyana": ["Guyanese"],
  ]

  static let documents = [
    "conference-report", "court-ruling", "earnings-call", "parliamentary-hearing", "press-conference", "qa-interview",
    "speech-report", "wire-story",
  ]

  struct Gold: Decodable {
    struct GoldEntity: Decodable {
      var id: String
      var kind: String
      var name: String
      var aliases: [String]
    }
    struct Speaker: Decodable {
      var speaker: String
      var required: Bool
      var countries_mentioned: [String]
      var countries_debatable: [String]
    }
    var entities: [GoldEntity]
    var speakers: [Speaker]
  }

  /// (true positives, false positives, false negatives) of speaker–country pairs for one document.
  func pairCounts(_ name: String) throws -> (Int, Int, Int) {
    let text = try loadFixture("heldout/\(name).txt")
    let gold = try JSONDecoder().decode(Gold.self, from: Data(try loadFixture("heldout/\(name).gold.json").utf8))
    var entities: [SpeechEntity] = []
    var goldID: [EntityID: String] = [:]
    for e in gold.entities {
      guard let kind = EntityKind(rawValue: e.kind) else { continue }
      var s = SpeechEntity(kind: kind, name: e.name, aliases: e.aliases)
      if kind == .country { s.demonyms = Self.demonyms[e.name] ?? [] }
      entities.append(s)
      goldID[s.id] = e.id
    }
    let doc = attribute(text, entities)
    var predicted: [String: Set<String>] = [:]
    for r in doc.relations where r.predicate == .mentioned && doc.entities[r.object]?.kind == .country {
      predicted[goldID[r.subject] ?? r.subject.rawValue, default: []].insert(goldID[r.object] ?? r.object.rawValue)
    }
    var (tp, fp, fn) = (0, 0, 0)
    let speakers = Dictionary(uniqueKeysWithValues: gold.speakers.map { ($0.speaker, $0) })
    for s in gold.speakers where s.required {
      let deb = Set(s.countries_debatable)
      let g = Set(s.countries_mentioned).subtracting(deb)
      let p = (predicted[s.speaker] ?? []).subtracting(deb)
      tp += p.intersection(g).count
      fp += p.subtracting(g).count
      fn += g.subtracting(p).count
    }
    for (s, p) in predicted where speakers[s] == nil { fp += p.count }
    return (tp, fp, fn)
  }

  @Test(arguments: documents)
  func everyHeldOutArticleScoresWell(name: String) throws {
    let (tp, fp, fn) = try pairCounts(name)
    let f1 = 2.0 * Double(tp) / Double(max(1, 2 * tp + fp + fn))
    #expect(f1 >= 0.85, "\(name): tp \(tp) fp \(fp) fn \(fn)")
  }

  @Test func heldOutPairF1MeetsTheBar() throws {
    var (tp, fp, fn) = (0, 0, 0)
    for name in Self.documents {
      let c = try pairCounts(name)
      tp += c.0
      fp += c.1
      fn += c.2
    }
    let f1 = 2.0 * Double(tp) / Double(max(1, 2 * tp + fp + fn))
    #expect(f1 >= 0.9, "tp \(tp) fp \(fp) fn \(fn)")
  }
}
