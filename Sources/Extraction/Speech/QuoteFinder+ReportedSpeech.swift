import DocumentModel

/// Reported speech after a speech verb: "noted that …", "told reporters how …", "said the plan …",
/// "discussed the history of …".
extension QuoteFinder {
  /// Words that open a reported clause after a bare speech verb ("said the plan …", "said it …").
  static let clauseOpeners: Set<String> = SpeechWords[.clauseOpeners]

  /// Capitalized words that do not open a reported clause ("said Monday", "said In …").
  static let notClauseStarts: Set<String> = SpeechWords[.notClauseStarts]

  static let determiners: Set<String> = SpeechWords[.determiners]

  /// Speech verb forms that are also plural nouns.
  static let nounLikeVerbs: Set<String> = SpeechWords[.nounLikeVerbs]

  /// Lower-case words that can be the subject right before a verb.
  static let subjectWords: Set<String> = SpeechWords[.subjectWords]

  /// How many words after a speech verb its complementizer may come with any words between.
  static let nearReach = 6
  /// How far it may come past a longer stretch ("told the audience at his fundraiser for veterans that",
  /// "said on CNN, where he now works, that"), chosen on PolNeAR train (12 and 20 scored alike there).
  static let thatReach = 12
  /// Relative words that open a clause inside a parenthetical after the verb.
  static let relativeWords: Set<String> = SpeechWords[.relativeWords]

  /// Speech verbs that take an object before a clause without "that" ("told her she would").
  static let objectClauseVerbs: Set<String> = SpeechWords[.objectClauseVerbs]
  /// Lower-case objects of those verbs ("told reporters he …").
  static let clauseObjects: Set<String> = SpeechWords[.clauseObjects]
  /// Subject pronouns that open the clause after the object.
  static let clauseSubjects: Set<String> = SpeechWords[.clauseSubjects]
  /// Speech verbs whose clause may open with "if" ("asked him if …").
  static let questionVerbs: Set<String> = SpeechWords[.questionVerbs]

  /// "told her she …", "told the Post he …", "told reporters they …": the clause after an object, opened by
  /// a subject pronoun; the object is a pronoun, a listed word or up to four capitalized words.
  func clauseAfterObject(_ w: [TokenWord], verb k: Int) -> Int? {
    guard Self.objectClauseVerbs.contains(w[k].lower), k + 2 < w.count else { return nil }
    var j = k + 1
    if Self.clauseObjects.contains(w[j].lower) {
      j += 1
    } else {
      if w[j].lower == "the" { j += 1 }
      let first = j
      while j < w.count, j < first + 4, w[j].isWord, w[j].isCapitalized { j += 1 }
      guard j > first else { return nil }
    }
    guard j < w.count, w[j].isWord, Self.clauseSubjects.contains(w[j].lower) else { return nil }
    return j
  }

