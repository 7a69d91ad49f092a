import DocumentModel

/// `same-sentence-speaker` and `sentence-subject`: a direct quote takes the speaker of an attributed quote
/// earlier in its sentence ("X said, “A,” adding that “B”"), else the sentence's subject when the narration
/// before it holds a speech or phrase verb or runs into it with a comma, colon or dash.
struct SentenceSpeakerRule: SourceRule {
  /// The speaker of an earlier quote of the sentence.
  static let sameSentenceConfidence = 0.7
  /// A subject pronoun opening the sentence.
  static let pronounSubjectConfidence = 0.6
  /// The first name of the sentence, with a speech or phrase verb before the quote.
  static let verbSubjectConfidence = 0.65
  /// The first name of the sentence, narration running into the quote without a verb.
  static let runInSubjectConfidence = 0.55

  var ids: [QuoteRule] { [.sameSentenceSpeaker, .sentenceSubject] }

  func apply(_ i: Int, in run: inout AttributionRun) -> Bool {
    guard run.quotes[i].form == .direct, let found = run.sentenceSpeaker(i) else { return false }
    run.quotes[i].speaker = found.speaker
    run.quotes[i].speakerMention = found.mention
    run.quotes[i].cueWords = found.verb
    run.quotes[i].cue = found.verb.map { run.context.evidence($0.lowerBound, $0.upperBound) }
    run.quotes[i].confidence = found.confidence
    run.quotes[i].rule = found.rule
    return true
  }
}

extension AttributionRun {
  /// The speaker of an otherwise unattributed direct or partial quote from its own sentence: the speaker of
  /// an attributed quote earlier in the sentence ("X said, “A,” adding that “B”"), else the sentence's
  /// subject when the narration before the quote holds a speech or phrase verb, or runs into the quote
  /// with a comma, colon or dash ("X shared her worry with donors, “…”").
  mutating func sentenceSpeaker(_ i: Int) -> (
    speaker: EntityID, mention: Range<Int>?, verb: Range<Int>?, confidence: Double, rule: QuoteRule
  )? {
    let q = quotes[i]
    guard parent[i] == nil else { return nil }
    let para = text.paragraph(of: q.start)
    var open = q.start - 1
    while open > para.lowerBound && CharClass.isSpace(text.scalars[open]) { open -= 1 }
    let s = max(text.sentenceStart(before: open, lower: para.lowerBound), open - Self.clauseReach)
    guard s < open else { return nil }
    let pre = context.wordIndices(s, open).filter { !insideSibling($0, of: i) }
    let verb = pre.last { isSpeechVerb($0) || Self.phraseVerbs.contains(words[$0].lower) }
    let verbRange = verb.map { words[$0].start..<words[$0].end }
    // An attributed sibling earlier in the same sentence.
    var j = i - 1
    while j >= 0 && quotes[j].end > s {
      if parent[j] == nil, quotes[j].form == .direct, let speaker = quotes[j].speaker, quotes[j].start >= s,
        verb != nil || pre.contains(where: { words[$0].lower == "and" })
      {
        return (
          speaker, quotes[j].speakerMention, verbRange, SentenceSpeakerRule.sameSentenceConfidence, .sameSentenceSpeaker
        )
      }
      j -= 1
    }
    var last = open - 1
    while last > s && CharClass.isSpace(text.scalars[last]) { last -= 1 }
    let runsIn = [",", ":", "\u{2014}", "\u{2013}"].contains(text.scalars[last])
    // A phrase of several words quoted inside narration is the sentence subject's ("X credited the win to
    // “a closed primary”"); a shorter one needs a cue.
    let phrase = quotes[i].kind == .partial && context.wordIndices(q.start, q.end).count >= 3
    guard verb != nil || runsIn || phrase, pre.count >= 2 else { return nil }
    let limit = verb.map { words[$0].start } ?? open
    let first = pre.first!
    if SpeakerContext.personalPronouns.contains(words[first].lower), Self.subjectPronouns.contains(words[first].lower) {
      if let who = resolvePronoun(words[first].lower, at: words[first].start, quoteIndex: i) {
        return (
          who, words[first].start..<words[first].end, verbRange, SentenceSpeakerRule.pronounSubjectConfidence,
          .sentenceSubject
        )
      }
    }
    // "X praised the crew, but she said: “…”": the verb's own subject pronoun, not the sentence's first name.
    if let v = verb, v > first, words[v - 1].isWord, Self.subjectPronouns.contains(words[v - 1].lower) {
      let p = words[v - 1]
      guard let who = resolvePronoun(p.lower, at: p.start, quoteIndex: i) else { return nil }
      return (who, p.start..<p.end, verbRange, SentenceSpeakerRule.pronounSubjectConfidence, .sentenceSubject)
    }
    let ms = context.mentions(in: s, limit).filter {
      ($0.kind == .person || $0.kind == .organization) && !$0.isDemonym
        && !insideSibling(text.wordIndex(atOrAfter: $0.start), of: i)
    }
    guard let m = ms.first else { return nil }
    return (
      m.entity, m.start..<m.end, verbRange,
      verb == nil ? SentenceSpeakerRule.runInSubjectConfidence : SentenceSpeakerRule.verbSubjectConfidence,
      .sentenceSubject
    )
  }
}
