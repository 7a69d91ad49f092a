import DocumentModel

/// Fills in the countries and demonyms that the tagger missed, outside other names; a country closing
/// another name ("Bank of Chile") becomes that name (`of-country`). Leaves the spans in document order.
struct CountryFillRule: EntityRule {
  let name = "country-fill"
  let writes: [MentionRule] = [.gazetteer, .demonym, .ofCountry]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var covered = [Bool](repeating: false, count: c.tokens.count)
    for s in spans { for i in s.first..<s.end { covered[i] = true } }
    var hashes: [UInt64] = []
    var i = 0
    while i < c.tokens.count {
      if covered[i] || !c.isCapitalized(i) {
        i += 1
        continue
      }
      var found: NameSpan?
      let limit = min(c.tokens.count, i + c.lexicon.countries.names.maxTokens)
      // The phrase hashes of i..<i+1, i..<i+2, …, combined once; tried longest first.
      hashes.removeAll(keepingCapacity: true)
      var h: UInt64 = 0
      for k in i..<limit {
        h = TextHash.combine(h, c.lowers[k])
        hashes.append(h)
      }
      var end = limit
      while end > i {
        if let idx = c.countryIndex(i, end, phraseHash: hashes[end - i - 1]), (i..<end).allSatisfy({ !covered[$0] }) {
          found = NameSpan(first: i, end: end, kind: .country, source: .gazetteer, confidence: 0.95, country: idx)
          // "Voice of America", "Bank of Chile": a country closing another name is not the country.
          if let head = c.nameBeforeOf(i), head.allSatisfy({ !covered[$0] }) {
            let headWord = head.upperBound - 1
            if !c.has(headWord, .title), !c.lexicon.ruleWords.stateWords.contains(c.lower(headWord)) {
              let kind: EntityKind = c.has(headWord, .placeWord) ? .location : .organization
              found = NameSpan(first: head.lowerBound, end: end, kind: kind, source: .ofCountry, confidence: 0.7)
            }
          }
          break
        }
        end -= 1
      }
      if found == nil {
        end = min(c.tokens.count, i + c.lexicon.countries.demonyms.maxTokens)
        while end > i {
          if let idx = c.lexicon.countries.demonyms.lookup(c.lowers, i..<end),
            (i..<end).allSatisfy({ !covered[$0] })
          {
            var s = NameSpan(
              first: i, end: end, kind: .country, source: .demonym, confidence: 0.9, country: Int(idx))
            s.isDemonym = true
            found = s
            break
          }
          end -= 1
        }
      }
      if let f = found {
        for k in f.first..<f.end { covered[k] = true }
        spans.append(f)
        i = f.end
      } else {
        i += 1
      }
    }
    spans.sort { ($0.first, $0.end) < ($1.first, $1.end) }
  }
}
