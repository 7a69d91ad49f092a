import DocumentModel

/// `reported-speech-subject`: reported speech goes to the subject of its cue verb ("X noted that …"); a clause
/// before its cue ("The plan is ready, X said.") to the name between it and the verb, or right after an
/// inverted verb ("…, said X.").
struct ReportedSubjectRule: AttributionRule {
  /// The name right after an inverted postposed verb.
  static let invertedConfidence = 0.8
  /// The subject's own confidence is scaled by this.
  static let factor = 0.8
  /// How far back (code points) the cue evidence reaches from the verb.
  static let cueReach = 150

  var id: QuoteRule? { .reportedSubject }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.quote.form == .reported else { return nil }
    return AttributionOutcome(run.reportedSubject(site.index))
  }
}

extension AttributionRun {
  /// The subject of reported quote `i`'s cue verb.
  mutating func reportedSubject(_ i: Int) -> Attribution? {
    let q = quotes[i]
    guard let cue = q.cue else { return nil }
    let v = text.wordIndex(atOrAfter: cue.start)
    let lower = boundsStart(for: i)
    var clauseStart = max(text.sentenceStart(before: cue.start, lower: lower), cue.start - Self.clauseReach)
    if q.end <= cue.start {
      // A clause before its cue ("The plan is ready, Dvorak said."): its own words do not hold its source,
      // which stands between it and the verb or, inverted ("…, said Dvorak."), right after the verb.
      clauseStart = max(clauseStart, q.end)
      // Title words may come first ("…, said former governor Ed Roe", "…, said Ruritania's minister Ed Roe").
      var after = v + 1
      while after < words.count, after <= v + 5, words[after].isWord {
        let m = context.mention(atWord: after)
        guard
          words[after].lower == "the" || QuoteFinder.invertedLeadWords.contains(words[after].lower)
            || Self.sourceNouns.contains(words[after].lower)
            || m.map({ !isSpeakerKind($0.kind) || $0.isDemonym }) ?? false
        else { break }
        after = m.map { text.wordIndex(atOrAfter: $0.end) } ?? after + 1
      }
      let nothingBetween = !words[(text.wordIndex(atOrAfter: q.end))..<v].contains(where: \.isWord)
      if after < words.count, let m = context.mention(atWord: after),
        isSpeakerKind(m.kind), !m.isDemonym, text.wordIndex(atOrAfter: m.start) <= after,
        m.start >= words[v].end, nothingBetween
      {
        return Attribution(
          speaker: m.entity, cue: context.evidence(cue.start, m.end),
          confidence: ReportedSubjectRule.invertedConfidence,
          rule: .reportedSubject)
      }
      // "…, said Democratic strategist Hank Roe": a title phrase with capitalized words before the name.
      if nothingBetween,
        let p = personAfterTitlePhrase(
          context.wordIndices(words[v].start, text.sentenceEnd(after: words[v].end, upper: words[v].end + 200)),
          from: 1)
      {
        return Attribution(
          speaker: p.entity, cue: context.evidence(cue.start, p.end),
          confidence: ReportedSubjectRule.invertedConfidence,
          rule: .reportedSubject)
      }
    }
    guard let (who, conf) = subject(beforeWord: v, clauseStart: clauseStart, quoteIndex: i) else { return nil }
    return Attribution(
      speaker: who, cue: context.evidence(max(clauseStart, cue.start - ReportedSubjectRule.cueReach), cue.end),
      confidence: ReportedSubjectRule.factor * conf, rule: .reportedSubject)
  }
}
