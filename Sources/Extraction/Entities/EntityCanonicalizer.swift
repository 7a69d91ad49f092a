import Foundation
import DocumentModel

/// Groups a document's name spans into entities: canonical names, aliases, mentions and attributes.
struct EntityCanonicalizer {
  let context: RecognitionContext

  private struct Group {
    let kind: EntityKind
    let name: String
    /// Made once: every mention of the group names it.
    let id: EntityID
    var aliases: Set<String> = []
    var spans: [Int] = []
    var attributes: [String: String] = [:]
    var confidence: Double = 0

    init(kind: EntityKind, name: String) {
      self.kind = kind
      self.name = name
      id = EntityID(kind: kind, name: name)
    }
  }

  /// Builds the mention list and, unless `entities` is false, the entities of the document (else the mentions
  /// alone, with the same canonical ids, and no entities).
  func makeEntities(_ spans: [NameSpan], entities makesEntities: Bool = true) -> ([EntityMention], [EntityID: Entity]) {
    let c = context
    var groups: [Group] = []
    var groupOf = [Int](repeating: -1, count: spans.count)
    var byKey: [String: Int] = [:]
    let countries = c.lexicon.countries.countries

    func surface(_ s: NameSpan) -> String { c.text(s.first, s.end) }
    func key(_ kind: EntityKind, _ name: String) -> String { kind.rawValue + "\u{1}" + normalized(name) }
    func group(for kind: EntityKind, name: String) -> Int {
      let k = key(kind, name)
      if let g = byKey[k] { return g }
      groups.append(Group(kind: kind, name: name))
      byKey[k] = groups.count - 1
      return groups.count - 1
    }

    // Lone titles and groups of people are mentions without an entity.
    var roleMentions: [EntityMention] = []
    for s in spans where s.role != nil {
      roleMentions.append(
        EntityMention(
          start: c.tokens[s.first].start, end: c.tokens[s.end - 1].end, kind: .person,
          entity: EntityID(kind: .person, name: displayName(s)), isDemonym: true, confidence: 0.5,
          source: s.role == .group ? .group : .role))
    }
    let spans = spans.filter { $0.role == nil }
    groupOf = [Int](repeating: -1, count: spans.count)
    // Countries (names and demonyms) and events with titles first: they are exact.
    for (k, s) in spans.enumerated() {
      if let idx = s.country {
        let country = countries[idx]
        let g = group(for: country.isTerritory ? .location : .country, name: country.name)
        groups[g].attributes["iso_alpha2"] = country.alpha2
        groups[g].attributes["iso_alpha3"] = country.alpha3
        groupOf[k] = g
      } else if let title = s.canonical {
        let g = group(for: s.kind, name: title)
        for (a, v) in s.attributes where groups[g].attributes[a] == nil { groups[g].attributes[a] = v }
        groupOf[k] = g
      }
    }
    // Acronyms paired with their expansion: "Full Name (FN)" or "FN (Full Name)".
    var acronymTarget: [String: (kind: EntityKind, name: String)] = [:]
    for (k, s) in spans.enumerated() where s.country == nil && !s.isDemonym && k + 1 < spans.count {
      let t = spans[k + 1]
      guard t.first == s.end + 1, t.end < c.tokens.count, c.text(s.end) == "(", c.text(t.end) == ")" else {
        continue
      }
      let a = surface(s)
      let b = surface(t)
      if Self.isAcronym(b, of: a) {
        acronymTarget[normalized(b)] = (s.kind, displayName(s))
      } else if Self.isAcronym(a, of: b) {
        acronymTarget[normalized(a)] = (t.kind, displayName(t))
      }
    }
    // Persons: full names first, then single words joined to the one full name they belong to.
    var fullNames: [(first: UInt64, last: UInt64, group: Int, position: Int)] = []
    for (k, s) in spans.enumerated() where groupOf[k] < 0 && s.kind == .person && wordCount(s) >= 2 {
      let g = group(for: .person, name: displayName(s))
      groupOf[k] = g
      let words = (s.first..<s.end).filter { c.tokens[$0].kind == .word }
      fullNames.append((c.lowers[words.first!], c.lowers[words.last!], g, s.first))
    }
    var ambiguous = Set<Int>()
    // Indexed by first and last word so that joining stays linear on hostile input.
    var byLast: [UInt64: [Int]] = [:]
    var byFirstWord: [UInt64: [Int]] = [:]
    for (n, f) in fullNames.enumerated() {
      byLast[f.last, default: []].append(n)
      byFirstWord[f.first, default: []].append(n)
    }
    for (k, s) in spans.enumerated() where groupOf[k] < 0 && s.kind == .person && wordCount(s) == 1 {
      guard let word = (s.first..<s.end).first(where: { c.tokens[$0].kind == .word }) else { continue }
      let h = c.lowers[word]
      let lastHits = byLast[h] ?? []
      let hits = lastHits.isEmpty ? (byFirstWord[h] ?? []) : lastHits
      let matches = Set(hits.prefix(64).map { fullNames[$0].group })
      if matches.count == 1 {
        groupOf[k] = matches.first!
      } else if matches.count > 1 {
        // Several people share the name: the most recent one before this mention, without an alias.
        let before = hits.prefix(64).map { fullNames[$0] }.filter { $0.position < s.first }
        if let nearest = before.max(by: { $0.position < $1.position }) {
          groupOf[k] = nearest.group
          ambiguous.insert(k)
        } else {
          groupOf[k] = group(for: .person, name: displayName(s))
        }
      }
    }
    // Everything else: by kind and normalized name, acronyms to their expansion.
    for (k, s) in spans.enumerated() where groupOf[k] < 0 {
      let name = displayName(s)
      if let target = acronymTarget[normalized(name)] {
        groupOf[k] = group(for: target.kind, name: target.name)
      } else {
        groupOf[k] = group(for: s.kind, name: name)
      }
    }
    // "Gaza" and "Gaza Strip", "Quebec" and "Quebec City": one place.
    var locationByName: [String: Int] = [:]
    for (g, group) in groups.enumerated() where group.kind == .location { locationByName[normalized(group.name)] = g }
    var redirect: [Int: Int] = [:]
    for (g, group) in groups.enumerated() where group.kind == .location {
      let words = group.name.split(separator: " ")
      guard words.count >= 2, let last = words.last,
        c.lexicon.table[TextHash.combine(0, TextHash.lowerHash(String(last)))].map({
          $0 & Lexicon.Category.placeWord.rawValue != 0
        }) == true,
        let shorter = locationByName[normalized(words.dropLast().joined(separator: " "))], shorter != g
      else { continue }
      redirect[shorter] = g
    }
    // "the March 3 attack" and an operation launched "On March 3, 2024": one event, named by its date.
    var datedEvent: [String: Int] = [:]
    for (k, s) in spans.enumerated() where s.source == .datedEvent && s.end - s.first >= 2 {
      if let m = DateFinder.month(c.text(s.first), in: c.lexicon.ruleWords.months), let d = Int(c.text(s.first + 1)) {
        datedEvent[String(format: "%02d-%02d", m, d)] = groupOf[k]
      }
    }
    if !datedEvent.isEmpty {
      for (k, s) in spans.enumerated() where s.kind == .event && s.source != .datedEvent && s.canonical == nil {
        let sentence = Int(c.sentenceOf[s.first])
        guard let date = DateFinder.firstDate(c, sentences: [sentence]), date.count == 10,
          let target = datedEvent[String(date.suffix(5))], target != groupOf[k], redirect[groupOf[k]] == nil
        else { continue }
        redirect[groupOf[k]] = target
      }
    }
    // "Example Empire" and "Example Kingdom": one polity under two head words.
    var polityByStem: [String: Int] = [:]
    let polities = c.lexicon.ruleWords.polities
    for (g, group) in groups.enumerated() where redirect[g] == nil && group.kind != .person {
      let words = group.name.split(separator: " ")
      guard words.count >= 2, let last = words.last, polities.contains(last.lowercased()) else { continue }
      let stem = normalized(words.dropLast().joined(separator: " "))
      if let first = polityByStem[stem], groups[first].kind == group.kind {
        redirect[g] = first
      } else {
        polityByStem[stem] = g
      }
    }
    for k in groupOf.indices { if let r = redirect[groupOf[k]] { groupOf[k] = r } }
    // Mentions, aliases (with title forms), confidence.
    var mentions: [EntityMention] = []
    mentions.reserveCapacity(spans.count)
    for (k, s) in spans.enumerated() {
      let g = groupOf[k]
      let start = c.tokens[s.first].start
      let end = c.tokens[s.end - 1].end
      groups[g].spans.append(k)
      groups[g].confidence = max(groups[g].confidence, s.confidence)
      if makesEntities && !s.isDemonym {
        let text = surface(s)
        if !ambiguous.contains(k) { groups[g].aliases.insert(text) }
        if groups[g].kind == .person, let titled = titledForm(s) { groups[g].aliases.insert(titled) }
      }
      mentions.append(
        EntityMention(
          start: start, end: end, kind: groups[g].kind, entity: groups[g].id, isDemonym: s.isDemonym,
          confidence: s.confidence, source: s.isGroup ? .group : s.source))
    }
    var entities: [EntityID: Entity] = [:]
    let doc = c.document.document
    for (index, g) in groups.enumerated() where makesEntities && redirect[index] == nil {
      var names: [Mention] = []
      // Demonyms are mentions too ("Turkish" is where Turkey is named), marked so a reader can tell.
      for k in g.spans {
        let s = spans[k]
        var mention = doc.evidence(
          c.tokens[s.first].start, c.tokens[s.end - 1].end, sentence: Int(c.sentenceOf[s.first]))
        if s.isDemonym { mention.form = .demonym }
        names.append(mention)
      }
      let entity = Entity(
        id: g.id, kind: g.kind, name: g.name, aliases: Array(g.aliases.subtracting([g.name])).sorted(),
        mentions: names.sorted(), attributes: g.attributes, confidence: g.confidence)
      if var existing = entities[entity.id] {
        existing.absorb(entity)
        entities[entity.id] = existing
      } else {
        entities[entity.id] = entity
      }
    }
    mentions += roleMentions
    mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    return (mentions, entities)
  }

