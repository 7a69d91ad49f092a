import DocumentModel

/// Trims each proposed span to its name and types it exactly when its whole text is a country name or a
/// demonym; a country closing another name ("Voice of America") becomes that name (`of-country`).
struct ExactTypingRule: EntityRule {
  let name = "exact-typing"
  let writes: [MentionRule] = [.demonym, .ofCountry]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    let proposed = spans
    let stateWords = c.lexicon.ruleWords.stateWords
    var out: [NameSpan] = []
    for var s in proposed {
      // "Ohio Gov. Jim Hodges": the place before a person's title is a place of its own, not part of the name
      // (the title is trimmed below).
      if let title = placeBeforeTitle(c, s) {
        out.append(NameSpan(first: s.first, end: title, kind: .location, source: .gazetteer, confidence: 0.7))
        s.first = title
      }
      guard trim(c, &s) else { continue }
      classifyExact(c, &s)
      // "Voice of America": a country closing another name is not the country.
      if s.country != nil, !s.isDemonym, let head = c.nameBeforeOf(s.first),
        !c.has(head.upperBound - 1, .title), !stateWords.contains(c.lower(head.upperBound - 1)),
        !proposed.contains(where: { $0.end > head.lowerBound && $0.first < head.upperBound })
      {
        let kind: EntityKind = c.has(head.upperBound - 1, .placeWord) ? .location : .organization
        s = NameSpan(first: head.lowerBound, end: s.end, kind: kind, source: .ofCountry, confidence: 0.7)
      }
      out.append(s)
    }
    spans = out
  }

  /// The index of a title that follows a gazetteer place opening person span `s` ("Ohio Gov. X", "South
  /// Carolina Sen. X"), with a name after the title.
  func placeBeforeTitle(_ c: RecognitionContext, _ s: NameSpan) -> Int? {
    guard s.kind == .person, s.end - s.first >= 3 else { return nil }
    let placeBits = Lexicon.Category.place.rawValue | Lexicon.Category.knownPlace.rawValue
    guard
      let k = ((s.first + 1)..<min(s.end - 1, s.first + 4)).first(where: {
        c.has($0, .title) && c.isCapitalized($0 + 1)
      }),
      let bits = c.lexicon.table[c.phraseHash(s.first, k)], bits & placeBits != 0,
      bits & Lexicon.Category.firstName.rawValue == 0
    else { return nil }
    return k
  }

  /// Drops a leading "the", a trailing possessive and edge punctuation; false when nothing name-like is left.
  func trim(_ c: RecognitionContext, _ s: inout NameSpan) -> Bool {
    while s.first < s.end, c.tokens[s.first].kind != .word && c.tokens[s.first].kind != .number {
      s.first += 1
    }
    if s.first < s.end, s.end - s.first > 1, c.lower(s.first) == "the" { s.first += 1 }
    // A capitalized common word opening the sentence ("Many Azerbaijanis") is not part of the name.
    while s.end - s.first > 1, s.kind != .event, c.infos[s.first].flags.contains(.sentenceInitial),
      c.has(s.first, .common),
      !c.has(s.first, .firstName), !c.has(s.first, .country), !c.has(s.first, .place),
      c.infos[s.first].flags.contains(.alsoLower) || !c.infos[s.first].flags.contains(.capitalizedMidSentence)
    {
      s.first += 1
    }
    // Lower-case lead-ins ("e.g. Smith") are not part of a name.
    while s.end - s.first > 1, c.infos[s.first].flags.contains(.lowerInitial), !c.has(s.first, .country) {
      s.first += 1
    }
    // A person's titles, nationality and country are not part of the name ("Justice Scalia" → "Scalia",
    // "Chilean MP Rosa Fuentes" → "Rosa Fuentes"); titles become aliases later.
    if s.kind == .person {
      while s.end - s.first > 1,
        c.has(s.first, .title) || c.has(s.first, .demonym) || c.has(s.first, .country) || c.text(s.first) == "-",
        c.isCapitalized(s.first + 1) || c.text(s.first + 1) == "-"
      {
        s.first += c.text(s.first + 1) == "-" ? 2 : 1
      }
    }
    // "CEO of the Example Center": a role phrase, the name is the organization after "of".
    if s.kind == .person || s.kind == .organization, s.end - s.first > 2, c.has(s.first, .title),
      !c.has(s.first, .orgWord), c.lower(s.first + 1) == "of"
    {
      s.first += 2
      if s.first < s.end - 1, c.lower(s.first) == "the" { s.first += 1 }
      s.kind = .organization
    }
    while s.end > s.first {
      let t = c.tokens[s.end - 1]
      let text = c.lower(s.end - 1)
      if t.kind == .punctuation || t.kind == .quote || text == "'s" || text == "'" { s.end -= 1 } else { break }
    }
    guard s.first < s.end else { return false }
    for i in s.first..<s.end
    where c.infos[i].flags.contains(.initialCap) || c.infos[i].flags.contains(.hasDigit) {
      return true
    }
    return false
  }

  /// Types a span exactly when its whole text is a country name or a demonym.
  func classifyExact(_ c: RecognitionContext, _ s: inout NameSpan) {
    if let idx = c.countryIndex(s.first, s.end) {
      let isFirstName = s.end - s.first == 1 && c.has(s.first, .firstName)
      if !(s.kind == .person && isFirstName) {
        let territory = c.lexicon.countries.countries[idx].isTerritory
        s.kind = territory ? .location : .country
        s.country = idx
        s.confidence = 0.95
      }
      return
    }
    if let idx = c.lexicon.countries.demonyms.lookup(c.lowers, s.first..<s.end) {
      s.isGroup = s.kind == .person || c.lexicon.countries.groupNouns.lookup(c.lowers, s.first..<s.end) != nil
      s.kind = .country
      s.country = Int(idx)
      s.isDemonym = true
      s.source = .demonym
      return
    }
    if s.kind == .country { s.kind = .location }
    // A multi-word name ending in a capitalized event word is an event ("First World War").
    let last = s.end - 1
    if s.end - s.first >= 2, c.isCapitalized(last), c.has(last, .eventWord), !c.has(last, .orgWord),
      !c.has(last, .placeWord), s.kind != .person || !c.has(s.first, .firstName)
    {
      s.kind = .event
    }
    if s.end - s.first >= 2, c.text(s.first) == "Operation", c.isCapitalized(s.first + 1) { s.kind = .event }
  }
}
