import DocumentModel
import Foundation
import GraphStore

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
  func ingest(into store: GraphStore, force: Bool = false) throws -> IngestOutcome {
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
