import DocumentModel

/// Finding the subject of a speech verb and resolving pronouns, nominals and role nouns to entities.
extension AttributionRun {
  /// The source named after "according to" at word `w` (skipping articles): a pronoun, a person or an
  /// organization mention, or a role noun ("according to the moderator").
  mutating func accordingSource(_ w: Int, limit: Int, quoteIndex i: Int) -> (EntityID, Double)? {
    var k = w
    while k + 1 < words.count && ["the", "a", "an"].contains(words[k].lower) && words[k + 1].start < limit { k += 1 }
    if SpeakerContext.personalPronouns.contains(words[k].lower) {
      return resolvePronoun(words[k].lower, at: words[k].start, quoteIndex: i).map { ($0, 0.85) }
    }
    let candidates =
      [context.mention(atWord: k)].compactMap { $0 } + context.mentions(in: words[k].start, max(limit, words[k].end))
    if let m = candidates.first(where: { isSpeakerKind($0.kind) && !$0.isDemonym }) {
      return (m.entity, 0.9)
    }
    if lexicon.organizationNouns.contains(words[k].lower),
      let who = resolveNominal(words[k].lower, before: words[k].start)
    {
      return (who, 0.75)
    }
    if let who = resolveRole(words[k].lower, before: words[k].start) { return (who, 0.75) }
    return nil
  }

  /// Nouns of roles a person holds at an event, with the verb stem that introduces the holder
  /// ("the moderator" ← "moderated by X", "X, the moderator").
  static let roleNouns: [String: String] = [
    "moderator": "moderat", "chair": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "host": "host", "interviewer": "interview", "presenter": "present", "organizer": "organi", "organiser": "organi",
  ]

  /// The person the text presents in role `noun` before `offset`: the person nearest (within six words, in
  /// one sentence) to an earlier use of the role noun or its verb ("moderated by X", "X, the chair").
  func resolveRole(_ noun: String, before offset: Int) -> EntityID? {
    guard let stem = Self.roleNouns[noun] else { return nil }
    let end = text.wordIndex(atOrAfter: offset)
    var k = end - 1
    // The role is presented near its use: at most a few thousand words back.
    while k >= 0 && end - k <= 5000 {
      let lw = words[k].lower
      if words[k].isWord, lw == noun || lw.hasPrefix(stem) && (lw.hasSuffix("ed") || lw == noun) {
        let para = text.paragraph(of: words[k].start)
        let s = text.sentenceStart(before: words[k].start, lower: para.lowerBound)
        let e = text.sentenceEnd(after: words[k].end, upper: para.upperBound)
        var best: (EntityID, Int)?
        for m in context.mentions(in: s, e) where m.kind == .person && container(ofOffset: m.start) == nil {
          let d = abs(text.wordIndex(atOrAfter: m.start) - k)
          if d <= 6, best.map({ d < $0.1 }) ?? true { best = (m.entity, d) }
        }
        if let best { return best.0 }
      }
      k -= 1
    }
    return nil
  }

  /// Pronouns that can be the subject of a clause ("Her colleague X said" opens with a possessive).
  static let subjectPronouns: Set<String> = SpeechWords[.subjectPronouns]

  func isSpeakerKind(_ kind: EntityKind) -> Bool { kind == .person || kind == .organization || kind == .country }

