import DocumentModel
import Testing

@testable import Extraction

/// People, organizations and countries of the invented rule fixtures.
let ruleEntities: [SpeechEntity] = [
  .person("Ilse Varga", "Varga"), .person("Tomas Brandt", "Brandt"), .person("Lena Ortiz-Vega", "Ortiz-Vega"),
  .person("Ruth Okoye", "Okoye"), .org("Delta Relief Agency"), .org("Harbor Trust"), .country("Peru", "Peruvian"),
  .country("Chile"), .country("Kenya"),
]

extension AnalyzedDocument {
  /// The shortest quote whose text contains `fragment`.
  func quote(containing fragment: String) -> Quote? {
    quotes.filter { document.text(from: $0.start, to: $0.end).contains(fragment) }.min {
      ($0.end - $0.start) < ($1.end - $1.start)
    }
  }

  /// The name of an entity of the document.
  func name(_ id: EntityID?) -> String? { id.flatMap { entities[$0]?.name } }

  /// `(speaker name, rule)` of the shortest quote containing `fragment`.
  func attribution(of fragment: String) -> (speaker: String?, rule: QuoteRule?)? {
    quote(containing: fragment).map { (name($0.speaker), $0.rule) }
  }
}

/// The document after the quote finder and the attributor, with the rule fixtures' entities.
func attributeRuleFixture(_ text: String, _ entities: [SpeechEntity] = ruleEntities) -> AnalyzedDocument {
  attribute(text, entities)
}

/// `subject predicate object` lines of the relation rules on `text`, and the document for failure messages.
func relationRuleFixture(_ text: String, _ entities: [SpeechEntity] = ruleEntities) -> (
  lines: [String], doc: AnalyzedDocument
) {
  var doc = makeSpeechDocument(text, entities)
  RelationExtractor().process(&doc)
  return (doc.relationLines(), doc)
}
