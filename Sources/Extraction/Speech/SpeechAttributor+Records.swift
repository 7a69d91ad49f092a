import DocumentModel

/// The record side of attribution: what kind of speech each quote is, the words that name its speaker, the cue
/// words proper, and a source for quotes no rule gave a speaker ("officials said", "a spokesman said").
extension AttributionRun {
  /// Verbs that make a quoted phrase inside narration someone's words ("called it a “disgrace”").
  static let phraseVerbs: Set<String> = SpeechWords[.phraseVerbs]
  /// Verbs of belief and finding: they attribute clauses ("polls show that …"), not short quoted words.
  static let beliefVerbs: Set<String> = SpeechWords[.beliefVerbs]
  /// Quotes this short (in words), with no speech cue and no speaker, are scare quotes or titles, not speech.
  static let scareQuoteWords = 3

  /// Decides each quote's record kind and embedding, and fills the source of quotes without a speaker.
  mutating func classifyQuotes() {
    for i in quotes.indices {
      let q = quotes[i]
      guard q.isSpeech else {
        quotes[i].kind = nil
        continue
      }
      // A quote the speaker cites inside their own words.
      if let p = parent[i], quotes[p].form == .direct {
        quotes[i].kind = .embedded
        quotes[i].embeddedIn = p
        continue
      }
      if q.form == .reported {
        quotes[i].kind = .indirect
      } else if isTurn(i) {
        quotes[i].kind = .turn
      } else {
        quotes[i].kind = isPartial(i) ? .partial : .direct
      }
      if quotes[i].speaker == nil { attributeWithoutEntity(i) }
      if quotes[i].cueWords == nil, let cue = quotes[i].cue { quotes[i].cueWords = cueWords(in: cue) }
    }
  }

  /// Whether direct quote `i` is a phrase inside narration: narration words run into its opening mark in the
  /// same sentence ("called him a “con artist”"), not a cue and its punctuation ("said: “…”", "said, “…”").
  func isPartial(_ i: Int) -> Bool {
    let q = quotes[i]
    var open = q.start - 1
    while open > 0 && CharClass.isSpace(text.scalars[open]) { open -= 1 }
    var b = open - 1
    while b >= 0 && CharClass.isSpace(text.scalars[b]) { b -= 1 }
    guard b >= 0, CharClass.isAlnum(text.scalars[b]) else { return false }
    let para = text.paragraph(of: q.start)
    guard text.sentenceStart(before: open, lower: para.lowerBound) < open else { return false }
    let w = text.wordIndex(atOrAfter: open) - 1
    guard w >= 0 else { return false }
    let lw = words[w].lower
    // "said “we will win”", "said that “…”": a whole quoted clause after its cue.
    if (lexicon.speechVerbs.contains(lw) || lexicon.complementizers.contains(lw)) && endsSentence(q) { return false }
    return true
  }

  /// Whether the quote's words end with sentence punctuation (inside or right after the closing mark).
  func endsSentence(_ q: Quote) -> Bool {
    var e = q.end - 1
    while e > q.start && CharClass.isSpace(text.scalars[e]) { e -= 1 }
    if [".", "!", "?"].contains(text.scalars[e]) { return true }
    var a = q.end
    while a < text.scalars.count && (QuoteMarks.isMark(text.scalars[a])) { a += 1 }
    return a < text.scalars.count && [".", "!", "?"].contains(text.scalars[a])
  }

