import DocumentModel
import Foundation
import GraphRendering
import Testing

/// A small deterministic random number generator (SplitMix64) for property tests.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Whether Graphviz is installed and configured (layout plugins present).
enum Graphviz {
  static let isAvailable: Bool = (try? GraphvizRenderer.availableLayouts().isEmpty == false) ?? false
}

extension Trait where Self == ConditionTrait {
  /// Skips a test when Graphviz's plugins are not configured.
  static var requiresGraphviz: Self {
    .enabled(if: Graphviz.isAvailable, "Graphviz layout plugins are not configured")
  }
}

/// Hand-built graphs for the tests (invented names).
enum TestGraphs {
  static func evidence(_ text: String, at start: Int = 0) -> Evidence {
    Evidence(doc: "briefing", start: start, end: start + text.unicodeScalars.count, text: text)
  }

  /// A press briefing: a minister, a ministry, two countries, a city and a summit.
  static var briefing: KnowledgeGraph {
    let nadia = Entity(
      kind: .person, name: "Nadia Okonkwo-Varga", aliases: ["Okonkwo-Varga", "Minister Okonkwo-Varga"])
    let tomas = Entity(kind: .person, name: "Tomás Ferreira")
    let ministry = Entity(kind: .organization, name: "Ministry of Coastal Affairs")
    let norway = Entity(kind: .country, name: "Norway", attributes: ["iso_alpha2": "NO"])
    let chile = Entity(kind: .country, name: "Chile", attributes: ["iso_alpha2": "CL"])
    let city = Entity(kind: .location, name: "Valparaíso")
    let summit = Entity(kind: .event, name: "Blue Harbour Summit")
    return KnowledgeGraph(
      documents: [DocumentInfo(id: "briefing", path: "briefing.txt")],
      entities: [nadia, tomas, ministry, norway, chile, city, summit],
      relations: [
        Relation(subject: nadia.id, predicate: .ministerOf, object: ministry.id, confidence: 0.9),
        Relation(subject: nadia.id, predicate: .spokeAt, object: summit.id, confidence: 0.8),
        Relation(subject: tomas.id, predicate: .moderated, object: summit.id, confidence: 0.7),
        Relation(subject: summit.id, predicate: .locatedIn, object: city.id, confidence: 0.6),
        Relation(subject: city.id, predicate: .locatedIn, object: chile.id, confidence: 0.95),
        Relation(
          subject: nadia.id, predicate: .mentioned, object: norway.id, confidence: 0.9, count: 3,
          evidence: [evidence("\"Norway showed the way,\" she said.", at: 120)]),
        Relation(
          subject: nadia.id, predicate: .mentioned, object: chile.id, confidence: 0.85, count: 1,
          evidence: [evidence("\"Chile is ready.\"", at: 300)]),
        Relation(
          subject: tomas.id, predicate: .mentioned, object: norway.id, confidence: 0.4, count: 8,
          evidence: [evidence("He said \"Norway\" again.", at: 400)]),
      ])
  }

  /// A chain a – b – c – d – e of people with `member_of` edges, plus an unconnected country.
  static var chain: KnowledgeGraph {
    let names = ["Ada Quill", "Bo Reyes", "Cai Sun", "Dee Tarn", "Eli Uhl"]
    let people = names.map { Entity(kind: .person, name: $0) }
    var relations: [Relation] = []
    for (a, b) in zip(people, people.dropFirst()) {
      relations.append(Relation(subject: a.id, predicate: .memberOf, object: b.id, confidence: 0.5))
    }
    return KnowledgeGraph(entities: people + [Entity(kind: .country, name: "Peru")], relations: relations)
  }

  /// A random sparse typed graph with `nodes` entities and about `edgesPerNode` relations each.
  static func random(nodes: Int, edgesPerNode: Double = 2, seed: UInt64 = 7) -> KnowledgeGraph {
    var rng = SeededGenerator(seed: seed)
    let kinds = EntityKind.allCases
    let entities = (0..<nodes).map { i in
      Entity(
        id: EntityID(rawValue: "person:node-\(String(format: "%05d", i))"),
        kind: kinds[Int.random(in: 0..<kinds.count, using: &rng)], name: "Node \(i)")
    }
    let predicates = DocumentModel.Predicate.wellKnown
    var relations: [Relation] = []
    for _ in 0..<Int(Double(nodes) * edgesPerNode) {
      let a = Int.random(in: 0..<nodes, using: &rng)
      let b = Int.random(in: 0..<nodes, using: &rng)
      guard a != b else { continue }
      relations.append(
        Relation(
          subject: entities[a].id, predicate: predicates[Int.random(in: 0..<predicates.count, using: &rng)],
          object: entities[b].id, confidence: 0.9, count: Int.random(in: 1...5, using: &rng)))
    }
    return KnowledgeGraph(entities: entities, relations: relations)
  }
}
