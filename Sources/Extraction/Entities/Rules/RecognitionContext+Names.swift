import DocumentModel

/// Name-structure helpers several entity rules share.
extension RecognitionContext {
  /// The country named exactly by tokens `first..<end`, honouring case ("US" but not "us").
  func countryIndex(_ first: Int, _ end: Int) -> Int? {
    countryIndex(first, end, phraseHash: phraseHash(first, end))
  }

  /// ``countryIndex(_:_:)`` given the phrase hash of the tokens (``phraseHash(_:_:)``), for a caller that tries
  /// several lengths from one start and combines the hashes once.
  func countryIndex(_ first: Int, _ end: Int, phraseHash h: UInt64) -> Int? {
    guard isCapitalized(first) else { return nil }
    guard let idx = lexicon.countries.names.payload(h) else { return nil }
    let surface = text(first, end)
    if let exact = lexicon.countries.exactCaseByLower[surface.lowercased()], exact != surface { return nil }
    return Int(idx)
  }

  /// The capitalized words right before "of" at token `i` ("Voice" in "Voice of America"), if any.
  func nameBeforeOf(_ i: Int) -> Range<Int>? {
    let c = self
    guard i >= 2, c.lower(i - 1) == "of", c.isCapitalized(i - 2), c.tokens[i - 2].kind == .word,
      c.sentenceOf[i - 2] == c.sentenceOf[i]
    else { return nil }
    var first = i - 2
    while first > 0, c.isCapitalized(first - 1), c.tokens[first - 1].kind == .word,
      !c.infos[first - 1].flags.contains(.sentenceInitial) || !c.has(first - 1, .common),
      c.sentenceOf[first - 1] == c.sentenceOf[i]
    {
      first -= 1
    }
    if c.infos[first].flags.contains(.sentenceInitial) && c.has(first, .common) && first < i - 2 { first += 1 }
    return first..<(i - 1)
  }

  /// Acronyms the document defines for something that is not a name of an organization ("System Under
  /// Test (SUT)", "geographic information systems (GIS)").
  func acronymsOfThings(existing: [NameSpan]) -> Set<UInt64> {
    let c = self
    var organizationEnds = Set<Int>()
    for s in existing where s.kind == .organization { organizationEnds.insert(s.end) }
    var out = Set<UInt64>()
    var i = 1
    func isChar(_ k: Int, _ ch: Unicode.Scalar) -> Bool {
      c.tokens[k].end - c.tokens[k].start == 1 && c.scalars[c.tokens[k].start] == ch
    }
    while i + 2 < c.tokens.count {
      defer { i += 1 }
      guard isChar(i, "("), isChar(i + 2, ")"), c.infos[i + 1].flags.contains(.allCaps),
        !organizationEnds.contains(i)
      else { continue }
      let short = c.text(i + 1)
      let caps = short.filter(\.isUppercase).count
      guard caps >= 2, caps <= 8, i >= caps else { continue }
      let first = i - caps
      guard (first..<i).allSatisfy({ c.isWord($0) && c.sentenceOf[$0] == c.sentenceOf[i] }) else { continue }
      let initials = String((first..<i).compactMap { c.text($0).first }).uppercased()
      if initials == short.filter(\.isUppercase) { out.insert(c.lowers[i + 1]) }
    }
    return out
  }

  /// Whether `first..<end` is a lone two-letter word that running text mostly writes in lower case (the word
  /// classes' capitalization prior), capitalized only because it opens a sentence or a quote: "Oh, come on",
  /// "Or maybe". WordNet knows "OH" and "OR" as states, and its names are matched without case; such a word
  /// names nothing.
  func isCapitalizedShortWord(_ first: Int, _ end: Int) -> Bool {
    guard end - first == 1, text(first).unicodeScalars.count == 2, infos[first].flags.contains(.initialCap),
      !infos[first].flags.contains(.allCaps)
    else { return false }
    return WordClass.capitalization(lexicon.wordClass(lowers[first])) <= 1
  }
}