  /// The words naming `speaker` in the cue clause of quote `q`: the speaker's own mention nearest the quote,
  /// else a pronoun, else a role or organization noun ("the ministry"), else `nil`.
  func speakerMention(of speaker: EntityID, in cue: Evidence, quote q: Quote) -> Range<Int>? {
    let before = cue.end <= q.start
    let named = context.mentions(in: cue.start, cue.end).filter { $0.entity == speaker && !$0.isDemonym }
    let idx = context.wordIndices(cue.start, cue.end)
    if before, let m = named.last {
      // The subject pronoun of the speech verb, after the name, is what names the speaker at this quote
      // ("Figueroa said …, though she acknowledged …", "said Mr. Kamin, who emphasized that …", "who in 2010
      // said"): up to three words before the verb, with no punctuation between.
      if let verb = cueWords(in: cue)?.lowerBound, let v = idx.firstIndex(where: { words[$0].start == verb }) {
        var j = v - 1
        while j >= 0 && j >= v - 4 && words[idx[j]].start >= m.end && words[idx[j]].isWord {
          let w = words[idx[j]]
          // "he's hoping", "who'd endorsed": the pronoun before its clitic.
          let bare = w.lower.prefix { $0 != "'" && $0 != "\u{2019}" }
          if Self.subjectPronouns.contains(String(bare)) || bare == "who" {
            return w.start..<(w.start + bare.unicodeScalars.count)
          }
          j -= 1
        }
      }
      return m.start..<m.end
    }
    if let m = named.first { return m.start..<m.end }
    // A mention of another entity that the canonicalizer folded into the speaker ("the Ministry" for the
    // ministry) is still the speaker's name at this quote.
    let ordered = before ? Array(idx.reversed()) : idx
    if let k = ordered.first(where: { Self.pronounSources.contains(words[$0].lower) }) {
      return words[k].start..<words[k].end
    }
    if let k = ordered.first(where: {
      lexicon.organizationNouns.contains(words[$0].lower) || Self.roleNouns[words[$0].lower] != nil
        || lexicon.speakerNouns.contains(words[$0].lower)
    }) {
      var a = k
      while a > 0, words[a - 1].start >= cue.start,
        ["the", "a", "an"].contains(words[a - 1].lower) || words[a - 1].isCapitalized && words[a - 1].isWord
      { a -= 1 }
      return words[a].start..<words[k].end
    }
    return nil
  }

  /// The cue words proper inside a cue clause: its speech verb (with a following "that"), "according to", or
  /// a label's colon.
  func cueWords(in cue: Evidence) -> Range<Int>? {
    let idx = context.wordIndices(cue.start, cue.end)
    if let a = idx.firstIndex(where: { words[$0].lower == "according" }), a + 1 < idx.count,
      words[idx[a + 1]].lower == "to"
    {
      return words[idx[a]].start..<words[idx[a + 1]].end
    }
    if let v = idx.last(where: { isSpeechVerb($0) }) {
      return words[v].start..<words[v].end
    }
    // A verb whose object reports the words ("endorsed", "discussed").
    if let v = idx.last(where: { lexicon.topicVerbs.contains(words[$0].lower) && context.mention(atWord: $0) == nil }) {
      return words[v].start..<words[v].end
    }
    if let c = idx.last(where: { words[$0].lower == ":" }) { return words[c].start..<words[c].end }
    return nil
  }

  /// A quote with no speaker entity: the ``sourceRules`` in order (a partial quote inside an attributed
  /// reported clause takes that clause's speaker; a speech verb beside the quote with a noun phrase that names
  /// no entity, "officials said", "said a spokesman", makes a record with no speaker and that phrase as its
  /// source; …). A short direct quote none of them decides is a scare quote or a title: no record.
  mutating func attributeWithoutEntity(_ i: Int) {
    for rule in Self.sourceRules where rule.apply(i, in: &self) { return }
    let q = quotes[i]
    if q.form == .direct && context.wordIndices(q.start, q.end).count <= Self.scareQuoteWords { quotes[i].kind = nil }
  }

  /// The rules for quotes no ``AttributionRule`` gave a speaker, asked in this order; the first to decide wins.
  static let sourceRules: [any SourceRule] = [
    ReportedSourceRule(), InsideReportedSpeechRule(), NominalSourceRule(), PhraseVerbSubjectRule(),
    SentenceSpeakerRule(),
    UnresolvedSourceRule(),
  ]
  /// The attributed reported clause (indirect speech) holding quote `i`, if any.
  func enclosingReported(_ i: Int) -> Int? {
    let q = quotes[i]
    // Reported clauses start before the quote and reach at most `QuoteFinder.maxReportedLength` on either side
    // of their cue: walk back over the quotes starting that far before it in its paragraph, not the whole
    // paragraph (quadratic on run-on text).
    let para = text.paragraph(of: q.start)
    let lower = max(para.lowerBound, q.start - 2 * QuoteFinder.maxReportedLength - 200)
    var j = i - 1
    while j >= 0 && quotes[j].start >= lower {
      let o = quotes[j]
      if o.form == .reported && o.start <= q.start && q.end <= o.end + 2 && o.speaker != nil { return j }
      j -= 1
    }
    return nil
  }

