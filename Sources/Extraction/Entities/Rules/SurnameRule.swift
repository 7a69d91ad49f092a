import DocumentModel

/// Surnames: the words after a person's first name, alone elsewhere ("Lopez said", "Ortiz-Vega noted"),
/// are that person. Leaves the spans in document order.
struct SurnameRule: EntityRule {
  let name = "surname"
  let writes: [MentionRule] = [.surname]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    let covered = c.coverage(spans)
    var surnames: [UInt64: Int] = [:]
    for s in spans where s.kind == .person && s.role == nil && s.end - s.first >= 2 && s.end - s.first <= 4 {
      let rest = (s.first + 1)..<s.end
      guard c.tokens[rest.lowerBound].kind == .word, c.isCapitalized(rest.lowerBound) else { continue }
      surnames[c.phraseHash(rest.lowerBound, rest.upperBound)] = rest.count
    }
    var joined: [NameSpan] = []
    if !surnames.isEmpty {
      let lengths = Set(surnames.values).sorted(by: >)
      var i = 0
      while i < c.tokens.count {
        guard !covered[i], c.isCapitalized(i) else {
          i += 1
          continue
        }
        var matched = 0
        for len in lengths where i + len <= c.tokens.count {
          let r = i..<(i + len)
          guard r.allSatisfy({ !covered[$0] }), surnames[c.phraseHash(i, i + len)] == len,
            c.sentenceOf[i] == c.sentenceOf[i + len - 1]
          else { continue }
          let after = i + len
          let nextCapitalized =
            after < c.tokens.count && c.isCapitalized(after) && c.sentenceOf[after] == c.sentenceOf[i]
          let prevCapitalized =
            i > 0 && c.isCapitalized(i - 1) && c.sentenceOf[i - 1] == c.sentenceOf[i]
            && !c.has(i - 1, .title)
          let hyphenated = (i > 0 && c.text(i - 1) == "-") || (after < c.tokens.count && c.text(after) == "-")
          if nextCapitalized || prevCapitalized || hyphenated { continue }
          if len == 1 && c.infos[i].flags.contains(.sentenceInitial) && c.infos[i].flags.contains(.alsoLower) {
            continue
          }
          matched = len
          break
        }
        if matched > 0 {
          joined.append(NameSpan(first: i, end: i + matched, kind: .person, source: .surname, confidence: 0.7))
          i += matched
        } else {
          i += 1
        }
      }
    }
    spans += joined
    spans.sort { ($0.first, $0.end) < ($1.first, $1.end) }
  }
}