  /// The subject of the speech verb at word `v`: a pronoun, the mention right before it, the antecedent of
  /// "who", or the first person or organization of the clause.
  mutating func subject(beforeWord v: Int, clauseStart: Int, quoteIndex i: Int) -> (EntityID, Double)? {
    var k = v - 1
    while k >= 0 && words[k].start >= clauseStart && words[k].isWord && lexicon.skipWords.contains(words[k].lower) {
      k -= 1
    }
    func firstOfClause() -> EntityID? {
      let ms = context.mentions(in: clauseStart, words[v].start).filter {
        ($0.kind == .person || $0.kind == .organization) && !insideSibling(text.wordIndex(atOrAfter: $0.start), of: i)
          && !$0.isDemonym
      }
      // A clause that opens with a pronoun ("He started his talk by discussing …") has it as subject.
      let first = text.wordIndex(atOrAfter: clauseStart)
      if first < v, words[first].isWord, Self.subjectPronouns.contains(words[first].lower),
        ms.first.map({ $0.start > words[first].start }) ?? true
      {
        return resolvePronoun(words[first].lower, at: words[first].start, quoteIndex: i)
      }
      return ms.first?.entity
    }
    guard k >= 0, words[k].start >= clauseStart else { return firstOfClause().map { ($0, 0.8) } }
    let w = words[k]
    if w.isWord && SpeakerContext.personalPronouns.contains(w.lower) {
      return resolvePronoun(w.lower, at: w.start, quoteIndex: i).map { ($0, 0.9) }
    }
    if w.isWord && ["i", "we", "you"].contains(w.lower) { return nil }
    if let m = context.mention(atWord: k), isSpeakerKind(m.kind), !m.isDemonym { return (m.entity, 1) }
    // "The deputy director of Y, X, warned that …": the person set off by commas right before the verb.
    if w.lower == ",", k > 0, let m = context.mention(atWord: k - 1), m.kind == .person, !m.isDemonym {
      // Titles or a first name the recognizer left out may stand between the comma and the name.
      var first = text.wordIndex(atOrAfter: m.start) - 1
      var skipped = 0
      while first > 0, skipped < 3, words[first].isWord, words[first].isCapitalized,
        context.mention(atWord: first) == nil
      {
        first -= 1
        skipped += 1
      }
      if first >= 0, words[first].lower == ",", words[first].start >= clauseStart { return (m.entity, 0.95) }
    }
    if w.isWord, Self.roleNouns[w.lower] != nil, k > 0, words[k - 1].lower == "the",
      let who = resolveRole(w.lower, before: w.start)
    {
      return (who, 0.75)
    }
    if w.lower == "who" || w.lower == "which" {
      return relativeAntecedent(w.lower, before: w.start, clauseStart: clauseStart).map { ($0, 0.95) }
    }
    if w.isWord && lexicon.organizationNouns.contains(w.lower), k > 0,
      ["the", "a"].contains(words[k - 1].lower) || context.mention(atWord: k - 1) != nil
    {
      if let m = context.mention(atWord: k - 1), m.kind == .country || m.kind == .organization {
        return (m.entity, 0.85)
      }
      return resolveNominal(w.lower, before: w.start).map { ($0, 0.75) }
    }
    return firstOfClause().map { ($0, 0.8) }
  }

  /// The antecedent of a relative "who" (the nearest person before it in the clause, else the nearest
  /// organization: "X, the head of Y, who said") or "which" (the nearest organization, else person).
  func relativeAntecedent(_ pronoun: String, before offset: Int, clauseStart: Int) -> EntityID? {
    let ms = context.mentions(in: clauseStart, offset).filter {
      ($0.kind == .person || $0.kind == .organization) && !$0.isDemonym
    }
    let preferred: EntityKind = pronoun == "which" ? .organization : .person
    for m in [ms.last { $0.kind == preferred }, ms.last].compactMap({ $0 }) where heads(m, relativeAt: offset) {
      return m.entity
    }
    return nil
  }

  /// Prepositions that may join a name to the relative pronoun after it ("X of the Heritage Foundation, who").
  static let relativeJoins: Set<String> = ["of", "from", "at", "for", "in", "with"]

  /// Whether mention `m` can be what the relative pronoun at `offset` refers to: nothing but a comma between
  /// them ("X, who"), an apposition set off by commas ("X, the head of Y, who"), a party tag in parentheses
  /// ("X (D-Ohio), who"), or a preposition with names ("X of the Heritage Foundation, who"). A name followed
  /// by other words ("a radio program called X for listeners who", "Y was eager to placate Democrats on
  /// Capitol Hill, who") is not the antecedent: the relative clause describes something the graph does not name.
  func heads(_ m: EntityMention, relativeAt offset: Int) -> Bool {
    var between = Array(text.wordRange(m.end, offset))
    if between.last.map({ words[$0].lower == "," }) ?? false { between.removeLast() }
    guard let first = between.first else { return true }
    switch words[first].lower {
    case ",": return between.count <= 16
    case "(": return between.count <= 8 && words[between[between.count - 1]].lower == ")"
    case let w where Self.relativeJoins.contains(w):
      return between.dropFirst().allSatisfy {
        words[$0].isCapitalized || words[$0].lower == "the" || text.isCliticS($0) || context.mention(atWord: $0) != nil
      }
    default: return false
    }
  }

