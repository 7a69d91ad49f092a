import DocumentModel

/// Attributes every quote to a speaker and records who mentioned what.
///
/// Attribution rules, tried in this order for each quote (outer quotes first):
/// 1. Interview turns: the label (`SMITH:`) names the speaker; `A:` is the interviewee, the first person
///    the narration introduces.
/// 2. Titles: a quote right after "titled", "called", … is a name, not speech.
/// 3. A cue before the quote in the same sentence: "According to X / him", "X said:", "He added,",
///    "X, the minister, told reporters:", "Y issued a statement saying:", "X referred to … as “…”", "X: “…”".
/// 4. A cue after the quote: "“…,” X said.", "“…,” he added.", "“…,” said the ministry."
/// 5. Continuation: a quote that opens a sentence with no cue keeps the current speaker (the floor).
/// Reported speech (``Quote/Form/reported``) goes to the subject of its cue verb.
///
/// Pronouns resolve to the most recent compatible speaker or sentence subject in the same context
/// (narration, or inside the same quote); "he"/"she" learn a person's gender. Speakers introduced by role
/// ("The next speaker was X", "X spoke next") take the floor.
///
/// Relations produced: `mentioned` from each speaker to every entity named in their words (quotes nested
/// inside count for both the embedding speaker and the embedded source, never a self-mention), with the
/// number of mentions and one evidence piece per sentence; `quoted_in` from an embedded source to the
/// speaker quoting it (and to the outlet in "X told <outlet>"); `spoke_at` from every person speaking in
/// the article to the reported-on event when that event is a meeting (webinar, conference, hearing, …).
///
/// ```swift
/// var doc = analyzed  // tokens, mentions and entities filled in
/// QuoteFinder().process(&doc)
/// SpeechAttributor().process(&doc)
/// doc.quotes.compactMap(\.speaker)
/// ```
public struct SpeechAttributor: ExtractionStage {
  /// The stage name.
  public let name = "speech-attributor"
  /// What the stage reads.
  public let requires: Set<ExtractionProduct> = [.tokens, .words, .sentences, .mentions, .entities, .quotes]
  /// What the stage adds.
  public let produces: Set<ExtractionProduct> = [.attributions, .relations]
  /// The cue words.
  public var lexicon: SpeechLexicon

  /// Creates the stage with the bundled cue words.
  public init(lexicon: SpeechLexicon = .standard) { self.lexicon = lexicon }

  /// Runs the stage on `document`.
  public func process(_ document: inout AnalyzedDocument) {
    var run = AttributionRun(context: SpeakerContext(document), lexicon: lexicon)
    run.attributeAll()
    run.classifyQuotes()
    document.quotes = run.quotes
    document.relations += run.relations()
  }
}

/// What attributed one quote: the speaker, the cue, a confidence and the rule.
struct Attribution {
  /// The attribution rules, as recorded in a quote record's `source`.
  typealias Rule = QuoteRule
  var speaker: EntityID
  var cue: Evidence
  var confidence: Double
  var rule: Rule
  /// Whether words at this quote name the speaker (false for a continued quote).
  var namesSpeaker = true

  init(speaker: EntityID, cue: Evidence, confidence: Double, rule: Rule, namesSpeaker: Bool = true) {
    self.speaker = speaker
    self.cue = cue
    self.confidence = confidence
    self.rule = rule
    self.namesSpeaker = namesSpeaker
  }

  /// Wraps a rule's `(speaker, cue, confidence)` answer.
  init?(_ found: (EntityID, Evidence, Double)?, rule: Rule) {
    guard let found else { return nil }
    self.init(speaker: found.0, cue: found.1, confidence: found.2, rule: rule)
  }
}

/// Nouns naming meetings at which people speak.
let meetingNouns: Set<String> = [
  "webinar", "conference", "hearing", "panel", "seminar", "summit", "forum", "briefing", "symposium",
  "lecture", "session", "meeting", "debate", "roundtable", "workshop", "rally", "congress", "convention",
  "ceremony", "event", "talk", "discussion", "colloquium", "webcast", "podcast", "interview",
]

/// One attribution pass over a document.
struct AttributionRun {
  let context: SpeakerContext
  let lexicon: SpeechLexicon
  var quotes: [Quote]
  /// Index of the innermost direct quote enclosing each quote (nil at top level).
  var parent: [Int?]
  /// People, organizations and countries that pronouns can refer to, in text order.
  var candidates: [(entity: EntityID, position: Int, container: Int?, isSubject: Bool, isSpeaker: Bool)] = []
  var gender: [EntityID: Bool] = [:]  // true = female
  /// People the narration presents as speakers, with the evidence.
  var introduced: [(entity: EntityID, evidence: Evidence)] = []
  /// The current speaker of the narration and the paragraph where they last spoke.
  var floor: (entity: EntityID, paragraph: Int, cue: Evidence)?
  var outlets: [(source: EntityID, outlet: EntityID, evidence: Evidence)] = []
  var turnInterviewee: EntityID?

  var text: AnalyzedDocument { context.text }
  var words: [TokenWord] { context.text.words }

