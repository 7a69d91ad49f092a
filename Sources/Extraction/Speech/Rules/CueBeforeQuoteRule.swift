import DocumentModel

/// `cue-before-quote`: a cue before the quote in its sentence, "According to X / him", "X said:", "He added,",
/// "X, the minister, told reporters:", "Y issued a statement saying:", "As X put it, ‘…’". "X told <outlet>"
/// also records the outlet.
struct CueBeforeQuoteRule: AttributionRule {
  /// "according to him".
  static let pronounConfidence = 0.85
  /// "according to X".
  static let accordingConfidence = 0.9
  /// The subject's own confidence is scaled by this.
  static let verbFactor = 0.95
  /// How far back (code points) the cue evidence reaches from the verb.
  static let cueReach = 150

  var id: QuoteRule? { .cueBeforeQuote }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.isDirect else { return nil }
    guard let found = Attribution(run.preCue(site.pre, quoteIndex: site.index, open: site.open), rule: .cueBeforeQuote)
    else { return nil }
    return .attributed(found)
  }
}

extension AttributionRun {
  /// The speaker named by a cue in the clause `pre` before the opening mark.
  mutating func preCue(_ pre: [Int], quoteIndex i: Int, open: Int) -> (EntityID, Evidence, Double)? {
    guard !pre.isEmpty else { return nil }
    // "According to X" / "according to him".
    if let a = pre.lastIndex(where: { words[$0].lower == "according" }), a + 1 < pre.count,
      words[pre[a + 1]].lower == "to"
    {
      var k = a + 2
      while k < pre.count && ["the", "a", "an"].contains(words[pre[k]].lower) && k + 1 < pre.count { k += 1 }
      if k < pre.count {
        let w = pre[k]
        let cue = context.evidence(words[pre[a]].start, words[w].end)
        if SpeakerContext.personalPronouns.contains(words[w].lower) {
          if let who = resolvePronoun(words[w].lower, at: words[w].start, quoteIndex: i) {
            return (who, cue, CueBeforeQuoteRule.pronounConfidence)
          }
        } else if let m = context.mention(atWord: w), isSpeakerKind(m.kind) {
          return (m.entity, context.evidence(words[pre[a]].start, m.end), CueBeforeQuoteRule.accordingConfidence)
        }
      }
    }
    // The last speech verb of the clause.
    for p in pre.indices.reversed() {
      let w = pre[p]
      // "As X put it, ‘…’".
      let putIt = words[w].lower == "put" && p + 1 < pre.count && words[pre[p + 1]].lower == "it"
      guard isSpeechVerb(w) || putIt else { continue }
      if p > 0 && ["the", "a", "an"].contains(words[pre[p - 1]].lower) { continue }
      let clauseStart = words[pre[0]].start
      if let (who, conf) = subject(beforeWord: w, clauseStart: clauseStart, quoteIndex: i) {
        // The cue reads from the start of the clause (at most ~150 code points back) to the verb.
        let cue = context.evidence(max(clauseStart, words[w].start - CueBeforeQuoteRule.cueReach), words[w].end)
        if words[w].lower == "told", p + 1 < pre.count, let outlet = context.mention(atWord: pre[p + 1]),
          outlet.kind == .organization
        {
          outlets.append((who, outlet.entity, context.evidence(words[pre[0]].start, outlet.end)))
        } else if words[w].lower == "told", p + 2 < pre.count, words[pre[p + 1]].lower == "the",
          let outlet = context.mention(atWord: pre[p + 2]), outlet.kind == .organization
        {
          outlets.append((who, outlet.entity, context.evidence(words[pre[0]].start, outlet.end)))
        }
        return (who, cue, CueBeforeQuoteRule.verbFactor * conf)
      }
    }
    return nil
  }
}
