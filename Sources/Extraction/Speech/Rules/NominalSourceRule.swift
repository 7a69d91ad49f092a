import DocumentModel

/// `nominal-source`: a speech verb beside the quote whose subject is a noun phrase that names no entity
/// ("officials said", "said a spokesman"): a record with no speaker and that phrase as its source. A short
/// quote beside a verb of belief or finding ("critics found the “vibe” odd") is a scare quote instead.
struct NominalSourceRule: SourceRule {
  /// Confidence of a nominal source.
  static let confidence = 0.6

  var ids: [QuoteRule] { [.nominalSource] }

  func apply(_ i: Int, in run: inout AttributionRun) -> Bool {
    let q = run.quotes[i]
    guard q.form == .direct, let (source, verb) = run.nominalSource(i) else { return false }
    let short = run.context.wordIndices(q.start, q.end).count <= AttributionRun.scareQuoteWords
    if short && AttributionRun.beliefVerbs.contains(run.text.text(verb.lowerBound, verb.upperBound).lowercased()) {
      return false
    }
    run.quotes[i].speakerMention = source
    run.quotes[i].cueWords = verb
    run.quotes[i].confidence = Self.confidence
    run.quotes[i].rule = .nominalSource
    return true
  }
}
