import DocumentModel

/// Capitalized names headed by an event word ("the French Revolution", "Cyclone Nadia") or an organization
/// word ("The Working Group for …") that the tagger missed or typed only in part.
struct HeadedNameRule: EntityRule {
  let name = "headed-name"
  let writes: [MentionRule] = [.eventHead, .organizationHead]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    spans += headedEvents(c, existing: spans)
  }

  /// Capitalized names headed by an event word that the tagger missed: "the French Revolution",
  /// "Cyclone Nadia", "Operation Desert Wind".
  func headedEvents(_ c: RecognitionContext, existing: [NameSpan]) -> [NameSpan] {
    var covered = [Bool](repeating: false, count: c.tokens.count)
    // The spans over each token, so the checks below read the spans of one name, not of the document
    // (a scan of every span per name was quadratic on long lists of names).
    var owners = [[Int32]](repeating: [], count: c.tokens.count)
    for (k, s) in existing.enumerated() {
      for i in s.first..<s.end {
        covered[i] = true
        owners[i].append(Int32(k))
      }
    }
    func spans(_ first: Int, _ end: Int) -> [NameSpan] {
      var seen = Set<Int32>()
      var out: [NameSpan] = []
      for i in first..<end { for k in owners[i] where seen.insert(k).inserted { out.append(existing[Int(k)]) } }
      return out
    }
    var out: [NameSpan] = []
    for sent in c.sentences {
      var i = sent.lowerBound
      while i < sent.upperBound {
        guard c.isCapitalized(i), c.tokens[i].kind == .word else {
          i += 1
          continue
        }
        var end = i + 1
        while end < sent.upperBound, c.isCapitalized(end) || c.text(end) == "-" { end += 1 }
        let words = (i..<end).filter { c.tokens[$0].kind == .word }
        let touchesTagged = (i..<end).contains { covered[$0] }
        if words.count >= 2, let last = words.last, c.lexicon.ruleWords.eventHeads.contains(c.lower(last)),
          !c.infos[i].flags.contains(.sentenceInitial) || !c.has(i, .common) || c.has(i, .demonym)
        {
          var span = NameSpan(first: i, end: end, kind: .event, source: .eventHead, confidence: 0.75)
          span.end = last + 1
          if !touchesTagged
            || spans(i, span.end).contains(where: { $0.first >= i && $0.end <= span.end && $0.kind != .event })
          {
            out.append(span)
          }
        } else if words.count >= 2, c.lexicon.ruleWords.eventPrefixes.contains(c.lower(i)),
          !touchesTagged
            || (!covered[i] && spans(i, end).allSatisfy { $0.first > i && $0.end <= end && $0.kind != .event })
        {
          // "Operation Northern Gale", "Hurricane Katrina": the prefix makes the name inside it an event.
          out.append(NameSpan(first: i, end: end, kind: .event, source: .eventHead, confidence: 0.75))
        } else if words.count >= 2, let last = words.last, c.has(last, .orgWord), !c.has(last, .placeWord),
          !c.has(last, .eventWord), !touchesTagged || onlyPlacesInside(spans(i, end), i, end)
        {
          // "The Working Group for …", "Friends Society of …": an untagged name headed by an organization word.
          var span = NameSpan(first: i, end: end, kind: .organization, source: .organizationHead, confidence: 0.7)
          if c.infos[i].flags.contains(.sentenceInitial), c.has(i, .common), !c.has(i, .orgWord) { span.first += 1 }
          if c.lower(span.first) == "the" { span.first += 1 }
          var e = end
          while e + 1 < sent.upperBound, ["for", "of"].contains(c.lower(e)) {
            var k = e + 1
            if k < sent.upperBound, c.lower(k) == "the" { k += 1 }
            guard k < sent.upperBound, c.isCapitalized(k) else { break }
            while k < sent.upperBound,
              c.isCapitalized(k) || (c.text(k) == "-" && k + 1 < sent.upperBound && c.isCapitalized(k + 1))
            {
              k += 1
            }
            e = k
          }
          span.end = e
          if span.end - span.first >= 2 { out.append(span) }
          end = max(end, e)
        }
        i = end
      }
    }
    return out
  }

  /// Whether every span inside `first..<end` is a country, demonym or location (so a longer name may cover them).
  func onlyPlacesInside(_ spans: [NameSpan], _ first: Int, _ end: Int) -> Bool {
    spans.allSatisfy { s in
      s.end <= first || s.first >= end
        || (s.first >= first && s.end <= end && (s.country != nil || s.isDemonym || s.kind == .location))
    }
  }
}
