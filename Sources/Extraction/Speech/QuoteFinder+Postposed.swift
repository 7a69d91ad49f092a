import DocumentModel

/// Postposed reported speech: "The plan is ready, Dvorak said." and "…, said Dvorak."
extension QuoteFinder {
  /// Pronouns that can be the whole source of a postposed clause ("…, she said.").
  static let postposedPronouns: Set<String> = SpeechWords[.postposedPronouns]

  /// Words that open a nominal source of a postposed clause ("…, one longtime friend said.").
  static let nominalOpeners: Set<String> = SpeechWords[.nominalOpeners]

  /// Words that may follow the name after an inverted postposed verb ("said Roe on Monday", "said Roe of the Trust").
  static let circumstanceWords: Set<String> = SpeechWords[.circumstanceWords]

  /// Lower-case words that may open the source of an inverted postposed verb before its name ("said former
  /// governor Ed Roe"), beside the source nouns ("governor", "minister").
  static let invertedLeadWords: Set<String> = SpeechWords[.invertedLeadWords]

  /// Name particles inside an inverted source ("said Roe of the Trust", "said Ana de Souza").
  static let nameParticles: Set<String> = SpeechWords[.nameParticles]

  /// How many words the source before a postposed verb may have ("…, the state's attorney general Jane Roe said").
  static let postposedSourceWords = 6

  /// How many words may follow a postposed verb before the sentence ends ("said in a statement on Monday").
  static let postposedTailWords = 8

