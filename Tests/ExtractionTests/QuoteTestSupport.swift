import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// One hand-given entity for a speech fixture: its surface forms and, for countries, demonyms.
struct SpeechEntity {
  var kind: EntityKind
  var name: String
  var aliases: [String] = []
  var demonyms: [String] = []
  var attributes: [String: String] = [:]

  static func person(_ name: String, _ aliases: String...) -> SpeechEntity {
    SpeechEntity(kind: .person, name: name, aliases: aliases)
  }
  static func org(_ name: String, _ aliases: String...) -> SpeechEntity {
    SpeechEntity(kind: .organization, name: name, aliases: aliases)
  }
  static func country(_ name: String, _ demonyms: String...) -> SpeechEntity {
    SpeechEntity(kind: .country, name: name, demonyms: demonyms)
  }
  static func place(_ name: String) -> SpeechEntity { SpeechEntity(kind: .location, name: name) }
  static func event(_ name: String, _ aliases: [String] = [], attributes: [String: String] = [:]) -> SpeechEntity {
    SpeechEntity(kind: .event, name: name, aliases: aliases, attributes: attributes)
  }
  var id: EntityID { EntityID(kind: kind, name: name) }
}

/// Builds an analyzed document by hand: the real ``Tokenizer`` and ``SentenceSplitter`` give its tokens,
/// words, sentences and paragraphs, and every whole-word occurrence of an entity's name, aliases and
/// demonyms becomes a mention (longest first, no overlaps), so speech stages can be tested without the
/// trained tagger.
func makeSpeechDocument(_ text: String, id: String = "fixture", _ entities: [SpeechEntity]) -> AnalyzedDocument {
  var doc = AnalyzedDocument(document: Document(id: id, path: "\(id).txt", text: text))
  Tokenizer().process(&doc)
  SentenceSplitter().process(&doc)
  let scalars = doc.document.scalars
  var forms: [(surface: [Unicode.Scalar], entity: SpeechEntity, isDemonym: Bool)] = []
  for e in entities {
    for n in [e.name] + e.aliases { forms.append((Array(n.unicodeScalars), e, false)) }
    for d in e.demonyms { forms.append((Array(d.unicodeScalars), e, true)) }
  }
  forms.sort { $0.surface.count > $1.surface.count }
  var taken = [Bool](repeating: false, count: scalars.count)
  var mentions: [EntityMention] = []
  func isWordChar(_ i: Int) -> Bool {
    i >= 0 && i < scalars.count && (scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil)
  }
  for f in forms where !f.surface.isEmpty {
    var i = 0
    while i + f.surface.count <= scalars.count {
      if Array(scalars[i..<(i + f.surface.count)]) == f.surface, !isWordChar(i - 1), !isWordChar(i + f.surface.count),
        !taken[i..<(i + f.surface.count)].contains(true)
      {
        for k in i..<(i + f.surface.count) { taken[k] = true }
        mentions.append(
          EntityMention(
            start: i, end: i + f.surface.count, kind: f.entity.kind, entity: f.entity.id, isDemonym: f.isDemonym,
            source: .supplied))
        i += f.surface.count
      } else {
        i += 1
      }
    }
  }
  doc.mentions = mentions.sorted { $0.start < $1.start }
  for e in entities {
    let ms = doc.mentions.filter { $0.entity == e.id && !$0.isDemonym }.map { doc.document.evidence($0.start, $0.end) }
    doc.entities[e.id] = Entity(kind: e.kind, name: e.name, aliases: e.aliases, mentions: ms, attributes: e.attributes)
  }
  return doc
}

/// Runs the quote finder and the attributor on a hand-built document.
func attribute(_ text: String, _ entities: [SpeechEntity]) -> AnalyzedDocument {
  var doc = makeSpeechDocument(text, entities)
  QuoteFinder().process(&doc)
  SpeechAttributor().process(&doc)
  return doc
}

extension AnalyzedDocument {
  /// The names of the entities each speaker mentioned, by speaker name.
  func mentionedNames(kind: EntityKind? = nil) -> [String: Set<String>] {
    var out: [String: Set<String>] = [:]
    for r in relations where r.predicate == .mentioned {
      guard let s = entities[r.subject], let o = entities[r.object], kind == nil || o.kind == kind else { continue }
      out[s.name, default: []].insert(o.name)
    }
    return out
  }

  /// `subject predicate object` lines for every relation but `mentioned`, by entity name, sorted.
  func relationLines(excludingMentioned: Bool = true) -> [String] {
    relations.filter { !excludingMentioned || $0.predicate != .mentioned }.map {
      "\(entities[$0.subject]?.name ?? $0.subject.rawValue) \($0.predicate.rawValue) \(entities[$0.object]?.name ?? $0.object.rawValue)"
    }.sorted()
  }

  /// The speaker name of the quote whose text contains `fragment`.
  func speaker(ofQuoteContaining fragment: String) -> String? {
    let q = quotes.filter { document.text(from: $0.start, to: $0.end).contains(fragment) }
      .min { ($0.end - $0.start) < ($1.end - $1.start) }
    return q?.speaker.flatMap { entities[$0]?.name }
  }

  /// The texts of the quotes, in order.
  var quoteTexts: [String] { quotes.map { document.text(from: $0.start, to: $0.end) } }
}

/// Loads a fixture file from `Fixtures/<path>`.
func loadFixture(_ path: String) throws -> String {
  let url = try #require(Bundle.module.url(forResource: "Fixtures/" + path, withExtension: nil))
  return try String(contentsOf: url, encoding: .utf8)
}