  func resolveNominal(_ noun: String, before offset: Int) -> EntityID? { context.resolveNominal(noun, before: offset) }

  /// The most recent compatible speaker or subject before `offset` in the same context.
  /// Index of the first candidate whose position is at or after `offset` (`candidates` is sorted by position).
  func firstCandidate(atOrAfter offset: Int) -> Int {
    return candidates.partitioningIndex { $0.position >= offset }
  }

  /// How many candidates a pronoun looks back over at most (antecedents are near; this keeps the stage linear).
  static let pronounWindow = 1500

  /// The most recent compatible speaker or subject before `offset` in the same context.
  mutating func resolvePronoun(_ pronoun: String, at offset: Int, quoteIndex i: Int) -> EntityID? {
    let box = container(ofOffset: offset)
    let female = SpeakerContext.femalePronouns.contains(pronoun)
    let male = SpeakerContext.malePronouns.contains(pronoun)
    let plural = SpeakerContext.pluralPronouns.contains(pronoun) || SpeakerContext.neuterPronouns.contains(pronoun)
    let offsetParagraph = text.paragraphIndex(of: offset)
    func accepts(_ c: (entity: EntityID, position: Int, container: Int?, isSubject: Bool, isSpeaker: Bool)) -> Bool {
      let kind = context.kind(of: c.entity)
      if plural {
        // "They"/"it" name an organization that already spoke, or one named in the same paragraph just before.
        guard kind == .organization || kind == .country else { return false }
        return c.isSpeaker || (text.paragraphIndex(of: c.position) == offsetParagraph && offset - c.position < 250)
      }
      guard kind == .person else { return false }
      if let g = gender[c.entity], g != female { return false }
      return true
    }
    func found(_ e: EntityID) -> EntityID {
      if !plural && (male || female) { gender[e] = female }
      return e
    }
    // Narration pronouns look at narration; pronouns inside a quote look inside that quote first: subjects
    // and speakers first, most recent first, then other mentions.
    let end = firstCandidate(atOrAfter: offset)
    // A narration pronoun goes first to the last compatible speaker of this or the previous paragraph, even
    // past a newer sentence subject of the previous paragraph: news text keeps "he said" for the person it is
    // quoting (PolNeAR train: direct-quote attribution F1 0.807 -> 0.811). A new subject in the pronoun's own
    // paragraph ("Representative X questioned the timeline. “…,” he said.") is the person instead.
    if box == nil {
      var k = end - 1
      while k >= 0 && end - k <= Self.pronounWindow
        && offsetParagraph - text.paragraphIndex(of: candidates[k].position) <= 1
      {
        let c = candidates[k]
        k -= 1
        guard c.container == nil, accepts(c) else { continue }
        if c.isSpeaker { return found(c.entity) }
        if c.isSubject && text.paragraphIndex(of: c.position) == offsetParagraph { break }
      }
    }
    for wantSubject in [true, false] {
      var k = end - 1
      while k >= 0 && end - k <= Self.pronounWindow {
        let c = candidates[k]
        k -= 1
        if c.container == box && c.isSubject == wantSubject && accepts(c) { return found(c.entity) }
      }
    }
    if let box {
      // Inside a quote, a pronoun with no antecedent in the quote may name someone the narration just
      // introduced in the same paragraph ("… in the Ledger: “It wrote: ‘…’”"), never the quote's own speaker.
      let q = quotes[box]
      let para = text.paragraph(of: q.start)
      var k = firstCandidate(atOrAfter: q.start) - 1
      while k >= 0 && candidates[k].position >= para.lowerBound {
        let c = candidates[k]
        k -= 1
        if c.container == nil && c.entity != q.speaker && accepts(c) { return found(c.entity) }
      }
    }
    return nil
  }

  // MARK: - Relations
}
