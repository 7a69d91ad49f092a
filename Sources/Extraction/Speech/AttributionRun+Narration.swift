import DocumentModel

/// What the narration says about people: sentence subjects, genders, and who it presents as a speaker.
extension AttributionRun {
  /// Sentence subjects of the narration (and of each quote): the first person or organization of a sentence.
  mutating func collectNarrationSubjects() {
    var seenSentence: Set<Int> = []
    // A group of people ("Kurds", "African-Americans") is no one a singular pronoun or a speaker can be.
    for m in context.mentions where (m.kind == .person || m.kind == .organization) && m.source != .group {
      let box = container(ofOffset: m.start)
      let lower = box.map { quotes[$0].start } ?? text.paragraph(of: m.start).lowerBound
      let s = text.sentenceStart(before: m.start, lower: lower)
      // Sentence subjects come first; other people are a fallback for pronouns ("Ms. Y … she said").
      // An object ("told the House", "spoke with X") is not the sentence's subject.
      var b = text.wordIndex(atOrAfter: m.start) - 1
      while b >= 0 && ["the", "a", "an"].contains(words[b].lower) { b -= 1 }
      let isObject = b >= 0 && words[b].start >= s && Self.objectMarkers.contains(words[b].lower)
      let first = !isObject && seenSentence.insert(s).inserted
      // Asked once: it reads the words around the name, and it has no side effects.
      let introduces = introducesSpeaker(m)
      candidates.append((m.entity, m.start, box, first || introduces, false))
      if m.kind == .person {
        if gender[m.entity] == nil, let g = nameGender(of: m.entity) { gender[m.entity] = g }
        learnTitleGender(m)
      }
      if box == nil && m.kind == .person && introduces {
        let end = text.sentenceEnd(after: m.end, upper: text.scalars.count)
        introduced.append((m.entity, context.evidence(s, end)))
      }
    }
  }

  /// The gender the name list gives the person's first name ("Maria Lopez" → female), if it knows one.
  func nameGender(of entity: EntityID) -> Bool? {
    guard let name = context.entity(entity)?.name else { return nil }
    for word in name.split(separator: " ").prefix(3) {
      let w = word.lowercased()
      // Skip initials and titles ("J.", "Dr."): the first full word decides.
      if w.hasSuffix(".") || w.count < 2 { continue }
      return lexicon.nameGender[w]
    }
    return nil
  }

  /// Verbs of `introducesSpeaker`'s forms ("spoke next", "took the floor", "opened the session").
  static let introVerbs: Set<String> = SpeechWords[.introVerbs]

  /// Titles written before a name ("Dr.", "Prof."), from the relation words.
  static let honorifics: Set<String> = RelationWords[.titleWords]

  /// Words after which a mention is an object, not a subject.
  static let objectMarkers: Set<String> = SpeechWords[.objectMarkers]

  mutating func learnTitleGender(_ m: EntityMention) {
    let w = text.wordIndex(atOrAfter: m.start)
    for k in [w, w - 1, w - 2] where k >= 0 && k < words.count && words[k].start <= m.start + 4 {
      switch words[k].lower {
      // A first name's gender, where the name list knows it, is not overridden by a title.
      case "mr", "sir", "lord": if gender[m.entity] == nil { gender[m.entity] = false }
      case "mrs", "ms", "miss", "dame", "lady": if gender[m.entity] == nil { gender[m.entity] = true }
      default: continue
      }
      return
    }
  }

  /// Whether the narration around `m` presents the person as a speaker ("the next speaker was X",
  /// "X was the first speaker", "X spoke next", "X took the floor", "Opening the session, X said").
  func introducesSpeaker(_ m: EntityMention) -> Bool {
    guard m.kind == .person, container(ofOffset: m.start) == nil else { return false }
    let para = text.paragraph(of: m.start)
    // At most a few hundred code points around the name: run-on "sentences" must not make this quadratic.
    let s = max(text.sentenceStart(before: m.start, lower: para.lowerBound), m.start - Self.clauseReach)
    let e = min(text.sentenceEnd(after: m.end, upper: para.upperBound), m.end + Self.clauseReach)
    // Every way below to say yes needs a speaker noun, "spoke", "took", "opened" or "closed" in the window:
    // without one, the answer is no, known from two prefix counts instead of the window's words.
    let range = text.wordRange(s, e)
    guard introCues[range.upperBound] > introCues[range.lowerBound] else { return false }
    let idx = range.filter { text.isWholeWord($0) }
    let lw = idx.map { words[$0].lower }
    // Only the first person of the sentence is its subject, unless a "speaker was X" form names another.
    let persons = context.mentions(in: s, e).filter { $0.kind == .person && container(ofOffset: $0.start) == nil }
    let mWord = text.wordIndex(atOrAfter: m.start)
    if var pos = idx.firstIndex(of: mWord) {
      // A title between the verb and the name ("the next speaker was Dr. X") is part of the name.
      while pos >= 3 && Self.honorifics.contains(lw[pos - 1]) { pos -= 1 }
      if pos >= 2, ["was", "is", "were"].contains(lw[pos - 1]) || lw[pos - 1] == "by",
        lexicon.speakerNouns.contains(lw[pos - 2])
      {
        return true
      }
    }
    guard persons.first?.start == m.start else { return false }
    if lw.contains(where: { lexicon.speakerNouns.contains($0) }) {
      // "X … was the next speaker" (not "the speaker was Y" naming someone else).
      if let n = lw.firstIndex(where: { lexicon.speakerNouns.contains($0) }), n + 1 < lw.count,
        ["was", "is"].contains(lw[n + 1])
      {
        return false
      }
      return true
    }
    for (a, b) in zip(lw, lw.dropFirst()) {
      if a == "spoke" && ["next", "first", "last", "second", "third", "afterwards", "after", "later"].contains(b) {
        return true
      }
      if a == "took" && b == "the", lw.contains("floor") { return true }
      if a == "opened" || a == "closed", lw.contains(where: { meetingNouns.contains($0) }) { return true }
    }
    return false
  }

  // MARK: - One quote
}
