import DocumentModel

/// Repeats: an unlabeled capitalized occurrence of a name the tagger (or a bracketed acronym) found
/// elsewhere in the document, typed by the document's vote on that name.
struct RepeatedNameRule: EntityRule {
  let name = "repeat"
  let writes: [MentionRule] = [.repeatedName]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var byFirst: [UInt64: [(len: Int, hash: UInt64, kind: EntityKind)]] = [:]
    var seen = Set<UInt64>()
    for s in spans
    where !s.isDemonym && s.country == nil && (s.source == .tagger || s.source == .acronym)
      && s.end - s.first <= 6
    {
      let h = c.phraseHash(s.first, s.end)
      if seen.insert(h).inserted {
        byFirst[c.infos[s.first].lower, default: []].append((s.end - s.first, h, s.votedKind ?? s.kind))
      }
    }
    for key in byFirst.keys { byFirst[key]!.sort { $0.len > $1.len } }
    var covered = [Bool](repeating: false, count: c.tokens.count)
    for s in spans { for i in s.first..<s.end { covered[i] = true } }
    var added: [NameSpan] = []
    var i = 0
    while i < c.tokens.count {
      guard !covered[i], c.isCapitalized(i), let candidates = byFirst[c.infos[i].lower] else {
        i += 1
        continue
      }
      var matched: NameSpan?
      for cand in candidates.prefix(32) where i + cand.len <= c.tokens.count {
        let r = i..<(i + cand.len)
        if r.allSatisfy({ !covered[$0] }), c.phraseHash(r.lowerBound, r.upperBound) == cand.hash,
          c.sentenceOf[r.lowerBound] == c.sentenceOf[r.upperBound - 1]
        {
          // A sentence-initial single word that also occurs in lower case is probably not the name.
          if cand.len == 1 && c.infos[i].flags.contains(.sentenceInitial) && c.infos[i].flags.contains(.alsoLower) {
            continue
          }
          matched = NameSpan(first: i, end: i + cand.len, kind: cand.kind, source: .repeatedName)
          break
        }
      }
      if let m = matched {
        added.append(m)
        i = m.end
      } else {
        i += 1
      }
    }
    spans += added
  }
}
