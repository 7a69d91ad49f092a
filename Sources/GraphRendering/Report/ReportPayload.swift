import DocumentModel
import Foundation

/// The data the report's script reads: written once, as JSON, in a `<script type="application/json">`.
///
/// Entities, relations and quotes refer to each other and to documents by array index, and spans are
/// short arrays `[document, start, end, sentence, text]` (`sentence` is -1 when unknown), so a big
/// store's report stays small and is parsed in one `JSON.parse`.
struct ReportPayload: Encodable {
  struct Meta: Encodable {
    var title: String
    var tool: String
    var command: String
    var hasTexts: Bool
    var defaultView: String
  }

  struct Kind: Encodable {
    var name: String
    var shape: String
    var fill: String
    var border: String
  }

  struct Document: Encodable {
    var id: String
    var path: String
    var sha256: String
    var length: Int
    var text: String?
  }

  /// `[document index, start, end, sentence or -1, text]`; the text is empty for a mention in a document
  /// whose text the page holds (the script cuts it from there), which keeps a big store's page small.
  struct Span: Encodable {
    var document: Int
    var evidence: Evidence
    var omitsText = false

    func encode(to encoder: any Encoder) throws {
      var c = encoder.unkeyedContainer()
      try c.encode(document)
      try c.encode(evidence.start)
      try c.encode(evidence.end)
      try c.encode(evidence.sentence ?? -1)
      try c.encode(omitsText ? "" : evidence.text)
    }
  }

  struct Entity: Encodable {
    var id: String
    var kind: String
    var name: String
    var aliases: [String]
    var confidence: Double
    var attributes: [String: String]
    var mentions: [Span]
  }

  struct Relation: Encodable {
    var s: Int
    var p: String
    var o: Int
    var c: Double
    var n: Int
    var src: String
    var ev: [Span]
  }

  struct Quote: Encodable {
    var s: Int
    var ev: Span
    var named: [Int]
  }

  struct View: Encodable {
    var key: String
    var title: String
    var note: String
    var entityCount: Int
    var relationCount: Int
  }

  var meta: Meta
  var kinds: [Kind]
  var documents: [Document]
  var entities: [Entity]
  var relations: [Relation]
  var quotes: [Quote]
  var views: [View]

  /// The JSON text, with sorted keys so the same graph gives the same bytes.
  func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}

extension ReportPayload {
  /// The payload of `graph`, with the texts that are known (document id → text).
  init(
    graph: KnowledgeGraph, texts: [String: String], quotes: [ReportQuote], views: [ReportView],
    metadata: HTMLReport.Metadata
  ) {
    var documentIndex: [String: Int] = [:]
    var documents: [Document] = []
    for info in graph.documents {
      documentIndex[info.id] = documents.count
      documents.append(
        Document(id: info.id, path: info.path, sha256: info.sha256, length: info.length, text: texts[info.id]))
    }
    // Evidence may name a document the graph does not list (a store's partial export); list it then.
    func index(of doc: String) -> Int {
      if let i = documentIndex[doc] { return i }
      documentIndex[doc] = documents.count
      documents.append(Document(id: doc, path: "", sha256: "", length: 0, text: texts[doc]))
      return documents.count - 1
    }
    func spans(_ list: [Evidence]) -> [Span] { list.map { Span(document: index(of: $0.doc), evidence: $0) } }

    var entityIndex: [EntityID: Int] = [:]
    var entities: [Entity] = []
    for entity in graph.entities {
      entityIndex[entity.id] = entities.count
      entities.append(
        Entity(
          id: entity.id.rawValue, kind: entity.kind.rawValue, name: entity.name, aliases: entity.aliases,
          confidence: entity.confidence, attributes: entity.attributes,
          mentions: entity.mentions.map {
            Span(document: index(of: $0.doc), evidence: $0, omitsText: texts[$0.doc] != nil)
          }))
    }
    var relations: [Relation] = []
    for relation in graph.relations {
      guard let s = entityIndex[relation.subject], let o = entityIndex[relation.object] else { continue }
      relations.append(
        Relation(
          s: s, p: relation.predicate.rawValue, o: o, c: relation.confidence, n: relation.count, src: relation.source,
          ev: spans(relation.evidence)))
    }
    var quoteList: [Quote] = []
    for quote in quotes {
      guard let s = entityIndex[quote.speaker] else { continue }
      quoteList.append(
        Quote(
          s: s, ev: Span(document: index(of: quote.evidence.doc), evidence: quote.evidence),
          named: quote.named.compactMap { entityIndex[$0] }))
    }
    self.init(
      meta: Meta(
        title: metadata.title, tool: metadata.toolVersion, command: metadata.commandLine,
        hasTexts: !texts.isEmpty, defaultView: views.first?.key ?? ""),
      kinds: EntityKind.allCases.map {
        let style = DOTNodeStyle.forKind($0)
        return Kind(name: $0.rawValue, shape: style.shape, fill: style.fillColor, border: style.borderColor)
      },
      documents: documents, entities: entities, relations: relations, quotes: quoteList,
      views: views.map {
        View(
          key: $0.key, title: $0.title, note: $0.note, entityCount: $0.graph.entities.count,
          relationCount: $0.graph.relations.count)
      })
  }
}
