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
    run.dropPronounSpeakersOutOfFocus()
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
let meetingNouns: Set<String> = SpeechWords[.meetingNouns]

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
    let sorted = found.indices.sorted { (keys[$0].start, -keys[$0].end) < (keys[$1].start, -keys[$1].end) }.map {
      found[$0]
    }
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
        floorMention = context.mentions(in: intro.evidence.start, intro.evidence.end).first {
          $0.entity == intro.entity
        }.map { $0.start..<$0.end }
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

  /// Whether word `k` is a speech verb: in the lexicon and not part of a name ("the United States", "Notes").
  func isSpeechVerb(_ k: Int) -> Bool {
    lexicon.speechVerbs.contains(words[k].lower) && context.mention(atWord: k) == nil
  }

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

  /// `introCues[k]`: how many of the first `k` words are speaker nouns or ``introVerbs``.
  var introCues: [Int32] = []

  /// How far (code points) a clause reaches from its cue: bounds the work per quote on run-on text.
  static let clauseReach = 400

  /// The start of the last sentence of the paragraph before the one that opens at `open`, when that paragraph
  /// ends with a colon ("He said:") and nothing but the quote mark stands before `open` in its own paragraph.
  func leadInSentence(before open: Int) -> Int? {
    let p = text.paragraphIndex(of: open)
    guard p > 0, text.paragraphs[p].lowerBound >= open else { return nil }
    let previous = text.paragraphs[p - 1]
    var e = previous.upperBound - 1
    while e > previous.lowerBound && CharClass.isSpace(text.scalars[e]) { e -= 1 }
    guard e > previous.lowerBound, text.scalars[e] == ":" else { return nil }
    return max(text.sentenceStart(before: e, lower: previous.lowerBound), e - Self.clauseReach)
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

  // MARK: - One quote

  /// The rules that attribute a quote, asked in this order; the first to decide wins (see ``AttributionRule``).
  static let rules: [any AttributionRule] = [
    InterviewTurnRule(), ReportedAccordingToRule(), ReportedSubjectRule(), TitleRule(), CueBeforeQuoteRule(),
    CueAfterQuoteRule(), ColonIntroRule(), ContinuationRule(),
  ]

  /// The speaker of quote `i`, with the cue, a confidence and the rule that found it.
  mutating func attribution(of i: Int) -> Attribution? {
    let site = AttributionSite(i, in: self)
    for rule in Self.rules {
      switch rule.attribute(site, in: &self) {
      case nil: continue
      case .attributed(let found)?: return found
      case .unattributed?: return nil
      }
    }
    return nil
  }
  /// The document's people by id with their lower-cased names and aliases (filled on the first turn).
  var personNames: [(EntityID, [String])]?

  var turnInterviewer: EntityID??

}
