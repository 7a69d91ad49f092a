import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Shared, loaded once: the default recognizer (bundled model and gazetteers, ISO data from iso-codes).
enum EntityFixtures {
  static let recognizer: EntityRecognizer? = try? EntityRecognizer.makeDefault()

  static func analyze(_ text: String, id: String = "t") throws -> AnalyzedDocument {
    let recognizer = try #require(recognizer, "the recognizer needs iso-codes (apt-get install iso-codes)")
    let pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), recognizer])
    return pipeline.run(Document(id: id, text: text))
  }

  /// The text of each non-demonym mention with its entity id, e.g. `"Peru=country:peru"`.
  static func names(_ a: AnalyzedDocument) -> [String] {
    a.mentions.filter { !$0.isDemonym }.map { "\(a.document.text(from: $0.start, to: $0.end))=\($0.entity)" }
  }

  static func demonyms(_ a: AnalyzedDocument) -> [String] {
    a.mentions.filter { $0.isDemonym && $0.kind == .country }.map {
      "\(a.document.text(from: $0.start, to: $0.end))=\($0.entity)"
    }
  }
}
