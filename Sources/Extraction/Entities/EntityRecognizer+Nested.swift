import DocumentModel

extension EntityRecognizer {
  /// Country and place names written inside longer names ("Copenhagen" in "University of Copenhagen",
  /// "Chicago" in "Chicago Tribune" or in a dateline's "Chicago AP").
  ///
  /// These are not mentions of the place for the graph (a country word inside an organization's name is
  /// not the country, so they are not in ``AnalyzedDocument/mentions``), but annotation schemes such as
  /// GUM's count them as nested names; `entitygraph mentions` prints them for scoring.
  ///
  /// - Returns: mentions whose source is ``MentionRule/nested``, sorted by offset.
  /// - Parameter leadingPlaces: also a place that opens an organization's name ("Chicago" in "Chicago
  ///   Tribune"); GUM-style annotation does not count those, the `nested-place` relation rule does.
  public func nestedMentions(in document: AnalyzedDocument, leadingPlaces: Bool = false) -> [EntityMention] {
    let c = RecognitionContext(document: document, lexicon: lexicon)
    // The token starting at `offset` (or the one after the token ending there): tokens are sorted and do not
    // overlap, so a binary search replaces two dictionaries over every token of the document.
    func tokenIndex(_ offset: Int, byEnd: Bool) -> Int? {
      let lo = c.tokens.partitioningIndex { (byEnd ? $0.end : $0.start) >= offset }
      guard lo < c.tokens.count, (byEnd ? c.tokens[lo].end : c.tokens[lo].start) == offset else { return nil }
      return byEnd ? lo + 1 : lo
    }
    var out: [EntityMention] = []
    for m in document.mentions where !m.isDemonym && m.source != .nested && m.kind != .person {
      guard let first = tokenIndex(m.start, byEnd: false), let end = tokenIndex(m.end, byEnd: true), end - first >= 2
      else { continue }
      var i = first
      while i < end {
        var found = false
        var e = min(end, i + lexicon.maxTokens)
        while e > i {
          if (i, e) != (first, end), c.isCapitalized(i), c.isCapitalized(e - 1) {
            if let idx = c.countryIndex(i, e) {
              let country = lexicon.countries.countries[idx]
              out.append(
                EntityMention(
                  start: c.tokens[i].start, end: c.tokens[e - 1].end, kind: country.isTerritory ? .location : .country,
                  entity: country.id, confidence: 0.7, source: .nested))
              found = true
            } else if let bits = lexicon.table[c.phraseHash(i, e)], bits & Lexicon.Category.place.rawValue != 0,
              bits & (Lexicon.Category.firstName.rawValue | Lexicon.Category.surname.rawValue) == 0,
              (i > first && ["of", "at", "in", ","].contains(c.lower(i - 1)))
                || (leadingPlaces && i == first && m.kind == .organization && e < end && c.isCapitalized(e))
            {
              let name = c.text(i, e)
              out.append(
                EntityMention(
                  start: c.tokens[i].start, end: c.tokens[e - 1].end, kind: .location,
                  entity: EntityID(kind: .location, name: name), confidence: 0.6, source: .nested))
              found = true
            }
          }
          if found { break }
          e -= 1
        }
        i = found ? e : i + 1
      }
    }
    return out.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }
}
