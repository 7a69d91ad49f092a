import DocumentModel

/// Titles: words in quote marks right after "titled", "called", "dubbed", … are a name, not speech; the quote
/// gets no speaker and is no speech record.
struct TitleRule: AttributionRule {
  var id: QuoteRule? { nil }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.isDirect else { return nil }
    let before = run.text.wordIndex(atOrAfter: site.open) - 1
    guard before >= 0, run.words[before].isWord, run.lexicon.titleWords.contains(run.words[before].lower) else {
      return nil
    }
    run.quotes[site.index].isSpeech = false
    return .unattributed
  }
}
