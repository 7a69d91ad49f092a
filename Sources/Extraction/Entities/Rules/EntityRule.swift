/// One named pass of the entity recognizer over the candidate name spans of a document.
///
/// The recognizer runs its passes in the order of ``EntityRecognizer/rules``, like spaCy's named pipeline
/// components; each pass is a small type in its own file under `Entities/Rules/` (one rule per file, as in
/// swift-format) and says which ``MentionRule`` ids it writes as the `source` of the spans it adds or
/// retypes. Overlapping spans are settled by one pass, ``OverlapRule``, under the named policy
/// ``MentionRule/overlapPriority``.
///
/// ```swift
/// var spans = recognizer.proposeSpans(context)
/// for rule in EntityRecognizer.rules { rule.apply(context, &spans) }
/// ```
protocol EntityRule: Sendable {
  /// The pass's name, for diagnostics and tests ("reported-event", "surname", …).
  var name: String { get }
  /// The rule ids this pass writes as a span's `source` (empty for passes that only trim, retype or drop).
  var writes: [MentionRule] { get }
  /// Runs the pass over the document's spans.
  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan])
}

extension RecognitionContext {
  /// Whether each token is inside one of `spans`.
  func coverage(_ spans: [NameSpan]) -> [Bool] {
    var covered = [Bool](repeating: false, count: tokens.count)
    for s in spans { for i in s.first..<s.end { covered[i] = true } }
    return covered
  }
}