  init(context: SpeakerContext, lexicon: SpeechLexicon) {
    self.context = context
    self.lexicon = lexicon
    // Sorted through their offsets: moving whole quotes (with their cue texts) around costs more.
    let found = context.document.quotes
    let keys = found.map { (start: $0.start, end: $0.end) }
    let sorted = found.indices.sorted { (keys[$0].start, -keys[$0].end) < (keys[$1].start, -keys[$1].end) }.map { found[$0] }
    quotes = sorted
    // The innermost enclosing direct quote, with a stack of the direct quotes open at each start (direct
    // quotes nest, and `sorted` puts outer quotes first).
    var stack: [Int] = []
    var parents: [Int?] = []
    parents.reserveCapacity(sorted.count)
    for (i, q) in sorted.enumerated() {
      while let top = stack.last, sorted[top].end <= q.start && sorted[top].start < q.start { stack.removeLast() }
      parents.append(stack.last(where: { sorted[$0].end >= q.end }))
      if q.form == .direct { stack.append(i) }
    }
    parent = parents
    // Prefix counts of the words `introducesSpeaker` looks for.
    var cues = [Int32](repeating: 0, count: context.text.words.count + 1)
    for (k, w) in context.text.words.enumerated() {
      let hit = w.isWord && (lexicon.speakerNouns.contains(w.lower) || Self.introVerbs.contains(w.lower))
      cues[k + 1] = cues[k] + (hit ? 1 : 0)
    }
    introCues = cues
    // Fill outer quotes first so inner ones overwrite them.
    innermost = [Int32](repeating: -1, count: context.text.scalars.count)
    let direct = sorted.indices.filter { sorted[$0].form == .direct }.sorted {
      (sorted[$0].end - sorted[$0].start, $1) > (sorted[$1].end - sorted[$1].start, $0)
    }
    for j in direct {
      for o in sorted[j].start..<min(sorted[j].end, innermost.count) { innermost[o] = Int32(j) }
    }
  }

  // MARK: - Driver

  mutating func attributeAll() {
    collectNarrationSubjects()
    // `introduced` is in text order, and so are the quotes: one pointer walks it.
    var nextIntro = 0
    for i in quotes.indices {
      let q = quotes[i]
      // Narration before this quote may introduce a new speaker.
      while nextIntro < introduced.count && introduced[nextIntro].evidence.start < q.start { nextIntro += 1 }
      if nextIntro > 0, case let intro = introduced[nextIntro - 1],
        floor == nil || intro.evidence.start > (lastFloorChange ?? -1)
      {
        floor = (intro.entity, text.paragraphIndex(of: intro.evidence.start), intro.evidence)
        floorMention = context.mentions(in: intro.evidence.start, intro.evidence.end).first { $0.entity == intro.entity }.map { $0.start..<$0.end }
        lastFloorChange = intro.evidence.start
      }
      guard let found = attribution(of: i) else { continue }
      let (speaker, cue) = (found.speaker, found.cue)
      quotes[i].speaker = speaker
      quotes[i].cue = cue
      quotes[i].confidence = found.confidence
      quotes[i].rule = found.rule
      if found.namesSpeaker {
        quotes[i].speakerMention = speakerMention(of: speaker, in: cue, quote: q)
        // A transcript label names its speaker even when it is not a recognized name ("SMITH:").
        if quotes[i].speakerMention == nil && found.rule == .interviewTurn && cue.end - cue.start > 1 {
          quotes[i].speakerMention = cue.start..<(cue.end - 1)
        }
      } else if found.rule == .continuation {
        // A quote that continues the floor is named by the words that gave the speaker the floor.
        quotes[i].speakerMention = floorMention
      }
      if parent[i] == nil || quotes[parent[i]!].form != .direct || isTurn(parent[i]!) {
        floor = (speaker, text.paragraphIndex(of: q.end), cue)
        floorMention = quotes[i].speakerMention
        lastFloorChange = q.start
      }
      // Keep `candidates` sorted by position.
      let at = firstCandidate(atOrAfter: cue.start + 1)
      candidates.insert((speaker, cue.start, container(ofOffset: cue.start), true, true), at: at)
    }
  }
  var lastFloorChange: Int?
  /// The words that named the speaker holding the floor.
  var floorMention: Range<Int>?

  func isTurn(_ i: Int) -> Bool {
    let q = quotes[i]
    guard q.form == .direct, let cue = q.cue, cue.end <= q.start, cue.text.hasSuffix(":") else { return false }
    return text.paragraphIndex(of: cue.start) == text.paragraphIndex(of: q.start)
      && text.paragraph(of: q.start).lowerBound >= cue.start - 3
  }

  /// Index of the innermost direct quote holding `offset`.
  func container(ofOffset offset: Int) -> Int? {
    guard offset >= 0, offset < innermost.count, innermost[offset] >= 0 else { return nil }
    return Int(innermost[offset])
  }
  /// For each code point, the innermost direct quote holding it, or -1.
  var innermost: [Int32] = []

