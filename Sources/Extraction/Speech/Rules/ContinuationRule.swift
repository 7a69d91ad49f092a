import DocumentModel

/// `continued-quote`: a quote that opens its sentence with no cue keeps the current speaker (the floor), within
/// two paragraphs; a short quote only in the paragraph where the speaker just spoke ("“A,” X said. “B.”"), and
/// never a quote followed by a speech verb of its own.
struct ContinuationRule: AttributionRule {
  /// Confidence of a continued quote.
  static let confidence = 0.7
  /// A quote of fewer words continues only in the floor's paragraph.
  static let shortQuoteWords = 4
  /// How many paragraphs after the floor's a quote may continue it.
  static let paragraphReach = 2

  var id: QuoteRule? { .continuation }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.isDirect, site.pre.isEmpty, run.parent[site.index] == nil, let floor = run.floor else { return nil }
    let q = site.quote
    let paragraph = run.text.paragraphIndex(of: q.start)
    guard run.context.wordIndices(q.start, q.end).count >= Self.shortQuoteWords || floor.paragraph == paragraph,
      paragraph - floor.paragraph <= Self.paragraphReach, !run.hasUnresolvedCue(after: site.index)
    else { return nil }
    // The cue is the one that gave the speaker the floor; no words name the speaker at this quote.
    return .attributed(
      Attribution(
        speaker: floor.entity, cue: floor.cue, confidence: Self.confidence, rule: .continuation, namesSpeaker: false))
  }
}

extension AttributionRun {
  /// Whether a speech verb follows the quote in its sentence ("“…,” said someone we do not know"): then
  /// the quote has a speaker of its own and must not go to the current one.
  func hasUnresolvedCue(after i: Int) -> Bool {
    let q = quotes[i]
    let para = text.paragraph(of: q.end)
    var close = q.end
    while close < para.upperBound && (QuoteMarks.isMark(text.scalars[close]) || CharClass.isSpace(text.scalars[close]))
    { close += 1 }
    // The quote's last character before the marks: a comma announces a cue.
    var last = q.end - 1
    while last > q.start && CharClass.isSpace(text.scalars[last]) { last -= 1 }
    if text.scalars[last] == "," { return true }
    let end = min(text.sentenceEnd(after: close, upper: para.upperBound), close + Self.clauseReach)
    return context.wordIndices(close, end).prefix(6).contains { lexicon.speechVerbs.contains(words[$0].lower) }
  }
}
