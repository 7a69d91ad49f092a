import DocumentModel

/// Finds structural relations and stances from general patterns over entity mentions.
///
/// Rules (the rule name is each relation's `source`):
/// - `appositive-role`: "X, the CEO of Y", "X, the chair and co-founder of Y", "X, an advisor to Y",
///   "X is the leader of Y" → the role's predicate (`ceo_of`, `president_of` + `founder_of`, `advisor_to`, …).
/// - `title-before-name`: "Y chief X", "Former Y Consul General X", "Y Foreign Minister X".
/// - `possessive-role`: "Y's CEO, X", "the organization's CEO, X" (nominals resolve to the latest
///   organization whose name holds the noun).
/// - `board-seat`: "X, who serves on the board of Y", "who sits on Y's audit committee".
/// - `event-role`: "Y hosted a conference", "organized by X", "moderated by X" (the event is the event
///   mentioned nearby, or the reported-on meeting).
/// - `stance`: "X supports Y", "X threatens Y" (`opposes`), "X attacked Y", "X launched an operation …
///   against Y" (`attacked`), "support for Y", "X is an ally of Y" (`allied_with`), and the passive
///   "Y was supported by X"; subjects and objects are countries or organizations (a demonym acts for its
///   country as a plural noun or before "government", "regime", …). A negation between subject and verb
///   ("does not support") cancels the stance.
///
/// ```swift
/// var doc = analyzed  // mentions and entities filled in
/// RelationExtractor().process(&doc)
/// ```
public struct RelationExtractor: ExtractionStage {
  /// The stage name.
  public let name = "relation-extractor"
  /// What the stage reads.
  public let requires: Set<ExtractionProduct> = [.tokens, .words, .sentences, .mentions, .entities]
  /// What the stage adds.
  public let produces: Set<ExtractionProduct> = [.relations]
  /// Role, seat, event and stance cue words.
  public var lexicon: RelationLexicon
  /// Organization nouns used to resolve nominals.
  public var speech: SpeechLexicon

  /// Creates the stage with the bundled cue words.
  public init(lexicon: RelationLexicon = .standard, speech: SpeechLexicon = .standard) {
    self.lexicon = lexicon
    self.speech = speech
  }

  /// Runs the stage on `document`.
  public func process(_ document: inout AnalyzedDocument) {
    var run = RelationRun(context: SpeakerContext(document), lexicon: lexicon, speech: speech)
    run.extract()
    let found = run.collected.relations
    document.relations += found
    document.relations += Self.quotedModerators(document, found)
  }
}

extension RelationExtractor {
  /// `spoke_at` for a moderator whose own words are quoted (rule `quoted-moderator`): moderating an event is
  /// speaking at it, and the quote shows the text heard them there.
  static func quotedModerators(_ document: AnalyzedDocument, _ found: [Relation]) -> [Relation] {
    let quoted = Set(document.quotes.compactMap { $0.depth == 0 ? $0.speaker : nil })
    let speaking = Set(
      document.relations.filter { $0.predicate == .spokeAt }.map {
        RelationKey(subject: $0.subject, predicate: .spokeAt, object: $0.object)
      })
    var out: [Relation] = []
    for r in found where r.predicate == .moderated && quoted.contains(r.subject) {
      let key = RelationKey(subject: r.subject, predicate: .spokeAt, object: r.object)
      guard !speaking.contains(key) else { continue }
      out.append(
        Relation(
          subject: r.subject, predicate: .spokeAt, object: r.object, confidence: min(r.confidence, 0.8),
          evidence: r.evidence, source: RelationRule.quotedModerator.rawValue))
    }
    return out
  }
}

/// One pass of ``RelationExtractor`` over a document.
struct RelationRun {
  let context: SpeakerContext
  let lexicon: RelationLexicon
  let speech: SpeechLexicon
  /// The relations found, one per key (a relation's first confidence is kept).
  var collected = RelationCollector(keepsFirstConfidence: true)

  /// The word view of the document.
  var words: [TokenWord] { context.text.words }

  static let titleWords: Set<String> = RelationWords[.titleWords]
  static let prepositions: Set<String> = RelationWords[.prepositions]
  static let countryObjectPredicates: Set<Predicate> = [
    .presidentOf, .ministerOf, .ambassadorTo, "consul_general_of", .formerConsulGeneralOf, .leaderOf,
  ]

  init(context: SpeakerContext, lexicon: RelationLexicon, speech: SpeechLexicon) {
    self.context = context
    self.lexicon = lexicon
    self.speech = speech
  }

  /// The rules, in the order they are asked: at each word, then at each person mention, then once.
  static let rules: [any RelationRuleUnit] = [
    EventRoleRule(), StanceRule(), BoardSeatRule(), AppositiveRoleRule(), TitleBeforeNameRule(), PossessiveRoleRule(),
  ]

  /// Asks every rule, in order, at every word, then at every person mention, then once for the document.
  mutating func extract() {
    let rules = Self.rules
    for k in words.indices where words[k].isWord {
      for rule in rules { rule.apply(word: k, in: &self) }
    }
    for m in context.mentions where m.kind == .person {
      for rule in rules { rule.apply(person: m, in: &self) }
    }
    for rule in rules { rule.finish(in: &self) }
  }

  // MARK: - Helpers

