import DocumentModel

/// Drops spans that look like names but name nothing: an era marker ("300 BC"), a currency's country prefix
/// ("US$ 10 billion"), a lone legal-form suffix (", Inc."), a lone title written right before the name it
/// belongs to ("Justice Scalia", "Prime Minister Rishi Sunak"), an article with lower-case words ("The
/// states"), a two-letter word capitalized only because it opens a sentence ("Oh, …"), and the state-word head
/// of a country's formal name ("Islamic Republic" of Iran).
struct NonNameRule: EntityRule {
  let name = "non-name"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    // Where a person's name starts: a title right before one is part of that name, not a mention of its own.
    var personStarts = Set<Int>()
    var countryStarts = Set<Int>()
    for s in spans {
      if s.kind == .person && s.role == nil { personStarts.insert(s.first) }
      if s.country != nil && !s.isDemonym { countryStarts.insert(s.first) }
    }
    spans.removeAll { s in
      c.isCapitalizedShortWord(s.first, s.end) || isEraMarker(c, s) || isCurrencyPrefix(c, s)
        || isLoneSuffix(c, s) || isArticlePhrase(c, s) || (s.role == .role && personStarts.contains(s.end))
        || isStateHead(c, s, countryStarts: countryStarts)
    }
  }

  /// "the Islamic Republic of Iran", "the Kingdom of Saudi Arabia": a name ending in a state word right before
  /// "of" and a country is that country's formal name; the country's own mention stands for it.
  func isStateHead(_ c: RecognitionContext, _ s: NameSpan, countryStarts: Set<Int>) -> Bool {
    guard s.country == nil, c.lexicon.ruleWords.stateWords.contains(c.lower(s.end - 1)), s.end + 1 < c.tokens.count,
      c.lower(s.end) == "of"
    else { return false }
    let next = c.lower(s.end + 1) == "the" ? s.end + 2 : s.end + 1
    return countryStarts.contains(next)
  }

  /// "300 BC", "the 7th century BCE", "AD 79": an era marker after a number or "century", or before a number.
  func isEraMarker(_ c: RecognitionContext, _ s: NameSpan) -> Bool {
    guard s.end - s.first == 1, c.lexicon.ruleWords.eraMarkers.contains(c.lower(s.first)) else { return false }
    let before = s.first > 0 && (c.tokens[s.first - 1].kind == .number || Self.eraUnits.contains(c.lower(s.first - 1)))
    let after = s.end < c.tokens.count && c.tokens[s.end].kind == .number
    return before || after
  }

  /// Words after which an era marker stands for a span of years ("the 7th century BC").
  static let eraUnits: Set<String> = ["century", "centuries", "millennium", "millennia"]

  /// "US$ 10 billion", "HK$5": a country code written onto a dollar sign names a currency.
  func isCurrencyPrefix(_ c: RecognitionContext, _ s: NameSpan) -> Bool {
    guard s.end < c.tokens.count, c.text(s.end) == "$" else { return false }
    return c.tokens[s.end].start == c.tokens[s.end - 1].end && s.end - s.first <= 2
  }

  /// ", Inc.": a legal-form suffix the tagger split from the company's name.
  func isLoneSuffix(_ c: RecognitionContext, _ s: NameSpan) -> Bool {
    s.end - s.first == 1 && c.lexicon.ruleWords.corporateSuffixes.contains(c.lower(s.first))
  }

  /// "The states": an article followed only by lower-case words is no name.
  func isArticlePhrase(_ c: RecognitionContext, _ s: NameSpan) -> Bool {
    guard s.end - s.first >= 2, ["the", "a", "an"].contains(c.lower(s.first)) else { return false }
    return (s.first + 1..<s.end).allSatisfy { c.tokens[$0].kind != .word || c.infos[$0].flags.contains(.lowerInitial) }
  }
}