  /// The span's name: the event title when there is one, else the text with whitespace collapsed.
  private func displayName(_ s: NameSpan) -> String {
    if let t = s.canonical { return t }
    let text = context.text(s.first, s.end)
    // Most names have single spaces between their words: nothing to collapse.
    var previousSpace = true
    for c in text.unicodeScalars {
      let space = c == " "
      // (A mark after a space joins it into one whitespace character: the slow path too.)
      if (space && previousSpace) || (!space && CharClass.isSpace(c)) || (previousSpace && c.value >= 0x80) {
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      }
      previousSpace = space
    }
    return previousSpace ? text.split(whereSeparator: \.isWhitespace).joined(separator: " ") : text
  }

  private func wordCount(_ s: NameSpan) -> Int {
    (s.first..<s.end).reduce(0) {
      $0 + (context.tokens[$1].kind == .word && context.infos[$1].flags.contains(.initialCap) ? 1 : 0)
    }
  }

  /// "Dr. Ana Ruiz" for the span "Ana Ruiz" preceded by title words.
  private func titledForm(_ s: NameSpan) -> String? {
    let c = context
    var first = s.first
    while first > 0, c.has(first - 1, .title), c.isCapitalized(first - 1),
      c.sentenceOf[first - 1] == c.sentenceOf[s.first], s.first - first < 3
    {
      first -= 1
    }
    return first < s.first ? c.text(first, s.end) : nil
  }

  /// Case-folded, whitespace-collapsed, curly apostrophes straightened.
  private func normalized(_ s: String) -> String { NameNormalizer.surfaceForm(s) }

  /// Whether `short` is the initials of `long`'s capitalized words ("UN" of "United Nations").
  static func isAcronym(_ short: String, of long: String) -> Bool {
    let letters = short.filter { $0.isLetter }
    guard letters.count >= 2, letters.count <= 10, letters.allSatisfy(\.isUppercase) else { return false }
    let words = long.split(whereSeparator: { $0 == " " || $0 == "-" })
    let initials = String(words.compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    if initials == letters { return true }
    let all = String(words.compactMap { $0.first }).uppercased()
    return all == letters
  }
}
