import DocumentModel

/// `cue-after-quote`: a cue after the quote in its sentence, "“…,” X said.", "“…,” he added.", "“…,” said the
/// ministry.", "“…,” said Defense Minister X.", "“…,” according to X.", "“…,” X, who …, said."
struct CueAfterQuoteRule: AttributionRule {
  /// A pronoun ("he added").
  static let pronounConfidence = 0.85
  /// A nominal resolved to an organization ("the ministry said").
  static let nominalConfidence = 0.75
  /// A name.
  static let nameConfidence = 0.95
  /// A name found past a demonym and title, or after "according to".
  static let indirectNameConfidence = 0.9

  var id: QuoteRule? { .cueAfterQuote }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.isDirect, let found = Attribution(run.postCue(site.index), rule: .cueAfterQuote) else { return nil }
    return .attributed(found)
  }
}

extension AttributionRun {
  /// The speaker named by a cue after quote `i` in its sentence.
  mutating func postCue(_ i: Int) -> (EntityID, Evidence, Double)? {
    let q = quotes[i]
    let upper = parent[i].map { quotes[$0].end } ?? text.paragraph(of: q.end).upperBound
    var a = text.wordIndex(atOrAfter: q.end)
    // Skip closing marks and a comma.
    while a < words.count && words[a].start < upper && !words[a].isWord
      && (QuoteMarks.isMark(text.scalars[words[a].start]) || words[a].lower == ",")
    {
      a += 1
    }
    guard a < words.count, words[a].start < upper, words[a].isWord else { return nil }
    // Something between the quote's end and `a` other than marks, commas and spaces means no cue.
    let end = min(upper, text.sentenceEnd(after: words[a].start, upper: upper), words[a].start + Self.clauseReach)
    let idx = context.wordIndices(words[a].start, end)
    guard idx.count >= 2 else { return nil }
    let w0 = idx[0]
    let lw = words[w0].lower
    // "said X" / "said the ministry" / "added she" / "said Defense Minister X".
    if isSpeechVerb(w0) {
      var k = 1
      if k < idx.count && words[idx[k]].lower == "the" { k += 1 }
      guard k < idx.count else { return nil }
      let w = idx[k]
      let cue = context.evidence(words[w0].start, words[w].end)
      if SpeakerContext.personalPronouns.contains(words[w].lower) {
        return resolvePronoun(words[w].lower, at: words[w].start, quoteIndex: i).map {
          ($0, cue, CueAfterQuoteRule.pronounConfidence)
        }
      }
      if lexicon.organizationNouns.contains(words[w].lower), context.mention(atWord: w) == nil,
        let who = resolveNominal(words[w].lower, before: words[w].start)
      {
        return (who, cue, CueAfterQuoteRule.nominalConfidence)
      }
      // A person after a title phrase that holds places or bodies ("said Concord resident X", "said Florida-based
      // strategist X", "said Acme spokesman X") is the speaker, not the place or body.
      if let p = personAfterTitlePhrase(idx, from: k) {
        return (p.entity, context.evidence(words[w0].start, p.end), CueAfterQuoteRule.nameConfidence)
      }
      // Titles before the name: capitalized words ("said Defense Minister X"), or up to three lower-case title
      // words before a person who closes the clause ("said Republican strategist X.").
      var t = k
      var lowerWords = 0
      while t < idx.count && t < k + 6 && context.mention(atWord: idx[t]) == nil && words[idx[t]].isWord {
        if !words[idx[t]].isCapitalized {
          // "said the plan would help X": a clause, not a title, before the person.
          guard !Self.clauseWords.contains(words[idx[t]].lower) else { return nil }
          lowerWords += 1
        }
        t += 1
      }
      guard t < idx.count, let m = context.mention(atWord: idx[t]), isSpeakerKind(m.kind) else { return nil }
      if lowerWords > 0 {
        let after = text.wordIndex(atOrAfter: m.end)
        guard lowerWords <= 3, m.kind == .person,
          after >= words.count || [",", ".", ";"].contains(words[after].lower) || after >= idx.last! + 1
        else { return nil }
      }
      if !m.isDemonym { return (m.entity, context.evidence(words[w0].start, m.end), CueAfterQuoteRule.nameConfidence) }
      // "said Peruvian Trade Minister X": the person follows the demonym and the title.
      let limit = words[idx[min(idx.count - 1, t + 6)]].end
      guard let p = context.mentions(in: m.end, limit).first(where: { $0.kind == .person }) else { return nil }
      return (p.entity, context.evidence(words[w0].start, p.end), CueAfterQuoteRule.indirectNameConfidence)
    }
    // "…,” according to X.
    if lw == "according", idx.count > 2, words[idx[1]].lower == "to" {
      let w = idx[2]
      if SpeakerContext.personalPronouns.contains(words[w].lower) {
        return resolvePronoun(words[w].lower, at: words[w].start, quoteIndex: i).map {
          ($0, context.evidence(words[w0].start, words[w].end), CueAfterQuoteRule.pronounConfidence)
        }
      }
      let limit = words[idx[min(idx.count - 1, 8)]].end
      if let m = context.mentions(in: words[w].start, limit).first(where: {
        ($0.kind == .person || $0.kind == .organization) && !$0.isDemonym
      }) {
        return (m.entity, context.evidence(words[w0].start, m.end), CueAfterQuoteRule.indirectNameConfidence)
      }
      return nil
    }
    // "he added", "X noted", "X, the minister, said", "Trade Secretary X told reporters", "the ministry said".
    // "X, who served as …, said": a person set off by an appositive may reach the verb later, after a comma.
    let appositive: Int? = {
      guard let m = context.mention(atWord: w0), m.kind == .person else { return nil }
      let after = text.wordIndex(atOrAfter: m.end)
      guard after < words.count, words[after].lower == "," else { return nil }
      return idx.prefix(40).indices.first { k in
        // `idx` holds words only: the comma is the token right before the verb.
        k > 0 && words[idx[k]].start > m.end && isSpeechVerb(idx[k]) && idx[k] > 0
          && words[idx[k] - 1].lower == ","
      }
    }()
    guard let v = idx.prefix(12).firstIndex(where: { isSpeechVerb($0) }) ?? appositive,
      v > 0
    else { return nil }
    let between = Array(idx[0..<v])
    let cue = context.evidence(words[w0].start, words[idx[v]].end)
    if SpeakerContext.personalPronouns.contains(lw),
      between.dropFirst().allSatisfy({ lexicon.skipWords.contains(words[$0].lower) })
    {
      return resolvePronoun(lw, at: words[w0].start, quoteIndex: i).map {
        ($0, cue, CueAfterQuoteRule.pronounConfidence)
      }
    }
    if lw == "the", between.count >= 2, lexicon.organizationNouns.contains(words[between[1]].lower),
      let who = resolveNominal(words[between[1]].lower, before: words[between[1]].start)
    {
      return (who, cue, CueAfterQuoteRule.nominalConfidence)
    }
    // The clause opens with a name or a title ("Kenyan Trade Secretary X", "chief executive X").
    let ms = context.mentions(in: words[w0].start, words[idx[v]].start).filter {
      isSpeakerKind($0.kind) && !$0.isDemonym
    }
    let person = ms.first(where: { $0.kind == .person })
    guard context.mention(atWord: w0) != nil || words[w0].isCapitalized || (person != nil && between.count <= 6),
      let who = person ?? ms.first
    else { return nil }
    return (who.entity, cue, CueAfterQuoteRule.nameConfidence)
  }

