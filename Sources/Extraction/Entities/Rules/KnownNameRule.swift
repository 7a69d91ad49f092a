import DocumentModel

/// Untagged names that WordNet knows as exactly one kind of thing, and untagged capitalized acronyms amid
/// ordinary text as organizations.
struct KnownNameRule: EntityRule {
  let name = "known-name"
  let writes: [MentionRule] = [.knownName, .acronymGuess]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    spans += knownNames(c, existing: spans)
  }

  /// Untagged names that WordNet knows as exactly one kind of thing ("Black September" → organization),
  /// and untagged capitalized acronyms ("the ABCF", "XYZ's faction") as organizations.
  func knownNames(_ c: RecognitionContext, existing: [NameSpan]) -> [NameSpan] {
    var covered = [Bool](repeating: false, count: c.tokens.count)
    for s in existing { for i in s.first..<s.end { covered[i] = true } }
    var out: [NameSpan] = []
    let known: [(Lexicon.Category, EntityKind)] = [
      (.knownPerson, .person), (.knownPlace, .location), (.knownOrganization, .organization), (.knownEvent, .event),
    ]
    let knownBits = known.reduce(UInt32(0)) { $0 | $1.0.rawValue }
    let notOrganizations = c.acronymsOfThings(existing: existing)
    var i = 0
    while i < c.tokens.count {
      guard !covered[i], c.isCapitalized(i), c.tokens[i].kind == .word else {
        i += 1
        continue
      }
      let weakStart = c.infos[i].flags.contains(.sentenceInitial) && c.has(i, .common)
      var found: NameSpan?
      var end = min(c.tokens.count, i + 4)
      // `starts` holds the bits of every gazetteer phrase starting here (Lexicon.mark): with no known name among
      // them, no length can match, and the table is not probed for each.
      if c.infos[i].starts & knownBits == 0 { end = i }
      while end > i + (weakStart ? 1 : 0), found == nil {
        if (i..<end).allSatisfy({ !covered[$0] && c.sentenceOf[$0] == c.sentenceOf[i] }), c.isCapitalized(end - 1),
          let bits = c.lexicon.table[c.phraseHash(i, end)], bits & Lexicon.Category.common.rawValue == 0,
          bits & (Lexicon.Category.country.rawValue | Lexicon.Category.demonym.rawValue) == 0
        {
          let kinds = known.filter { bits & $0.0.rawValue != 0 }.map(\.1)
          if kinds.count == 1, end - i >= 2 || kinds[0] != .person, !c.isCapitalizedShortWord(i, end) {
            found = NameSpan(first: i, end: end, kind: kinds[0], source: .knownName, confidence: 0.7)
          }
        }
        end -= 1
      }
      // A capitalized acronym amid ordinary text, unknown to the country data.
      if found == nil, !weakStart, c.infos[i].flags.contains(.allCaps),
        (3...5).contains(c.tokens[i].end - c.tokens[i].start),
        (c.tokens[i].start..<c.tokens[i].end).allSatisfy({ CharClass.isUpper(c.scalars[$0]) }),
        i > 0,
        ["the", "of", "by", "from", "with", "and"].contains(c.lower(i - 1))
          || c.tokens[i - 1].kind == .word
            && !c.isCapitalized(i - 1) && i + 1 < c.tokens.count && c.tokens[i + 1].kind == .word
            && !c.isCapitalized(i + 1)
            && c.has(i + 1, .common) && ["which", "who", "that"].contains(c.lower(i + 1)),
        !c.has(i, .country), !c.has(i, .common), !c.has(i, .title),
        !c.lexicon.commonAcronyms.contains(c.lowers[i]), !notOrganizations.contains(c.lowers[i]),
        (i == 0 || !c.infos[i - 1].flags.contains(.allCaps)),
        (i + 1 >= c.tokens.count || !c.infos[i + 1].flags.contains(.allCaps))
      {
        found = NameSpan(first: i, end: i + 1, kind: .organization, source: .acronymGuess, confidence: 0.5)
      }
      if let f = found {
        out.append(f)
        i = f.end
      } else {
        i += 1
      }
    }
    return out
  }
}