  /// "The plan is ready, Dvorak said." and "…, said Dvorak.": a clause ended by a comma, then a speech verb
  /// that closes the sentence with its source, before the verb (a capitalized name, a pronoun or a nominal
  /// source: "…, one longtime friend said.") or right after it. An inverted source may open with a title
  /// ("said former governor Ed Roe") and end in an appositive ("said Roe, the mayor." / "said Roe, who chairs
  /// the board."). The clause is reported speech cued by the verb; nothing inside a direct quote, no "that"
  /// after the verb (then the clause after it is the speech, found by ``reportedSpeech``).
  ///
  /// - Returns: the clauses, and the cue starts of the inverted ones (whose following words are the source).
  func postposedClauses(
    _ text: AnalyzedDocument, _ document: Document, direct: [Quote], existing: [Quote]
  ) -> (quotes: [Quote], inverted: Set<Int>) {
    let w = text.words
    var out: [Quote] = []
    var inverted = Set<Int>()
    let outer = OuterQuotes(direct)
    // Cues that already open a clause after them ("…, Roe said the canal would wait"): that clause wins.
    let cued = Set(existing.compactMap { q in q.cue.flatMap { q.start > $0.start ? $0.start : nil } })
    var k = 1
    while k < w.count {
      defer { k += 1 }
      // A capitalized verb form is a name's word ("the United States, …").
      guard w[k].isWord, !w[k].isCapitalized, lexicon.speechVerbs.contains(w[k].lower) else { continue }
      let para = text.paragraph(of: w[k].start)
      let sStart = text.sentenceStart(before: w[k].start, lower: para.lowerBound)
      let sEnd = text.sentenceEnd(after: w[k].end, upper: para.upperBound)
      guard w[k].start - sStart <= QuoteFinder.maxReportedLength else { continue }
      // The comma closing the clause: right before the verb (inverted) or before the source's words.
      var c = k - 1
      var n = 0
      // A hyphen joining two words ("Ortiz-Vega") and a clitic ("Roe's") are part of the source's words and
      // do not count as words.
      while c >= 0 && w[c].start >= sStart && (w[c].isWord || w[c].joinsWords || w[c].isClitic)
        && n < Self.postposedSourceWords
      {
        if w[c].joinsWords || w[c].isClitic {
          c -= 1
          continue
        }
        c -= 1
        n += 1
      }
      guard c > 0, w[c].start >= sStart, w[c].lower == "," else { continue }
      // An inverted source: title words, then a capitalized name (with its particles and titles); it ends
      // at `nameEnd`.
      var nameEnd = k + 1
      if n == 0 {
        var h = k + 1
        while h < w.count, h < k + 4, w[h].isWord, !w[h].isCapitalized,
          Self.invertedLeadWords.contains(w[h].lower) || AttributionRun.sourceNouns.contains(w[h].lower)
        { h += 1 }
        guard h < w.count, w[h].isWord, w[h].isCapitalized, w[h].start < sEnd else { continue }
        nameEnd = h
        // "said Kenyan trade expert Ed Roe": lower-case words that lead to a source noun are title words too.
        func leadsToSourceNoun(_ j: Int) -> Bool {
          (j..<min(w.count, j + 3)).contains { x in
            AttributionRun.sourceNouns.contains(w[x].lower)
              && (j...x).allSatisfy { w[$0].isWord && !w[$0].isCapitalized && w[$0].start < sEnd }
          }
        }
        while nameEnd < w.count && w[nameEnd].start < sEnd
          && (w[nameEnd].isWord
            && (w[nameEnd].isCapitalized
              || nameEnd > h
                && (Self.nameParticles.contains(w[nameEnd].lower) || leadsToSourceNoun(nameEnd)))
            || w[nameEnd].joinsWords)
        { nameEnd += 1 }
      } else {
        if cued.contains(w[k].start) { continue }
        guard
          w[c + 1].isCapitalized || Self.postposedPronouns.contains(w[c + 1].lower)
            || Self.nominalOpeners.contains(w[c + 1].lower)
        else { continue }
        if (c + 1..<k).contains(where: { lexicon.speechVerbs.contains(w[$0].lower) || w[$0].lower == "and" }) {
          continue
        }
      }
      // The verb ends the sentence, give or take a short tail with no clause and no quote (the scan stops
      // once the tail is too long, so a run-on line costs a bounded look per verb).
      var t = k + 1
      var tail = 0
      var closes = true
      while t < w.count && w[t].start < sEnd && tail <= Self.postposedTailWords {
        if lexicon.complementizers.contains(w[t].lower) || w[t].lower == ","
          || !w[t].isWord && !w[t].isClitic && w[t].lower.unicodeScalars.contains(where: QuoteMarks.isMark)
        {
          closes = false
          break
        }
        if w[t].isWord { tail += 1 }
        t += 1
      }
      // "Over the years, she said, email has helped": a cue set off by commas inside the sentence reports the
      // whole sentence; the record holds its longer side.
      if !closes, n > 0, t == k + 1, w[t].lower == "," {
        guard
          let side = parentheticalSide(
            text, before: sStart..<w[c].start, after: w[t].end..<min(sEnd, w[t].end + QuoteFinder.maxReportedLength)),
          !outer.overlaps(sStart, sEnd)
        else { continue }
        out.append(
          Quote(
            start: side.lowerBound, end: side.upperBound, form: .reported,
            cue: document.evidence(w[k].start, w[k].end), depth: 0))
        continue
      }
      // "…, said Roe, the mayor.": a comma right after an inverted source opens its appositive.
      let appositive = !closes && n == 0 && t == nameEnd && t < w.count && w[t].lower == ","
      guard closes || appositive, tail <= Self.postposedTailWords else { continue }
      if n == 0 {
        // Inverted, the words after the verb are a name and at most a circumstance ("said Roe on Monday"),
        // never a clause ("…, in a statement, said Ghana had asked for help").
        if nameEnd < t, w[nameEnd].isWord, !Self.circumstanceWords.contains(w[nameEnd].lower) { continue }
      }
      var start = sStart
      var end = w[c].start
      while start < end && CharClass.isSpace(text.scalars[start]) { start += 1 }
      while end > start && CharClass.isSpace(text.scalars[end - 1]) { end -= 1 }
      guard !outer.overlaps(start, sEnd) else { continue }
      guard text.wordCount(start, end) >= 4 else { continue }
      out.append(Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, w[k].end), depth: 0))
      if n == 0 { inverted.insert(w[k].start) }
    }
    return (out, inverted)
  }

  /// The longer side of a sentence around a parenthetical cue, trimmed of spaces and end punctuation, when
  /// it has at least four words.
  func parentheticalSide(_ text: AnalyzedDocument, before: Range<Int>, after: Range<Int>) -> Range<Int>? {
    func trimmed(_ r: Range<Int>) -> Range<Int> {
      var a = r.lowerBound
      var b = r.upperBound
      while a < b && CharClass.isSpace(text.scalars[a]) { a += 1 }
      while b > a && (CharClass.isSpace(text.scalars[b - 1]) || [".", "!", "?"].contains(text.scalars[b - 1])) {
        b -= 1
      }
      return a..<b
    }
    let (x, y) = (trimmed(before), trimmed(after))
    let side = y.count >= x.count ? y : x
    return text.wordCount(side.lowerBound, side.upperBound) >= 4 ? side : nil
  }
}