  /// A nominal source beside direct quote `i`: "“…,” a spokesman said." / "“…,” said one official." /
  /// "Officials said: “…”". Returns the source words and the verb.
  /// With `strict` false, any short noun phrase (or a pronoun) without a person or organization is accepted.
  func nominalSource(_ i: Int, strict: Bool = true) -> (Range<Int>, Range<Int>)? {
    func accepts(_ np: [Int]) -> Bool { strict ? isNominal(np) : isSourcePhrase(np) }
    let q = quotes[i]
    let para = text.paragraph(of: q.start)
    // After the quote: up to eight words before the sentence ends.
    var a = q.end
    while a < para.upperBound
      && (QuoteMarks.isMark(text.scalars[a]) || CharClass.isSpace(text.scalars[a]) || text.scalars[a] == ",")
    { a += 1 }
    let after = context.wordIndices(
      a, min(para.upperBound, text.sentenceEnd(after: a, upper: para.upperBound), a + 200)
    ).prefix(9)
    if let v = after.firstIndex(where: { isSpeechVerb($0) }) {
      let verb = words[after[v]].start..<words[after[v]].end
      if v == after.startIndex {
        // "said a spokesman": the noun phrase after the verb, to a comma or the sentence end.
        var np: [Int] = []
        for j in after.dropFirst() {
          let prev = np.last ?? after[after.startIndex]
          if !words[j].isWord || (prev + 1..<j).contains(where: { [",", ";"].contains(words[$0].lower) }) { break }
          np.append(j)
        }
        if let first = np.first, let last = np.prefix(6).last, accepts(Array(np.prefix(6))) {
          return (words[first].start..<words[last].end, verb)
        }
      } else {
        let np = Array(after[after.startIndex..<v])
        if np.count <= 6, np.allSatisfy({ words[$0].isWord }), accepts(np) {
          return (words[np.first!].start..<words[np.last!].end, verb)
        }
      }
    }
    // Before the quote: "Officials said: “…”", "A spokesman told reporters, “…”".
    var open = q.start - 1
    while open > para.lowerBound && CharClass.isSpace(text.scalars[open]) { open -= 1 }
    let s = max(text.sentenceStart(before: open, lower: para.lowerBound), open - 200)
    let pre = context.wordIndices(s, open).filter {
      words[$0].isWord || words[$0].lower == "," || words[$0].lower == ":"
    }
    guard let v = pre.lastIndex(where: { isSpeechVerb($0) }) else { return nil }
    let np = Array(pre[0..<v]).filter { words[$0].isWord }
    guard !np.isEmpty, np.count <= 6, accepts(np) else { return nil }
    return (words[np.first!].start..<words[np.last!].end, words[pre[v]].start..<words[pre[v]].end)
  }

  /// Whether words `np` are a noun phrase naming a source without naming an entity: no mention inside, and
  /// a source noun ("officials", "spokesman", "the report") as the head.
  func isNominal(_ np: [Int]) -> Bool {
    guard let head = np.last else { return false }
    // Places and demonyms may qualify the source ("a Nevada Democrat"); a person or organization names it.
    if np.contains(where: {
      context.mention(atWord: $0).map { $0.kind == .person || $0.kind == .organization } ?? false
    }) {
      return false
    }
    let lw = words[head].lower
    if SpeakerContext.personalPronouns.contains(lw) || ["i", "we", "you"].contains(lw) { return false }
    return lexicon.speakerNouns.contains(lw) || lexicon.organizationNouns.contains(lw)
      || lexicon.statementNouns.contains(lw)
      || Self.sourceNouns.contains(lw)
  }

  /// Whether words `np` can name a source the rules did not resolve: a pronoun, or a short phrase with no
  /// person or organization that does not open with a conjunction or a relative word.
  func isSourcePhrase(_ np: [Int]) -> Bool {
    guard let first = np.first, np.count <= 5 else { return false }
    if np.contains(where: {
      context.mention(atWord: $0).map { $0.kind == .person || $0.kind == .organization } ?? false
    }) {
      return false
    }
    let lw = words[first].lower
    if ["and", "but", "or", "that", "which", "as", "when", "if", "so", "then", "it", "there", "this"].contains(lw) {
      return false
    }
    return np.count == 1
      ? Self.pronounSources.contains(lw) || words[first].isCapitalized
      : true
  }

  /// Head nouns of nominal sources beyond the lexicon's speaker and organization nouns.
  static let sourceNouns: Set<String> = SpeechWords[.sourceNouns]
}
