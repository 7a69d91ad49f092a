import DocumentModel

/// `according-to`: reported speech cued by "According to X, …" or "…, according to X." goes to the source named
/// after "to" (a pronoun, a person or organization, a nominal or a role noun).
struct ReportedAccordingToRule: AttributionRule {
  /// The source's own confidence is scaled by this.
  static let factor = 0.8

  var id: QuoteRule? { .accordingTo }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.quote.form == .reported, let cue = site.quote.cue else { return nil }
    let words = run.words
    let v = run.text.wordIndex(atOrAfter: cue.start)
    // "According to X, …" / "…, according to X.": the source follows "to".
    guard words[v].lower == "according", v + 2 < words.count, words[v + 1].lower == "to" else { return nil }
    let found = run.accordingSource(v + 2, limit: cue.end, quoteIndex: site.index).map {
      ($0.0, cue, Self.factor * $0.1)
    }
    return AttributionOutcome(Attribution(found, rule: .accordingTo))
  }
}
