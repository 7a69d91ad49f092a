import DocumentModel

/// Gazetteer knowledge and name structure that override the tagger's type of each span: lone titles become
/// roles, religious communities and plural group words become groups, WordNet's one reading wins over a
/// person reading, organization head words make organizations ("… Court of Appeal", "Leiden University"),
/// and an organization name runs on through "for"/"of" ("… Center for Diplomacy").
struct RefineKindsRule: EntityRule {
  let name = "refine-kinds"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    for k in spans.indices { refine(c, &spans[k]) }
  }

  /// Gazetteer knowledge and name structure that override the tagger's type.
  func refine(_ c: RecognitionContext, _ s: inout NameSpan) {
    guard s.country == nil, !s.isDemonym else { return }
    let single = s.end - s.first == 1
    // A lone title word ("the President") is a role, not a named entity of the graph.
    if s.kind == .person, single, c.has(s.first, .title) {
      s.role = .role
      return
    }
    // Religious communities ("Sunni Muslims", "Catholic") are groups of people, not named entities.
    let religions = c.lexicon.ruleWords.religions
    if (s.first..<s.end).allSatisfy({ religions.contains(c.lower($0)) || c.has($0, .demonym) || c.text($0) == "-" }),
      (s.first..<s.end).contains(where: { religions.contains(c.lower($0)) })
    {
      s.kind = .person
      s.role = .group
      return
    }
    // A plural capitalized word for a group of people ("Kurds") names no single entity.
    if s.kind == .person, single, c.isCapitalized(s.first), c.text(s.first).hasSuffix("s"),
      !c.has(s.first, .firstName), !c.has(s.first, .surname), !c.has(s.first, .knownPerson),
      !c.has(s.first, .knownOrganization)
    {
      s.role = .group
      return
    }
    // "African-Americans": a hyphenated name ending in a plural demonym is a group of people too.
    if s.end - s.first >= 3, c.text(s.end - 2) == "-",
      c.lexicon.countries.groupNouns.lookup(c.lowers, (s.end - 1)..<s.end) != nil
    {
      s.kind = .person
      s.role = .group
      return
    }
    // "Hurricane Katrina", "Cyclone Nadia", "Operation Desert Wind": an event word opening a name makes it an
    // event, whatever the tagger read.
    if s.kind != .event, s.end - s.first >= 2, c.isCapitalized(s.first),
      c.lexicon.ruleWords.eventPrefixes.contains(c.lower(s.first)), c.isCapitalized(s.first + 1)
    {
      s.kind = .event
      return
    }
    // A name WordNet knows as exactly one kind of thing takes that kind.
    if let bits = c.lexicon.table[c.phraseHash(s.first, s.end)] {
      let known: [(Lexicon.Category, EntityKind)] = [
        (.knownPerson, .person), (.knownPlace, .location), (.knownOrganization, .organization), (.knownEvent, .event),
      ]
      let kinds = known.filter { bits & $0.0.rawValue != 0 }.map(\.1)
      // Only a person reading is overridden ("Hamas" as a person); other confusions are left to the tagger.
      if kinds.count == 1, kinds[0] != s.kind, !c.has(s.first, .firstName),
        s.kind == .person || kinds[0] == .organization
      {
        s.kind = kinds[0]
      }
    }
    // A name whose head is an organization word ("… Court of Appeal", "National Library of …",
    // "Leiden University") is an organization, unless a place word heads it ("… Square").
    if s.kind != .organization && s.kind != .event {
      var head = s.end - 1
      for k in s.first..<s.end where ["of", "for"].contains(c.lower(k)) && k > s.first {
        head = k - 1
        break
      }
      if c.isCapitalized(head), c.has(head, .orgWord), !c.has(head, .placeWord), !c.has(head, .eventWord),
        s.end - s.first >= 2 || s.kind == .location
      {
        s.kind = .organization
      }
    }
    // A lone organization head word ("Congress", "Parliament") names the institution, not a gathering.
    if s.kind == .event, single, c.has(s.first, .orgWord) { s.kind = .organization }
    // "Springfield Falcons": a place followed by a capitalized plural noun names a team or company, not a
    // place (unless the whole name is a known place, "Palm Springs", or the noun is a place word).
    if s.kind == .location, s.end - s.first >= 2, c.has(s.first, .place) || c.has(s.first, .country),
      c.isCapitalized(s.end - 1), c.text(s.end - 1).hasSuffix("s"), !c.has(s.end - 1, .placeWord),
      !c.has(s.end - 1, .place), !c.has(s.end - 1, .demonym), !c.has(s.end - 1, .surname),
      (c.lexicon.table[c.phraseHash(s.first, s.end)] ?? 0)
        & (Lexicon.Category.place.rawValue
          | Lexicon.Category.country.rawValue | Lexicon.Category.knownPlace.rawValue) == 0
    {
      s.kind = .organization
    }
    // "Trinidad and Tobago Court of Appeal": an organization named after two places joined by "and".
    if s.kind == .organization, s.end - s.first >= 2, s.first >= 2, c.lower(s.first - 1) == "and",
      c.isCapitalized(s.first - 2), c.isCapitalized(s.first),
      c.has(s.first - 2, .place) || c.has(s.first - 2, .country) || c.has(s.first, .place) || c.has(s.first, .country),
      c.sentenceOf[s.first - 2] == c.sentenceOf[s.first]
    {
      s.first -= 2
      while s.first > 0, c.isCapitalized(s.first - 1), !c.infos[s.first - 1].flags.contains(.sentenceInitial),
        c.has(s.first - 1, .place) || c.has(s.first - 1, .country), c.sentenceOf[s.first - 1] == c.sentenceOf[s.first]
      {
        s.first -= 1
      }
    }
    // "… Center for Diplomacy", "… Front for the Liberation of …": an organization head word followed by
    // for/of and capitalized words is one organization name.
    var end = s.end
    while end + 1 < c.tokens.count, c.has(end - 1, .orgWord) || s.kind == .organization,
      ["for", "of", "on"].contains(c.lower(end)), c.sentenceOf[end] == c.sentenceOf[s.first]
    {
      var k = end + 1
      if k < c.tokens.count, c.lower(k) == "the" { k += 1 }
      guard k < c.tokens.count, c.isCapitalized(k), !c.has(k, .time) else { break }
      while k < c.tokens.count,
        c.isCapitalized(k) || (c.text(k) == "-" && k + 1 < c.tokens.count && c.isCapitalized(k + 1))
      {
        k += 1
      }
      end = k
    }
    if end > s.end, c.has(s.end - 1, .orgWord) || s.kind == .organization {
      s.end = end
      s.kind = .organization
    }
  }
}
