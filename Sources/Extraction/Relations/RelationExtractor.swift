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
      document.relations.filter { $0.predicate == .spokeAt }.map { RelationKey(subject: $0.subject, predicate: .spokeAt, object: $0.object) })
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

  private var words: [TokenWord] { context.text.words }

  static let titleWords: Set<String> = ["dr", "mr", "mrs", "ms", "prof", "professor", "sir", "dame", "rev", "gen", "col", "amb", "."]
  static let prepositions: Set<String> = ["of", "to", "at", "for", "with"]
  static let countryObjectPredicates: Set<Predicate> = [
    .presidentOf, .ministerOf, .ambassadorTo, "consul_general_of", .formerConsulGeneralOf, .leaderOf,
  ]
  static let attackNouns: Set<String> = [
    "operation", "attack", "attacks", "offensive", "assault", "invasion", "strike", "strikes", "war", "raid", "raids",
    "incursion", "bombardment",
  ]
  static let clauseBreakers: Set<String> = ["but", "while", "because", "which", "who", "whereas", "although", "though"]

  init(context: SpeakerContext, lexicon: RelationLexicon, speech: SpeechLexicon) {
    self.context = context
    self.lexicon = lexicon
    self.speech = speech
  }

  mutating func extract() {
    for k in words.indices where words[k].isWord {
      let w = words[k].lower
      if lexicon.eventVerbs[w] != nil { eventRole(at: k) }
      if lexicon.stances[w] != nil { stance(at: k) }
      if ["sits", "sit", "sat", "serves", "served", "seated"].contains(w) { seat(at: k) }
    }
    for m in context.mentions where m.kind == .person {
      appositiveRole(m)
      titleBeforeName(m)
    }
    possessiveRoles()
  }

  // MARK: - Helpers

  mutating func add(_ s: EntityID, _ p: Predicate, _ o: EntityID, _ confidence: Double, _ a: Int, _ b: Int, _ rule: RelationRule) {
    guard s != o else { return }
    let r = Relation(
      subject: s, predicate: p, object: o, confidence: confidence,
      evidence: [context.evidence(min(a, b), max(a, b))], source: rule.rawValue)
    collected.add(r)
  }

  func mentionStarting(at k: Int) -> EntityMention? {
    guard let m = context.mention(atWord: k), context.text.wordIndex(atOrAfter: m.start) == k || words[k].start <= m.start else { return nil }
    return m
  }

  func mentionEnding(at k: Int) -> EntityMention? {
    guard let m = context.mention(atWord: k), k + 1 >= words.count || context.mention(atWord: k + 1)?.start != m.start else { return nil }
    return m
  }

  /// The last mention (in `context.mentions` order) of `kind` inside `lower..<end`. `mentions` is sorted by
  /// start, so the walk starts at the last one starting before `end` and stops at the first one starting
  /// before `lower`: the sentence's mentions, not the whole document's, per verb.
  func lastMention(_ kind: EntityKind, endingBy end: Int, from lower: Int) -> EntityMention? {
    let mentions = context.mentions
    var lo = 0
    var hi = mentions.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if mentions[mid].start < end { lo = mid + 1 } else { hi = mid }
    }
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
    if words[k].lower == "the", speech.organizationNouns.contains(words[j].lower.replacingOccurrences(of: "'s", with: "")),
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
    return context.text.sentenceStart(before: offset, lower: para.lowerBound)..<context.text.sentenceEnd(after: offset, upper: para.upperBound)
  }

  // MARK: - Roles

  /// "X, the CEO of Y", "X, the chair and co-founder of Y", "X is the leader of Y".
  mutating func appositiveRole(_ m: EntityMention) {
    var k = wordAfter(m)
    guard k < words.count else { return }
    if words[k].lower == "," {
      k += 1
    } else if ["is", "was", "serves", "served", "became", "remains"].contains(words[k].lower) {
      k += 1
      if k < words.count && words[k].lower == "as" { k += 1 }
    } else {
      return
    }
    if k < words.count && ["the", "a", "an", "its", "their"].contains(words[k].lower) { k += 1 }
    var former = false
    var mods = 0
    var predicates: [Predicate] = []
    while k < words.count && mods <= 4 {
      if words[k].lower == "former" { former = true }
      if let (p, next) = role(at: k) {
        predicates.append(p)
        k = next
        if k + 1 < words.count && (words[k].lower == "and" || words[k].lower == "&"), let (p2, n2) = role(at: k + 1) {
          predicates.append(p2)
          k = n2
        }
        break
      }
      guard words[k].isWord, context.mention(atWord: k) == nil else { return }
      k += 1
      mods += 1
    }
    guard !predicates.isEmpty, k < words.count, RelationRun.prepositions.contains(words[k].lower),
      let (object, end) = target(at: k + 1)
    else { return }
    for p in predicates {
      let pred = former && p == "consul_general_of" ? Predicate.formerConsulGeneralOf : p
      guard objectAllowed(pred, object) else { continue }
      add(m.entity, pred, object, 0.85, m.start, words[end - 1].end, .appositiveRole)
    }
  }

  /// "Y chief X", "Former Y Consul General Dr. X".
  mutating func titleBeforeName(_ m: EntityMention) {
    var k = firstWord(of: m)
    while k > 0 && RelationRun.titleWords.contains(words[k - 1].lower) { k -= 1 }
    guard let (p, roleStart) = role(endingBefore: k) else { return }
    var j = roleStart
    var mods = 0
    while j > 0 && mods < 2 && words[j - 1].isWord && words[j - 1].isCapitalized && context.mention(atWord: j - 1) == nil
      && words[j - 1].lower != "former"
    {
      j -= 1
      mods += 1
    }
    guard j > 0, let y = mentionEnding(at: j - 1), y.kind == .organization || y.kind == .country else { return }
    let yStart = firstWord(of: y)
    let former = yStart > 0 && words[yStart - 1].lower == "former"
    let pred = former && p == "consul_general_of" ? Predicate.formerConsulGeneralOf : p
    guard objectAllowed(pred, y.entity) else { return }
    add(m.entity, pred, y.entity, 0.8, words[former ? yStart - 1 : yStart].start, m.end, .titleBeforeName)
  }

  /// "Y's CEO, X", "the organization's CEO, X".
  mutating func possessiveRoles() {
    // The tokenizer writes the possessive as its own word ("Y" + "'s"): `k` is the "'s", `o` the owner's word.
    for k in words.indices where context.text.isCliticS(k) {
      let o = k - 1
      guard let (p, next) = role(at: k + 1), next + 1 < words.count, words[next].lower == ",",
        let person = context.mention(atWord: next + 1), person.kind == .person
      else { continue }
      var owner: EntityID?
      if let m = context.mention(atWord: o), m.kind == .organization || m.kind == .country, !m.isDemonym {
        owner = m.entity
      } else if o > 0, words[o - 1].lower == "the" {
        owner = context.resolveNominal(words[o].lower, before: words[o].start)
      }
      guard let owner, objectAllowed(p, owner) else { continue }
      add(person.entity, p, owner, 0.8, words[o].start, person.end, .possessiveRole)
    }
  }

  /// "X, who serves on the board of Y", "who sits on Y's audit committee".
  mutating func seat(at k: Int) {
    guard k + 1 < words.count, words[k + 1].lower == "on" else { return }
    var j = k + 2
    var owner: EntityID?
    if j < words.count && words[j].lower == "the" { j += 1 }
    // "Y's board" / "the company's audit committee".
    if j + 1 < words.count && context.text.isCliticS(j + 1) {
      if let m = context.mention(atWord: j), m.kind == .organization {
        owner = m.entity
      } else {
        owner = context.resolveNominal(words[j].lower, before: words[j].start)
      }
      j += 2
    } else if let m = context.mention(atWord: j), m.kind == .organization {
      owner = m.entity
      j = wordAfter(m)
    }
    var predicate: Predicate?
    var after = j
    for n in [3, 2, 1] where j + n <= words.count {
      if let phrase = phrase(j..<(j + n)), let p = lexicon.seats[phrase] {
        predicate = p
        after = j + n
        break
      }
    }
    guard let predicate else { return }
    if owner == nil, after < words.count, words[after].lower == "of", let (o, end) = target(at: after + 1, kinds: [.organization]) {
      owner = o
      after = end
    }
    guard let owner else { return }
    // The person: the nearest person mention before the verb in the sentence.
    let sentence = sentenceRange(words[k].start)
    guard let person = lastMention(.person, endingBy: words[k].start, from: sentence.lowerBound)
    else { return }
    add(person.entity, predicate, owner, 0.85, words[k].start, words[max(after - 1, k)].end, .boardSeat)
  }

  // MARK: - Events

  mutating func eventRole(at k: Int) {
    guard let predicate = lexicon.eventVerbs[words[k].lower] else { return }
    let sentence = sentenceRange(words[k].start)
    if k + 1 < words.count && words[k + 1].lower == "by" {
      // "organized by X": the event is the nearest event mentioned before, or the reported-on meeting.
      var j = k + 2
      while j < words.count && RelationRun.titleWords.contains(words[j].lower) { j += 1 }
      guard j < words.count, let agent = context.mention(atWord: j), agent.kind == .person || agent.kind == .organization else { return }
      let event =
        lastMention(.event, endingBy: words[k].start, from: sentence.lowerBound)?.entity
        ?? context.reportedEvent()
      guard let event else { return }
      if predicate == .hosted && agent.kind == .person { return }
      add(agent.entity, predicate, event, 0.85, words[k].start, agent.end, .eventRole)
      return
    }
    // "Y hosted a conference".
    var s = k - 1
    while s >= 0 && words[s].isWord && ["also", "has", "have", "had", "jointly", "recently", "will"].contains(words[s].lower) { s -= 1 }
    guard s >= 0, let subject = mentionEnding(at: s), subject.kind == .person || subject.kind == .organization,
      !(predicate == .hosted && subject.kind == .person)
    else { return }
    var event: EntityID?
    var end = words[k].end
    for j in (k + 1)..<min(words.count, k + 7) {
      if let m = context.mention(atWord: j), m.kind == .event {
        event = m.entity
        end = m.end
        break
      }
      if meetingNouns.contains(words[j].lower) {
        event = context.mentions.first(where: { $0.kind == .event && $0.start >= words[j].start && $0.start < sentence.upperBound })?.entity
          ?? context.reportedEvent()
        end = words[j].end
        break
      }
      if !words[j].isWord { break }
    }
    guard let event else { return }
    add(subject.entity, predicate, event, 0.85, subject.start, end, .eventRole)
  }

  // MARK: - Stances

  mutating func stance(at k: Int) {
    guard let predicate = lexicon.stances[words[k].lower] else { return }
    let w = words[k].lower
    let sentence = sentenceRange(words[k].start)
    // Passive: "Y was (also) supported by X".
    if k + 1 < words.count && words[k + 1].lower == "by" {
      var a = k - 1
      while a >= 0 && ["also", "openly", "reportedly", "allegedly", "directly", "strongly"].contains(words[a].lower) { a -= 1 }
      guard a >= 1, ["was", "were", "is", "are", "been", "being"].contains(words[a].lower) else { return }
      var negated = false
      var b = a - 1
      while b >= 0 && ["not", "never", "has", "have", "had"].contains(words[b].lower) || (b >= 0 && words[b].lower.hasSuffix("n't")) {
        if lexicon.negations.contains(words[b].lower) || words[b].lower.hasSuffix("n't") { negated = true }
        b -= 1
      }
      guard !negated, b >= 0, let patient = mentionEnding(at: b), isActorKind(patient),
        let (agent, end) = target(at: k + 2)
      else { return }
      add(agent, predicate, patient.entity, 0.75, patient.start, words[end - 1].end, .stance)
      return
    }
    // Subject: an actor right before the verb, with only bridge words between.
    var s = k - 1
    var negated = false
    var bridged = 0
    // "does" + "n't": the word a contracted "n't" is written onto is part of the negation, and the two count
    // as one bridge word.
    while s >= 0 && (words[s].isWord || words[s].isClitic) && context.mention(atWord: s) == nil && bridged < 6
      && (lexicon.bridgeWords.contains(words[s].lower) || words[s].lower.hasSuffix("n't") || context.text.isCliticNot(s + 1))
    {
      if lexicon.negations.contains(words[s].lower) || words[s].lower.hasSuffix("n't") { negated = true }
      if !context.text.isCliticNot(s) { bridged += 1 }
      s -= 1
    }
    guard s >= 0, s >= context.text.wordIndex(atOrAfter: sentence.lowerBound), let subject = mentionEnding(at: s), isActorKind(subject)
    else { return }
    // "supports" never follows "the"/"an" directly as a noun unless "support for".
    var j = k + 1
    var window = 7
    switch w {
    case "support", "backing":
      guard j < words.count, words[j].lower == "for" || bridged == 0 else { return }
      if words[j].lower == "for" { j += 1 }
    case "ally", "allies", "alliance", "allied":
      guard j < words.count, ["of", "with", "to"].contains(words[j].lower) else { return }
      j += 1
    case "attack":
      guard bridged > 0 else { return }  // "X attack" is a noun phrase.
    case "launched":
      guard (j..<min(words.count, j + 3)).contains(where: { RelationRun.attackNouns.contains(words[$0].lower) }) else { return }
      window = 40
    default:
      break
    }
    guard !negated else { return }
    var objects: [EntityMention] = []
    var end = j
    while end < words.count && end < j + window && words[end].start < sentence.upperBound {
      let lw = words[end].lower
      if objects.isEmpty && (lw == "." || lw == ";" || RelationRun.clauseBreakers.contains(lw)) { break }
      if let m = context.mention(atWord: end), m.kind == .country || m.kind == .organization, m.entity != subject.entity {
        objects.append(m)
        end = wordAfter(m)
        // Coordinated objects: "Y and Z", "both Y and Z".
        if end + 1 < words.count, ["and", ","].contains(words[end].lower), let n = context.mention(atWord: end + 1),
          n.kind == .country || n.kind == .organization
        {
          objects.append(n)
          end = wordAfter(n)
        }
        break
      }
      end += 1
    }
    // Coordinated subjects: "Y and (the) X support Z".
    var subjects = [subject]
    var f = firstWord(of: subject) - 1
    if f >= 0 && words[f].lower == "the" { f -= 1 }
    if f >= 1, words[f].lower == "and", let other = mentionEnding(at: f - 1), isActorKind(other) { subjects.append(other) }
    for sub in subjects {
      for o in objects where o.entity != sub.entity {
        add(sub.entity, predicate, o.entity, 0.75, sub.start, o.end, .stance)
      }
    }
  }

  func isActorKind(_ m: EntityMention) -> Bool {
    (m.kind == .country || m.kind == .organization) && isActor(m)
  }
}
