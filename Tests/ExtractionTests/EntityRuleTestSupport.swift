import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Runs one entity rule on invented text without the trained tagger: the real tokenizer and sentence splitter
/// analyze the text, the candidate spans are placed by hand, and only the rule under test runs, so a rule test
/// does not move when the tagger is retrained.
///
/// ```swift
/// let doc = try RuleDocument("We heard Voice of Peru yesterday.")
/// let out = doc.run(ExactTypingRule(), [try doc.span("Peru", .location)])
/// #expect(doc.describe(out) == ["Voice of Peru=organization@of-country"])
/// ```
struct RuleDocument {
  /// Shared, loaded once: the bundled gazetteers and word lists (ISO data from iso-codes), no tagger.
  static let lexicon: Lexicon? = try? Lexicon.makeDefault()

  let context: RecognitionContext

  init(_ text: String) throws {
    let lexicon = try #require(Self.lexicon, "the lexicon needs iso-codes (apt-get install iso-codes)")
    let pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter()])
    context = RecognitionContext(document: pipeline.run(Document(id: "t", text: text)), lexicon: lexicon)
  }

  /// A span over the tokens whose text is exactly `words`, at its `occurrence`-th place (0 = first).
  func span(
    _ words: String, _ kind: EntityKind, source: MentionRule = .tagger, occurrence: Int = 0
  ) throws -> NameSpan {
    let c = context
    var seen = 0
    for first in c.tokens.indices {
      for end in (first + 1)...min(c.tokens.count, first + 12) where c.text(first, end) == words {
        if seen == occurrence { return NameSpan(first: first, end: end, kind: kind, source: source) }
        seen += 1
      }
    }
    Issue.record("no tokens read '\(words)' (occurrence \(occurrence))")
    throw CancellationError()
  }

  /// Runs `rule` over `spans` and returns the result.
  func run(_ rule: any EntityRule, _ spans: [NameSpan] = []) -> [NameSpan] {
    var out = spans
    rule.apply(context, &out)
    return out
  }

  /// Each span as `text=kind@source`, with `/role` or `/group` for person spans naming no entity and
  /// `/demonym` for demonyms, in the order given.
  func describe(_ spans: [NameSpan]) -> [String] {
    spans.map { s in
      var out = "\(context.text(s.first, s.end))=\(s.kind.rawValue)@\(s.source.rawValue)"
      if let role = s.role { out += role == .role ? "/role" : "/group" }
      if s.isDemonym { out += "/demonym" }
      return out
    }
  }
}