  func reportedSpeech(_ text: AnalyzedDocument, _ document: Document, direct: [Quote]) -> [Quote] {
    let w = text.words
    var out: [Quote] = []
    // The innermost direct quote holding each code point (outer quotes filled first), and the direct quotes
    // by start, so each verb looks its quotes up in constant or logarithmic time.
    var innermost = [Int32](repeating: -1, count: text.scalars.count)
    for j in direct.indices.sorted(by: {
      (direct[$0].end - direct[$0].start, $1) > (direct[$1].end - direct[$1].start, $0)
    }) {
      for o in direct[j].start..<min(direct[j].end, innermost.count) { innermost[o] = Int32(j) }
    }
    let starts = direct.map(\.start).sorted()
    var k = 0
    while k < w.count {
      defer { k += 1 }
      guard w[k].isWord, lexicon.speechVerbs.contains(w[k].lower) || lexicon.topicVerbs.contains(w[k].lower) else {
        continue
      }
      if k > 0 && QuoteFinder.determiners.contains(w[k - 1].lower) { continue }
      // Noun readings ("the coastal states", "United States", "press reports"): the verb needs a subject-like word before it.
      if QuoteFinder.nounLikeVerbs.contains(w[k].lower), k > 0,
        !w[k - 1].isWord || w[k - 1].lower == "united"
          || !w[k - 1].isCapitalized && !QuoteFinder.subjectWords.contains(w[k - 1].lower)
            && !lexicon.skipWords.contains(w[k - 1].lower)
      {
        continue
      }
      // Passive voice ("was praised by", "were told that") reports someone else's words.
      if k > 0 && ["was", "were", "is", "are", "been", "be", "being"].contains(w[k - 1].lower) { continue }
      // The enclosing direct quote bounds the reported clause.
      let holder = w[k].start < innermost.count ? innermost[w[k].start] : -1
      let enclosing = holder >= 0 && w[k].end <= direct[Int(holder)].end ? direct[Int(holder)] : nil
      let upper = enclosing?.end ?? text.scalars.count
      var spanStart: Int?
      var cueEnd = w[k].end
      // "noted that", "told reporters that", "said in a statement that".
      var j = k + 1
      while j < w.count && j <= k + Self.thatReach {
        if !w[j].isWord && !w[j].isClitic {
          if w[j].lower == "," && j == k + 1 { break }
          if w[j].lower != "," && w[j].lower != "'" { break }
        }
        // "that's" is "that is", not a complementizer.
        let opensClause =
          lexicon.complementizers.contains(w[j].lower) || w[j].lower == "if" && Self.questionVerbs.contains(w[k].lower)
        if opensClause && !text.isCliticS(j + 1) {
          let afterComma = w[j - 1].lower == ","
          // ", where she works," opens a relative clause inside a parenthetical, not the reported one.
          if afterComma && Self.relativeWords.contains(w[j].lower) {
            j += 1
            continue
          }
          spanStart = w[j].end
          cueEnd = w[j].end
          break
        }
        if lexicon.speechVerbs.contains(w[j].lower) { break }
        // Past the first words, a comma must open a relative parenthetical or close one before "that"
        // ("said on CNN, where he works, that"); ", insisting that" starts another attribution.
        if j > k + Self.nearReach, w[j].isWord, w[j - 1].lower == ",", !Self.relativeWords.contains(w[j].lower) {
          break
        }
        j += 1
      }
      if spanStart == nil {
        // "discussed the history of …", "spoke about …".
        var topicEnd: Int?
        if lexicon.topicVerbs.contains(w[k].lower) {
          topicEnd = k
        } else if k + 1 < w.count, lexicon.topicVerbs.contains(w[k].lower + " " + w[k + 1].lower) {
          topicEnd = k + 1
        }
        if let t = topicEnd, t + 1 < w.count, w[t + 1].isWord, !lexicon.complementizers.contains(w[t + 1].lower) {
          spanStart = w[t + 1].start
          cueEnd = w[t].end
        }
      }
      if spanStart == nil, let j = clauseAfterObject(w, verb: k) { spanStart = w[j].start }
      // "X, the minister, said the plan …": a comma after a word (not after a closing quote mark) may precede
      // the verb when a clause opener follows it.
      let afterAppositive =
        k > 1 && w[k - 1].lower == "," && w[k - 2].isWord && k + 1 < w.count
        && (QuoteFinder.clauseOpeners.contains(w[k + 1].lower) || w[k + 1].isCapitalized)
        && text.wordCount(w[k].end, min(w[k].end + 80, text.sentenceEnd(after: w[k].end, upper: upper))) >= 3
      if spanStart == nil, lexicon.bareClauseVerbs.contains(w[k].lower), k > 0, w[k - 1].isWord || afterAppositive,
        k + 1 < w.count,
        w[k + 1].isWord, w[k + 1].start - w[k].end <= 1, !lexicon.complementizers.contains(w[k + 1].lower),
        !QuoteFinder.notClauseStarts.contains(w[k + 1].lower),
        QuoteFinder.clauseOpeners.contains(w[k + 1].lower) || w[k + 1].isCapitalized || !w[k + 1].lower.hasSuffix("ly"),
        w[k + 1].lower.unicodeScalars.first.map({ !CharClass.isDigit($0) }) ?? false
      {
        // "Dvorak said the plan was ready" — a clause right after the verb, without "that".
        spanStart = w[k + 1].start
      }
      guard var start = spanStart else { continue }
      while start < upper && CharClass.isSpace(text.scalars[start]) { start += 1 }
      // A reported clause runs to the end of its sentence, at most `maxReportedLength` code points.
      var end = min(text.sentenceEnd(after: start, upper: upper), start + QuoteFinder.maxReportedLength)
      // Stop at a colon or a quote mark that opens a direct quote.
      // The first direct quote opening inside the clause.
      let lo = starts.partitioningIndex { $0 > start }
      if lo < starts.count, starts[lo] <= end {
        end = min(end, starts[lo] - 1)
      }
      var x = start
      while x < end {
        if text.scalars[x] == ":" || text.scalars[x] == ";" {
          end = x
          break
        }
        x += 1
      }
      while end > start
        && (CharClass.isSpace(text.scalars[end - 1])
          || QuoteMarks.isMark(text.scalars[end - 1])
            && !(end - 1 > start && CharClass.isAlnum(text.scalars[end - 2]) && text.scalars[end - 1] == "\u{2019}"))
      {
        end -= 1
      }
      // The sentence's own full stop is not part of the reported clause.
      while end > start && [".", "!", "?", ","].contains(text.scalars[end - 1]) { end -= 1 }
      guard text.wordCount(start, end) >= 2 else { continue }
      out.append(
        Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, cueEnd), depth: 0))
    }
    return out
  }
}