  /// Sentence subjects of the narration (and of each quote): the first person or organization of a sentence.
  mutating func collectNarrationSubjects() {
    var seenSentence: Set<Int> = []
    for m in context.mentions where m.kind == .person || m.kind == .organization {
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
  static let introVerbs: Set<String> = ["spoke", "took", "opened", "closed"]
  /// `introCues[k]`: how many of the first `k` words are speaker nouns or ``introVerbs``.
  var introCues: [Int32] = []

  /// How far (code points) a clause reaches from its cue: bounds the work per quote on run-on text.
  static let clauseReach = 400

  /// Words after which a mention is an object, not a subject.
  static let objectMarkers: Set<String> = [
    "to", "with", "by", "from", "for", "of", "at", "in", "on", "about", "against", "told", "thanked", "asked", "met",
    "interviewed", "urged", "called", "addressed", "into", "than",
  ]

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
    if let pos = idx.firstIndex(of: mWord), pos >= 2, ["was", "is", "were"].contains(lw[pos - 1]) || lw[pos - 1] == "by",
      lexicon.speakerNouns.contains(lw[pos - 2])
    {
      return true
    }
    guard persons.first?.start == m.start else { return false }
    if lw.contains(where: { lexicon.speakerNouns.contains($0) }) {
      // "X … was the next speaker" (not "the speaker was Y" naming someone else).
      if let n = lw.firstIndex(where: { lexicon.speakerNouns.contains($0) }), n + 1 < lw.count, ["was", "is"].contains(lw[n + 1]) {
        return false
      }
      return true
    }
    for (a, b) in zip(lw, lw.dropFirst()) {
      if a == "spoke" && ["next", "first", "last", "second", "third", "afterwards", "after", "later"].contains(b) { return true }
      if a == "took" && b == "the", lw.contains("floor") { return true }
      if a == "opened" || a == "closed", lw.contains(where: { meetingNouns.contains($0) }) { return true }
    }
    return false
  }

  // MARK: - One quote

  /// The speaker of quote `i`, with the cue, a confidence and the rule that found it.
  mutating func attribution(of i: Int) -> Attribution? {
    let q = quotes[i]
    if isTurn(i) { return Attribution(turnSpeaker(i), rule: .interviewTurn) }
    if q.form == .reported {
      guard let cue = q.cue else { return nil }
      let v = text.wordIndex(atOrAfter: cue.start)
      // "According to X, …" / "…, according to X.": the source follows "to".
      if words[v].lower == "according", v + 2 < words.count, words[v + 1].lower == "to" {
        return Attribution(accordingSource(v + 2, limit: cue.end, quoteIndex: i).map { ($0.0, cue, 0.8 * $0.1) }, rule: .accordingTo)
      }
      let lower = boundsStart(for: i)
      var clauseStart = max(text.sentenceStart(before: cue.start, lower: lower), cue.start - Self.clauseReach)
      if q.end <= cue.start {
        // A clause before its cue ("The plan is ready, Dvorak said."): its own words do not hold its source,
        // which stands between it and the verb or, inverted ("…, said Dvorak."), right after the verb.
        clauseStart = max(clauseStart, q.end)
        let after = v + 1 < words.count && words[v + 1].lower == "the" ? v + 2 : v + 1
        if after < words.count, let m = context.mention(atWord: after),
          isSpeakerKind(m.kind), !m.isDemonym, text.wordIndex(atOrAfter: m.start) <= after,
          m.start >= words[v].end, !words[(text.wordIndex(atOrAfter: q.end))..<v].contains(where: \.isWord)
        {
          return Attribution(speaker: m.entity, cue: context.evidence(cue.start, m.end), confidence: 0.8, rule: .reportedSubject)
        }
      }
      guard let (who, conf) = subject(beforeWord: v, clauseStart: clauseStart, quoteIndex: i) else { return nil }
      return Attribution(speaker: who, cue: context.evidence(max(clauseStart, cue.start - 150), cue.end), confidence: 0.8 * conf, rule: .reportedSubject)
    }
    // Direct quote: locate the opening mark.
    var open = q.start - 1
    while open > 0 && CharClass.isSpace(text.scalars[open]) { open -= 1 }
    let lower = boundsStart(for: i)
    var clauseStart = max(text.sentenceStart(before: open, lower: lower), open - Self.clauseReach)
    // An attributed sibling quote ending inside the clause starts a new clause after it.
    // Siblings do not overlap, so walking back from `i` can stop at the first one that ends before the clause.
    let clauseStart0 = clauseStart
    var j = i - 1
    while j >= 0 && j != parent[i] {
      let o = quotes[j]
      if o.form == .direct && parent[j] == parent[i] {
        if o.end < clauseStart0 { break }
        if o.speaker != nil && o.end < open { clauseStart = max(clauseStart, o.end + 1) }
      }
      j -= 1
    }
    let pre = context.wordIndices(clauseStart, open).filter { !insideSibling($0, of: i) }
    let before = text.wordIndex(atOrAfter: open) - 1
    if before >= 0, words[before].isWord, lexicon.titleWords.contains(words[before].lower) {
      quotes[i].isSpeech = false
      return nil
    }
    if let found = Attribution(preCue(pre, quoteIndex: i, open: open), rule: .cueBeforeQuote) { return found }
    if let found = Attribution(postCue(i), rule: .cueAfterQuote) { return found }
    // "X: “…”" — the clause is only a name and a colon.
    if let found = Attribution(colonIntro(clauseStart, open), rule: .colonIntro) { return found }
    // Continuation: a quote that opens its sentence, with no cue, keeps the floor.
    // A short quote continues only in the paragraph where the speaker just spoke ("“A,” X said. “B.”").
    if pre.isEmpty, parent[i] == nil, let floor,
      context.wordIndices(q.start, q.end).count >= 4 || floor.paragraph == text.paragraphIndex(of: q.start),
      text.paragraphIndex(of: q.start) - floor.paragraph <= 2, !hasUnresolvedCue(after: i)
    {
      // The cue is the one that gave the speaker the floor; no words name the speaker at this quote.
      return Attribution(speaker: floor.entity, cue: floor.cue, confidence: 0.7, rule: .continuation, namesSpeaker: false)
    }
    return nil
  }

  /// Whether a speech verb follows the quote in its sentence ("“…,” said someone we do not know"): then
  /// the quote has a speaker of its own and must not go to the current one.
  func hasUnresolvedCue(after i: Int) -> Bool {
    let q = quotes[i]
    let para = text.paragraph(of: q.end)
    var close = q.end
    while close < para.upperBound && (QuoteMarks.isMark(text.scalars[close]) || CharClass.isSpace(text.scalars[close])) { close += 1 }
    // The quote's last character before the marks: a comma announces a cue.
    var last = q.end - 1
    while last > q.start && CharClass.isSpace(text.scalars[last]) { last -= 1 }
    if text.scalars[last] == "," { return true }
    let end = min(text.sentenceEnd(after: close, upper: para.upperBound), close + Self.clauseReach)
    return context.wordIndices(close, end).prefix(6).contains { lexicon.speechVerbs.contains(words[$0].lower) }
  }

  func boundsStart(for i: Int) -> Int {
    if let p = parent[i] { return quotes[p].start }
    return text.paragraph(of: quotes[i].start).lowerBound
  }

  /// Whether word `k` lies in a quote other than `i` and its ancestors.
  func insideSibling(_ k: Int, of i: Int) -> Bool {
    let o = words[k].start
    guard let c = container(ofOffset: o) else { return false }
    var a = parent[i]
    while let x = a {
      if x == c { return false }
      a = parent[x]
    }
    return c != i
  }

  mutating func preCue(_ pre: [Int], quoteIndex i: Int, open: Int) -> (EntityID, Evidence, Double)? {
    guard !pre.isEmpty else { return nil }
    // "According to X" / "according to him".
    if let a = pre.lastIndex(where: { words[$0].lower == "according" }), a + 1 < pre.count, words[pre[a + 1]].lower == "to" {
      var k = a + 2
      while k < pre.count && ["the", "a", "an"].contains(words[pre[k]].lower) && k + 1 < pre.count { k += 1 }
      if k < pre.count {
        let w = pre[k]
        let cue = context.evidence(words[pre[a]].start, words[w].end)
        if SpeakerContext.personalPronouns.contains(words[w].lower) {
          if let who = resolvePronoun(words[w].lower, at: words[w].start, quoteIndex: i) { return (who, cue, 0.85) }
        } else if let m = context.mention(atWord: w), isSpeakerKind(m.kind) {
          return (m.entity, context.evidence(words[pre[a]].start, m.end), 0.9)
        }
      }
    }
    // The last speech verb of the clause.
    for p in pre.indices.reversed() {
      let w = pre[p]
      // "As X put it, ‘…’".
      let putIt = words[w].lower == "put" && p + 1 < pre.count && words[pre[p + 1]].lower == "it"
      guard lexicon.speechVerbs.contains(words[w].lower) || putIt else { continue }
      if p > 0 && ["the", "a", "an"].contains(words[pre[p - 1]].lower) { continue }
      let clauseStart = words[pre[0]].start
      if let (who, conf) = subject(beforeWord: w, clauseStart: clauseStart, quoteIndex: i) {
        // The cue reads from the start of the clause (at most ~150 code points back) to the verb.
        let cue = context.evidence(max(clauseStart, words[w].start - 150), words[w].end)
        if words[w].lower == "told", p + 1 < pre.count, let outlet = context.mention(atWord: pre[p + 1] ), outlet.kind == .organization {
          outlets.append((who, outlet.entity, context.evidence(words[pre[0]].start, outlet.end)))
        } else if words[w].lower == "told", p + 2 < pre.count, words[pre[p + 1]].lower == "the",
          let outlet = context.mention(atWord: pre[p + 2]), outlet.kind == .organization
        {
          outlets.append((who, outlet.entity, context.evidence(words[pre[0]].start, outlet.end)))
        }
        return (who, cue, 0.95 * conf)
      }
    }
    return nil
  }

  /// The source named after "according to" at word `w` (skipping articles): a pronoun, a person or an
  /// organization mention, or a role noun ("according to the moderator").
  mutating func accordingSource(_ w: Int, limit: Int, quoteIndex i: Int) -> (EntityID, Double)? {
    var k = w
    while k + 1 < words.count && ["the", "a", "an"].contains(words[k].lower) && words[k + 1].start < limit { k += 1 }
    if SpeakerContext.personalPronouns.contains(words[k].lower) {
      return resolvePronoun(words[k].lower, at: words[k].start, quoteIndex: i).map { ($0, 0.85) }
    }
    let candidates = [context.mention(atWord: k)].compactMap { $0 } + context.mentions(in: words[k].start, max(limit, words[k].end))
    if let m = candidates.first(where: { isSpeakerKind($0.kind) && !$0.isDemonym }) {
      return (m.entity, 0.9)
    }
    if lexicon.organizationNouns.contains(words[k].lower), let who = resolveNominal(words[k].lower, before: words[k].start) {
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

  mutating func postCue(_ i: Int) -> (EntityID, Evidence, Double)? {
    let q = quotes[i]
    let upper = parent[i].map { quotes[$0].end } ?? text.paragraph(of: q.end).upperBound
    var a = text.wordIndex(atOrAfter: q.end)
    // Skip closing marks and a comma.
    while a < words.count && words[a].start < upper && !words[a].isWord && (QuoteMarks.isMark(text.scalars[words[a].start]) || words[a].lower == ",") {
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
    if lexicon.speechVerbs.contains(lw) {
      var k = 1
      if k < idx.count && words[idx[k]].lower == "the" { k += 1 }
      guard k < idx.count else { return nil }
      let w = idx[k]
      let cue = context.evidence(words[w0].start, words[w].end)
      if SpeakerContext.personalPronouns.contains(words[w].lower) {
        return resolvePronoun(words[w].lower, at: words[w].start, quoteIndex: i).map { ($0, cue, 0.85) }
      }
      if lexicon.organizationNouns.contains(words[w].lower), context.mention(atWord: w) == nil,
        let who = resolveNominal(words[w].lower, before: words[w].start)
      {
        return (who, cue, 0.75)
      }
      // Titles before the name: capitalized words ("said Defense Minister X"), or up to three lower-case title
      // words before a person who closes the clause ("said Republican strategist X.").
      var t = k
      var lowerWords = 0
      while t < idx.count && t < k + 6 && context.mention(atWord: idx[t]) == nil && words[idx[t]].isWord {
        if !words[idx[t]].isCapitalized { lowerWords += 1 }
        t += 1
      }
      guard t < idx.count, let m = context.mention(atWord: idx[t]), isSpeakerKind(m.kind) else { return nil }
      if lowerWords > 0 {
        let after = text.wordIndex(atOrAfter: m.end)
        guard lowerWords <= 3, m.kind == .person, after >= words.count || [",", ".", ";"].contains(words[after].lower) || after >= idx.last! + 1
        else { return nil }
      }
      if !m.isDemonym { return (m.entity, context.evidence(words[w0].start, m.end), 0.95) }
      // "said Peruvian Trade Minister X": the person follows the demonym and the title.
      let limit = words[idx[min(idx.count - 1, t + 6)]].end
      guard let p = context.mentions(in: m.end, limit).first(where: { $0.kind == .person }) else { return nil }
      return (p.entity, context.evidence(words[w0].start, p.end), 0.9)
    }
    // "…,” according to X.
    if lw == "according", idx.count > 2, words[idx[1]].lower == "to" {
      let w = idx[2]
      if SpeakerContext.personalPronouns.contains(words[w].lower) {
        return resolvePronoun(words[w].lower, at: words[w].start, quoteIndex: i).map { ($0, context.evidence(words[w0].start, words[w].end), 0.85) }
      }
      let limit = words[idx[min(idx.count - 1, 8)]].end
      if let m = context.mentions(in: words[w].start, limit).first(where: { ($0.kind == .person || $0.kind == .organization) && !$0.isDemonym }) {
        return (m.entity, context.evidence(words[w0].start, m.end), 0.9)
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
        k > 0 && words[idx[k]].start > m.end && lexicon.speechVerbs.contains(words[idx[k]].lower) && idx[k] > 0
          && words[idx[k] - 1].lower == ","
      }
    }()
    guard let v = idx.prefix(12).firstIndex(where: { lexicon.speechVerbs.contains(words[$0].lower) }) ?? appositive, v > 0
    else { return nil }
    let between = Array(idx[0..<v])
    let cue = context.evidence(words[w0].start, words[idx[v]].end)
    if SpeakerContext.personalPronouns.contains(lw), between.dropFirst().allSatisfy({ lexicon.skipWords.contains(words[$0].lower) }) {
      return resolvePronoun(lw, at: words[w0].start, quoteIndex: i).map { ($0, cue, 0.85) }
    }
    if lw == "the", between.count >= 2, lexicon.organizationNouns.contains(words[between[1]].lower),
      let who = resolveNominal(words[between[1]].lower, before: words[between[1]].start)
    {
      return (who, cue, 0.75)
    }
    // The clause opens with a name or a title ("Kenyan Trade Secretary X", "chief executive X").
    let ms = context.mentions(in: words[w0].start, words[idx[v]].start).filter { isSpeakerKind($0.kind) && !$0.isDemonym }
    let person = ms.first(where: { $0.kind == .person })
    guard context.mention(atWord: w0) != nil || words[w0].isCapitalized || (person != nil && between.count <= 6),
      let who = person ?? ms.first
    else { return nil }
    return (who.entity, cue, 0.95)
  }

  func commaAfter(_ offset: Int, before end: Int) -> Int? {
    var k = text.wordIndex(atOrAfter: offset)
    guard k < words.count, words[k].lower == "," else { return nil }
    k += 1
    var n = 0
    while k < words.count && words[k].start < end && n < 16 {
      if words[k].lower == "," { return words[k].start }
      k += 1
      n += 1
    }
    return nil
  }

  func colonIntro(_ clauseStart: Int, _ open: Int) -> (EntityID, Evidence, Double)? {
    var c = open - 1
    while c > clauseStart && CharClass.isSpace(text.scalars[c]) { c -= 1 }
    guard c >= clauseStart, text.scalars[c] == ":" else { return nil }
    let ms = context.mentions(in: clauseStart, c).filter { isSpeakerKind($0.kind) }
    guard ms.count == 1, let m = ms.first else { return nil }
    let others = context.wordIndices(clauseStart, c).filter { context.mention(atWord: $0) == nil }
    guard others.count <= 3 else { return nil }
    return (m.entity, context.evidence(clauseStart, c + 1), 0.9)
  }

  mutating func turnSpeaker(_ i: Int) -> (EntityID, Evidence, Double)? {
    guard let cue = quotes[i].cue else { return nil }
    let label = cue.text.dropLast().trimmingCharacters(in: .whitespaces).lowercased()
    if ["q", "question", "interviewer"].contains(label) { return interviewer().map { ($0, cue, 0.75) } }
    if let m = context.mentions(in: cue.start, cue.end).first(where: { $0.kind == .person || $0.kind == .organization }) {
      return (m.entity, cue, 0.9)
    }
    // A surname label ("SMITH:") names a person of the document.
    if personNames == nil {
      // Sorted and lower-cased once per document, not once per turn.
      personNames = context.document.entities.values.sorted(by: { $0.id < $1.id }).filter { $0.kind == .person }.map {
        ($0.id, ([$0.name] + $0.aliases).map { $0.lowercased() })
      }
    }
    for (id, names) in personNames ?? [] {
      if names.contains(where: { $0 == label || $0.hasSuffix(" " + label) }) { return (id, cue, 0.85) }
    }
    if ["a", "answer"].contains(label) {
      if turnInterviewee == nil {
        let firstTurn = quotes.indices.first(where: isTurn).map { quotes[$0].cue?.start ?? 0 } ?? 0
        // The first person the narration names before the interview, else anywhere outside the turns.
        turnInterviewee =
          context.mentions.first(where: { $0.kind == .person && container(ofOffset: $0.start) == nil && $0.start < firstTurn })?.entity
          ?? context.mentions.first(where: { $0.kind == .person && container(ofOffset: $0.start) == nil })?.entity
      }
      return turnInterviewee.map { ($0, cue, 0.8) }
    }
    return nil
  }

  /// The document's people by id with their lower-cased names and aliases (filled on the first turn).
  var personNames: [(EntityID, [String])]?

  /// Words that present a journalist or an interview in the narration before the turns.
  static let interviewerCues: Set<String> = [
    "interviewed", "interviews", "interviewer", "spoke", "speaks", "talked", "talks", "sat", "conversation", "editor",
    "correspondent", "reporter", "journalist", "host", "asked", "questions",
  ]

  /// The person who asks the `Q:` turns: a person the narration before the first turn names in a sentence
  /// that presents an interview or a journalist ("Our editor, X, spoke with her"), other than the interviewee.
  mutating func interviewer() -> EntityID? {
    if let cached = turnInterviewer { return cached }
    let found = findInterviewer()
    turnInterviewer = .some(found)
    return found
  }
  var turnInterviewer: EntityID??

  mutating func findInterviewer() -> EntityID? {
    guard let firstTurn = quotes.indices.first(where: isTurn).flatMap({ quotes[$0].cue?.start }) else { return nil }
    if turnInterviewee == nil {
      turnInterviewee = context.mentions.first(where: { $0.kind == .person && container(ofOffset: $0.start) == nil && $0.start < firstTurn })?.entity
    }
    for m in context.mentions where m.kind == .person && m.start < firstTurn && m.entity != turnInterviewee {
      guard container(ofOffset: m.start) == nil else { continue }
      let para = text.paragraph(of: m.start)
      let s = text.sentenceStart(before: m.start, lower: para.lowerBound)
      let e = text.sentenceEnd(after: m.end, upper: para.upperBound)
      if context.wordIndices(s, e).contains(where: { Self.interviewerCues.contains(words[$0].lower) }) { return m.entity }
    }
    return nil
  }

  // MARK: - Subjects and pronouns

  /// Pronouns that can be the subject of a clause ("Her colleague X said" opens with a possessive).
  static let subjectPronouns: Set<String> = ["he", "she", "they", "it"]

  func isSpeakerKind(_ kind: EntityKind) -> Bool { kind == .person || kind == .organization || kind == .country }

  /// The subject of the speech verb at word `v`: a pronoun, the mention right before it, the antecedent of
  /// "who", or the first person or organization of the clause.
  mutating func subject(beforeWord v: Int, clauseStart: Int, quoteIndex i: Int) -> (EntityID, Double)? {
    var k = v - 1
    while k >= 0 && words[k].start >= clauseStart && words[k].isWord && lexicon.skipWords.contains(words[k].lower) { k -= 1 }
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
      while first > 0, skipped < 3, words[first].isWord, words[first].isCapitalized, context.mention(atWord: first) == nil {
        first -= 1
        skipped += 1
      }
      if first >= 0, words[first].lower == ",", words[first].start >= clauseStart { return (m.entity, 0.95) }
    }
    if w.isWord, Self.roleNouns[w.lower] != nil, k > 0, words[k - 1].lower == "the", let who = resolveRole(w.lower, before: w.start) {
      return (who, 0.75)
    }
    if w.lower == "who" || w.lower == "which" {
      var j = k - 1
      while j >= 0 && words[j].start >= clauseStart {
        if let m = context.mention(atWord: j), m.kind == .person || m.kind == .organization { return (m.entity, 0.95) }
        j -= 1
      }
      return nil
    }
    if w.isWord && lexicon.organizationNouns.contains(w.lower), k > 0, ["the", "a"].contains(words[k - 1].lower) || context.mention(atWord: k - 1) != nil {
      if let m = context.mention(atWord: k - 1), m.kind == .country || m.kind == .organization { return (m.entity, 0.85) }
      return resolveNominal(w.lower, before: w.start).map { ($0, 0.75) }
    }
    return firstOfClause().map { ($0, 0.8) }
  }

  func resolveNominal(_ noun: String, before offset: Int) -> EntityID? { context.resolveNominal(noun, before: offset) }

  /// The most recent compatible speaker or subject before `offset` in the same context.
  /// Index of the first candidate whose position is at or after `offset` (`candidates` is sorted by position).
  func firstCandidate(atOrAfter offset: Int) -> Int {
    var lo = 0
    var hi = candidates.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if candidates[mid].position < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
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
      while k >= 0 && end - k <= Self.pronounWindow && offsetParagraph - text.paragraphIndex(of: candidates[k].position) <= 1 {
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

  func relations() -> [Relation] {
    var out: [Relation] = []
    // mentioned: speaker → entity, counted once per mention.
    // Entities are numbered once (mentions by their index), so the per-mention work hashes integers only:
    // on run-on text a mention lies inside many overlapping reported clauses.
    var entityNumber: [EntityID: Int] = [:]
    var entityOfNumber: [EntityID] = []
    func number(_ e: EntityID) -> Int {
      if let n = entityNumber[e] { return n }
      entityNumber[e] = entityOfNumber.count
      entityOfNumber.append(e)
      return entityOfNumber.count - 1
    }
    let mentions = context.mentions
    var mentionNumber = [Int](repeating: -1, count: mentions.count)
    // (speaker number, mention start) pairs already counted.
    let stride = context.text.scalars.count + 1
    var counted: Set<Int> = []
    // Evidence pieces are kept as offsets: an evidence's text, document and sentence follow from its offsets,
    // so deduplicating offsets is deduplicating evidence, without building and hashing a string per mention.
    var groupIndex: [Int: Int] = [:]  // speaker number << 32 | object number → index into `groups`
    var groups: [(subject: Int, object: Int, count: Int, evidence: Set<Range<Int>>, confidence: Double)] = []
    for (i, q) in quotes.enumerated() {
      guard let speaker = q.speaker else { continue }
      let s = number(speaker)
      // The mentions inside the quote (`mentions` is sorted by start).
      var lo = 0
      var hi = mentions.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if mentions[mid].start < q.start { lo = mid + 1 } else { hi = mid }
      }
      while lo < mentions.count && mentions[lo].start < q.end {
        let k = lo
        lo += 1
        guard mentions[k].end <= q.end else { continue }
        if mentionNumber[k] < 0 { mentionNumber[k] = number(mentions[k].entity) }
        let o = mentionNumber[k]
        guard o != s, counted.insert(s &* stride &+ mentions[k].start).inserted else { continue }
        let pair = s << 32 | o
        let g: Int
        if let found = groupIndex[pair] {
          g = found
        } else {
          g = groups.count
          groupIndex[pair] = g
          groups.append((s, o, 0, [], 0))
        }
        // Updated in place: copying the evidence set out and back would make this quadratic.
        groups[g].count += 1
        groups[g].evidence.insert(context.sentencePieceRange(mentions[k].start, mentions[k].end, within: q.start..<q.end))
        groups[g].confidence = max(groups[g].confidence, (q.confidence * mentions[k].confidence * 100).rounded() / 100)
      }
      // quoted_in: embedded source → the nearest enclosing speaker.
      var a = parent[i]
      while let p = a, quotes[p].speaker == nil || quotes[p].speaker == speaker {
        if quotes[p].speaker == speaker { a = nil } else { a = parent[p] }
      }
      if let p = a, let host = quotes[p].speaker {
        out.append(
          Relation(
            subject: speaker, predicate: .quotedIn, object: host, confidence: (q.confidence * 100).rounded() / 100,
            evidence: q.cue.map { [$0] } ?? [], source: RelationRule.embeddedQuote.rawValue))
      }
    }
    // One text per distinct piece, shared by every relation citing it.
    var pieces: [Range<Int>: Evidence] = [:]
    for g in groups {
      let key = RelationKey(subject: entityOfNumber[g.subject], predicate: .mentioned, object: entityOfNumber[g.object])
      // Same order as sorting the evidence: one document, and equal offsets mean equal text.
      let ranges = g.evidence.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
      var evidence: [Evidence] = []
      evidence.reserveCapacity(ranges.count)
      for r in ranges {
        if let e = pieces[r] {
          evidence.append(e)
        } else {
          let e = context.evidence(r.lowerBound, r.upperBound)
          pieces[r] = e
          evidence.append(e)
        }
      }
      out.append(
        Relation(
          subject: key.subject, predicate: .mentioned, object: key.object, confidence: g.confidence, count: g.count,
          evidence: evidence, source: RelationRule.quoteAttribution.rawValue))
    }
    for o in outlets where o.source != o.outlet {
      out.append(Relation(subject: o.source, predicate: .quotedIn, object: o.outlet, confidence: 0.8, evidence: [o.evidence], source: RelationRule.toldOutlet.rawValue))
    }
    // spoke_at: speakers of the article → the reported-on meeting.
    if let event = reportedEvent() {
      var speakers: [EntityID: Evidence] = [:]
      for intro in introduced where speakers[intro.entity] == nil { speakers[intro.entity] = intro.evidence }
      for (i, q) in quotes.enumerated() {
        guard let s = q.speaker, context.kind(of: s) == .person, speakers[s] == nil else { continue }
        // Top-level words only: embedded sources did not speak at the event.
        var a = parent[i]
        var embedded = false
        while let p = a {
          if quotes[p].speaker != nil && quotes[p].speaker != s { embedded = true }
          a = parent[p]
        }
        // A quoted person spoke at the event only where the text puts them there: the event named, or a
        // presence cue ("told the conference", "in her talk", "the panel"), in the cue's or the quote's
        // sentence. A source quoted by phone or from elsewhere is not a speaker at the event.
        if !embedded, let cue = q.cue, placesAtEvent(event, near: [cue.start, q.start]) { speakers[s] = cue }
      }
      for (s, ev) in speakers where s != event {
        out.append(Relation(subject: s, predicate: .spokeAt, object: event, confidence: 0.8, evidence: [ev], source: RelationRule.speakerOfEvent.rawValue))
      }
    }
    // Sorted through their keys, each computed once (the same comparisons, so the same order).
    let keys = out.map(\.key)
    return out.indices.sorted { keys[$0] < keys[$1] }.map { out[$0] }
  }

  func reportedEvent() -> EntityID? { context.reportedEvent() }

  /// Words that put a speaker at a meeting when they share a sentence with the speaker's words.
  static let presenceCues: Set<String> = [
    "conference", "summit", "meeting", "panel", "panelists", "panelist", "audience", "talk", "speech", "remarks",
    "address", "keynote", "presentation", "lecture", "session", "forum", "symposium", "webinar", "event",
    "delegates", "attendees", "participants", "crowd", "podium", "stage", "gathering", "convention", "congress",
    "hearing", "briefing", "seminar", "workshop", "roundtable", "debate", "spoke", "speaking", "addressed",
    "addressing",
  ]
  /// Words that place a speaker's words elsewhere ("by phone", "in a statement"): they cancel presence.
  static let remoteCues: Set<String> = [
    "phone", "telephone", "interview", "statement", "email", "e-mail", "twitter", "tweet", "tweeted", "wrote",
    "letter", "post", "emailed", "texted",
  ]

  /// Whether a sentence holding one of `offsets` names `event` or holds a presence cue, and none of them
  /// places the words elsewhere.
  func placesAtEvent(_ event: EntityID, near offsets: [Int]) -> Bool {
    let doc = context.document
    var seen = Set<Int>()
    for offset in offsets {
      guard let si = doc.sentenceIndex(containing: offset), seen.insert(si).inserted else { continue }
      let sentence = doc.sentences[si]
      var present = context.mentions(in: sentence.start, sentence.end).contains(where: { $0.entity == event })
      var k = context.text.wordIndex(atOrAfter: sentence.start)
      var budget = 400
      while k < context.text.words.count, context.text.words[k].start < sentence.end, budget > 0 {
        let w = context.text.words[k].lower
        if Self.remoteCues.contains(w) { return false }
        if Self.presenceCues.contains(w) { present = true }
        k += 1
        budget -= 1
      }
      if present { return true }
    }
    return false
  }
}