  mutating func add(
    _ s: EntityID, _ p: Predicate, _ o: EntityID, _ confidence: Double, _ a: Int, _ b: Int, _ rule: RelationRule
  ) {
    guard s != o else { return }
    let r = Relation(
      subject: s, predicate: p, object: o, confidence: confidence,
      evidence: [context.evidence(min(a, b), max(a, b))], source: rule.rawValue)
    collected.add(r)
  }

  func mentionStarting(at k: Int) -> EntityMention? {
    guard let m = context.mention(atWord: k),
      context.text.wordIndex(atOrAfter: m.start) == k || words[k].start <= m.start
    else { return nil }
    return m
  }

  func mentionEnding(at k: Int) -> EntityMention? {
    guard let m = context.mention(atWord: k), k + 1 >= words.count || context.mention(atWord: k + 1)?.start != m.start
    else { return nil }
    return m
  }

  /// The last mention (in `context.mentions` order) of `kind` inside `lower..<end`. `mentions` is sorted by
  /// start, so the walk starts at the last one starting before `end` and stops at the first one starting
  /// before `lower`: the sentence's mentions, not the whole document's, per verb.
  func lastMention(_ kind: EntityKind, endingBy end: Int, from lower: Int) -> EntityMention? {
    let mentions = context.mentions
    let lo = mentions.partitioningIndex { $0.start >= end }
    var k = lo - 1
    while k >= 0 && mentions[k].start >= lower {
      if mentions[k].kind == kind && mentions[k].end <= end { return mentions[k] }
      k -= 1
    }
    return nil
  }

  /// The first word index after the mention `m` (after a possessive written onto it: "Peru's").
  func wordAfter(_ m: EntityMention) -> Int {
    var k = context.text.wordIndex(atOrAfter: m.start)
    while k < words.count && words[k].start < m.end { k += 1 }
    if k < words.count && words[k].start == m.end && context.text.isCliticS(k) { k += 1 }
    return k
  }

  func firstWord(of m: EntityMention) -> Int {
    var k = context.text.wordIndex(atOrAfter: m.start)
    while k > 0 && words[k - 1].end > m.start { k -= 1 }
    return k
  }

  /// The phrase of words `r` as a word list writes it: words one space apart, but a hyphen or slash that
  /// joins two words stays between them ("co-founder" is three tokens, one word of the list). `nil` when the
  /// range holds anything else than words and joiners, or starts or ends with a joiner.
  func phrase(_ r: Range<Int>) -> String? {
    guard let first = r.first, words[first].isWord, words[r.upperBound - 1].isWord else { return nil }
    var out = words[first].lower
    for i in r.dropFirst() {
      guard words[i].isWord || words[i].joinsWords else { return nil }
      if !words[i].joinsWords && !words[i - 1].joinsWords { out += " " }
      out += words[i].lower
    }
    return out
  }

  /// Longest role phrase starting at word `k` (up to three words, a hyphenated word counting as one): its
  /// predicate and the index after it.
  func role(at k: Int) -> (Predicate, Int)? {
    for n in [5, 4, 3, 2, 1] where k + n <= words.count {
      guard let phrase = phrase(k..<(k + n)), let p = lexicon.roles[phrase] else { continue }
      if n > 3 && !(k..<(k + n)).contains(where: { words[$0].joinsWords }) { continue }
      return (p, k + n)
    }
    return nil
  }

  /// Longest role phrase ending right before word `k`.
  func role(endingBefore k: Int) -> (Predicate, Int)? {
    for n in [5, 4, 3, 2, 1] where k - n >= 0 {
      guard let phrase = phrase((k - n)..<k), let p = lexicon.roles[phrase] else { continue }
      if n > 3 && !((k - n)..<k).contains(where: { words[$0].joinsWords }) { continue }
      return (p, k - n)
    }
    return nil
  }

  /// An organization or country at word `k` ("the Y", "Y", "the center"), and the index after it.
  func target(at k: Int, kinds: Set<EntityKind> = [.organization, .country]) -> (EntityID, Int)? {
    var j = k
    if j < words.count && words[j].lower == "the" { j += 1 }
    guard j < words.count else { return nil }
    if let m = context.mention(atWord: j), kinds.contains(m.kind), !(m.isDemonym && m.kind == .country && !isActor(m)) {
      return (m.entity, wordAfter(m))
    }
    if words[k].lower == "the",
      speech.organizationNouns.contains(words[j].lower.replacingOccurrences(of: "'s", with: "")),
      let id = context.resolveNominal(words[j].lower.replacingOccurrences(of: "'s", with: ""), before: words[j].start)
    {
      return (id, j + 1)
    }
    return nil
  }

  /// Whether a demonym mention acts for its country: a plural ("Peruvians") or before an actor noun.
  func isActor(_ m: EntityMention) -> Bool {
    guard m.isDemonym else { return true }
    let text = context.text.text(m.start, m.end).lowercased()
    if text.hasSuffix("s") && !text.hasSuffix("ss") { return true }
    let k = wordAfter(m)
    return k < words.count && lexicon.actorHeads.contains(words[k].lower)
  }

  func objectAllowed(_ p: Predicate, _ o: EntityID) -> Bool {
    let kind = context.kind(of: o)
    if kind == .organization { return true }
    return kind == .country && RelationRun.countryObjectPredicates.contains(p)
  }

  func sentenceRange(_ offset: Int) -> Range<Int> {
    let para = context.text.paragraph(of: offset)
    return context.text.sentenceStart(
      before: offset, lower: para.lowerBound)..<context.text.sentenceEnd(after: offset, upper: para.upperBound)
  }
}
