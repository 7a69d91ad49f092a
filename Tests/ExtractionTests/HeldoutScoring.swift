import DocumentModel
import Foundation

@testable import Extraction

/// Scoring shared by the held-out attribution suites: the answer-key shape of `Fixtures/heldout*/*.gold.json`
/// and speaker–country pair counts as `Scripts/score-speakers.py` computes them.
enum HeldoutScoring {
  /// One article's answer key.
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

  /// (true positives, false positives, false negatives).
  typealias Counts = (Int, Int, Int)

  /// The text and answer key of `folder/name`.
  static func load(_ folder: String, _ name: String) throws -> (String, Gold) {
    let text = try loadFixture("\(folder)/\(name).txt")
    let gold = try JSONDecoder().decode(Gold.self, from: Data(try loadFixture("\(folder)/\(name).gold.json").utf8))
    return (text, gold)
  }

  /// Pair counts of `predicted` (speaker gold id → country gold ids; unmatched speakers keyed by anything else)
  /// against the required speakers, debatable countries ignored on both sides.
  static func counts(_ gold: Gold, _ predicted: [String: Set<String>]) -> Counts {
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

  /// Pair counts of the speech stages alone on `folder/name`, with the gold entities as mentions and
  /// `demonyms` for its countries (the recognizer supplies these in the real pipeline).
  static func speechCounts(_ folder: String, _ name: String, demonyms: [String: [String]]) throws -> Counts {
    let (text, gold) = try load(folder, name)
    var entities: [SpeechEntity] = []
    var goldID: [EntityID: String] = [:]
    for e in gold.entities {
      guard let kind = EntityKind(rawValue: e.kind) else { continue }
      var s = SpeechEntity(kind: kind, name: e.name, aliases: e.aliases)
      if kind == .country { s.demonyms = demonyms[e.name] ?? [] }
      entities.append(s)
      goldID[s.id] = e.id
    }
    let doc = attribute(text, entities)
    var predicted: [String: Set<String>] = [:]
    for r in doc.relations where r.predicate == .mentioned && doc.entities[r.object]?.kind == .country {
      predicted[goldID[r.subject] ?? r.subject.rawValue, default: []].insert(goldID[r.object] ?? r.object.rawValue)
    }
    return counts(gold, predicted)
  }

  static func f1(_ c: Counts) -> Double { 2.0 * Double(c.0) / Double(max(1, 2 * c.0 + c.1 + c.2)) }
}