  /// Words that cannot stand in a title phrase before a name: a clause, not a title, lies between the verb and a
  /// person after them ("said the plan would help X").
  static let clauseWords: Set<String> = SpeechWords[.clauseWords]

  /// The person named after an inverted cue past a title phrase of at most eight words (``idx`` from `start`): capitalized
  /// words, places, countries, organizations and demonyms, hyphens and up to three lower-case title words ("former
  /// tech executive", "Concord resident", "Florida-based Republican strategist"), none of them a clause word.
  func personAfterTitlePhrase(_ idx: [Int], from start: Int) -> EntityMention? {
    // A leading "the" opens the phrase ("said the Florida-based strategist X").
    let k = start < idx.count && words[idx[start]].lower == "the" ? start + 1 : start
    var t = k
    var lowerWords = 0
    while t < idx.count && t < k + 8 {
      let w = idx[t]
      if let m = context.mention(atWord: w) {
        if m.kind == .person && !m.isDemonym { return t > k ? m : nil }
        // Skip the rest of a place or body written in the phrase.
        let end = text.wordIndex(atOrAfter: m.end)
        while t < idx.count && idx[t] < end { t += 1 }
        continue
      }
      guard words[w].isWord, !Self.clauseWords.contains(words[w].lower) else { return nil }
      if !words[w].isCapitalized {
        lowerWords += 1
        if lowerWords > 3 { return nil }
      }
      t += 1
    }
    return nil
  }
}
