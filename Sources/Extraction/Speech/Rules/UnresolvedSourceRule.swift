import DocumentModel

/// `unresolved-source` for direct quotes: a speech verb beside a quote whose subject the rules cannot resolve
/// ("“…,” he said" with no antecedent): no speaker, but the words that name the source are kept. Not for short
/// quotes (scare quotes).
struct UnresolvedSourceRule: SourceRule {
  /// Confidence of an unresolved source.
  static let confidence = 0.4

  var ids: [QuoteRule] { [.unresolvedSource] }

  func apply(_ i: Int, in run: inout AttributionRun) -> Bool {
    let q = run.quotes[i]
    guard q.form == .direct, run.context.wordIndices(q.start, q.end).count > AttributionRun.scareQuoteWords,
      let (source, verb) = run.nominalSource(i, strict: false)
    else { return false }
    run.quotes[i].speakerMention = source
    run.quotes[i].cueWords = verb
    run.quotes[i].confidence = Self.confidence
    run.quotes[i].rule = .unresolvedSource
    return true
  }
}
