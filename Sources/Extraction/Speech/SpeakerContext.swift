import DocumentModel

/// What the speech and relation stages share about one analyzed document: its words, its top-level
/// entity mentions and which word belongs to which mention.
struct SpeakerContext {
  let document: AnalyzedDocument
  /// The document's text view: words, sentences and paragraphs (as the early stages found them).
  let text: AnalyzedDocument
  /// Mentions that are not inside another mention (a country inside an organization's name is dropped).
  let mentions: [EntityMention]
  /// Word index → index into `mentions`, or -1.
  let mentionOfWord: [Int32]

  static let malePronouns: Set<String> = SpeechWords[.malePronouns]
  static let femalePronouns: Set<String> = SpeechWords[.femalePronouns]
  static let pluralPronouns: Set<String> = SpeechWords[.pluralPronouns]
  static let neuterPronouns: Set<String> = SpeechWords[.neuterPronouns]
  static var personalPronouns: Set<String> {
    malePronouns.union(femalePronouns).union(pluralPronouns).union(neuterPronouns)
  }

  init(_ document: AnalyzedDocument) {
    self.document = document
    text = document
    let sorted = document.mentions.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
    var kept: [EntityMention] = []
    var coverEnd = -1
    for m in sorted {
      if m.end <= coverEnd, let last = kept.last, last.start <= m.start, (last.start, last.end) != (m.start, m.end) {
        continue
      }
      if let last = kept.last, (last.start, last.end) == (m.start, m.end) { continue }
      kept.append(m)
      coverEnd = max(coverEnd, m.end)
    }
    mentions = kept
    var map = [Int32](repeating: -1, count: text.words.count)
    for (i, m) in kept.enumerated() {
      // Words overlapping the mention ("Peru's" for a mention of "Peru").
      var w = max(0, text.wordIndex(atOrAfter: m.start) - 1)
      while w < text.words.count && text.words[w].start < m.end {
        if text.words[w].end > m.start && map[w] < 0 { map[w] = Int32(i) }
        w += 1
      }
      // A possessive written onto the name ("Peru's") belongs to the mention, as the word it is part of.
      if w < text.words.count, text.isCliticS(w), text.words[w - 1].end == m.end, map[w] < 0 { map[w] = Int32(i) }
    }
    mentionOfWord = map
  }

  func entity(_ id: EntityID) -> Entity? { document.entities[id] }

  func kind(of id: EntityID) -> EntityKind? { document.entities[id]?.kind ?? id.kind }

  /// The mention covering word `k`, if any.
  func mention(atWord k: Int) -> EntityMention? {
    guard k >= 0, k < mentionOfWord.count, mentionOfWord[k] >= 0 else { return nil }
    return mentions[Int(mentionOfWord[k])]
  }

  /// Mentions inside `start..<end`.
  func mentions(in start: Int, _ end: Int) -> [EntityMention] {
    mentions[mentions.mentionIndices(startingIn: start, end)].filter { $0.end <= end }
  }

  /// The words of `start..<end` that are letters or digits, one per whole word (see
  /// ``AnalyzedDocument/isWholeWord(_:)``: "Peru's" and "R-Utah" are one word each).
  func wordIndices(_ start: Int, _ end: Int) -> [Int] {
    text.wordRange(start, end).filter { text.isWholeWord($0) }
  }

  /// Evidence for a span, with the sentence index when sentences are known.
  func evidence(_ start: Int, _ end: Int) -> Evidence {
    document.document.evidence(start, end, sentence: document.sentenceIndex(containing: start))
  }

  /// A readable evidence piece around `start..<end`: its sentence, clipped to `bounds`, at most ~300 code points.
  func sentencePiece(_ start: Int, _ end: Int, within bounds: Range<Int>) -> Evidence {
    let r = sentencePieceRange(start, end, within: bounds)
    return evidence(r.lowerBound, r.upperBound)
  }

  /// The offsets of ``sentencePiece(_:_:within:)``, without building its text (cheap to dedupe).
  func sentencePieceRange(_ start: Int, _ end: Int, within bounds: Range<Int>) -> Range<Int> {
    var a = max(bounds.lowerBound, text.sentenceStart(before: start, lower: bounds.lowerBound))
    var b = min(bounds.upperBound, text.sentenceEnd(after: end, upper: bounds.upperBound))
    if b - a > 300 {
      a = max(a, start - 120)
      b = min(b, end + 120)
    }
    let s = text.scalars
    while a < start && CharClass.isSpace(s[a]) { a += 1 }
    while b > end && CharClass.isSpace(s[b - 1]) { b -= 1 }
    return a..<max(a, b)
  }

  /// The meeting the article reports on: an event with a title, or one named as a meeting (webinar,
  /// conference, hearing, …), earliest mentioned first.
  func reportedEvent() -> EntityID? {
    let events = document.entities.values.filter { $0.kind == .event }
    func isMeeting(_ e: Entity) -> Bool {
      if e.attributes["title"] != nil { return true }
      let names = ([e.name] + e.aliases + [e.attributes["type"] ?? ""]).joined(separator: " ").lowercased()
      return names.split(whereSeparator: { !$0.isLetter }).contains { meetingNouns.contains(String($0)) }
    }
    func firstMention(_ e: Entity) -> Int {
      mentions.first(where: { $0.entity == e.id })?.start ?? e.mentions.map(\.start).min() ?? Int.max
    }
    return events.filter(isMeeting).min { (firstMention($0), $0.id) < (firstMention($1), $1.id) }?.id
  }

  /// Resolves a nominal ("the ministry", "the organization") to the latest organization before `offset`
  /// whose name holds the noun, or, for generic nouns, to the latest organization.
  func resolveNominal(_ noun: String, before offset: Int) -> EntityID? {
    // Walk back from `offset` over at most `nominalWindow` mentions (antecedents are near; linear overall).
    let lo = mentions.partitioningIndex { $0.start >= offset }
    let generic = ["organization", "organisation", "group", "company", "firm"].contains(noun)
    var nearest: EntityID?
    var k = lo - 1
    while k >= 0 && lo - k <= SpeakerContext.nominalWindow {
      let m = mentions[k]
      k -= 1
      guard m.kind == .organization else { continue }
      if nearest == nil { nearest = m.entity }
      if (entity(m.entity)?.name.lowercased() ?? "").contains(noun) { return m.entity }
    }
    return generic ? nearest : nil
  }

  /// How many mentions a nominal ("the ministry") looks back over at most.
  static let nominalWindow = 2000
}
