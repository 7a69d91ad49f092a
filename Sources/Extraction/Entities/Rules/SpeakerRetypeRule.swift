import DocumentModel

/// Retypes as people the tagger's place names that a speech verb presents as speakers and that open with a
/// known first name ("“…,” said county clerk Odalys Brenneke", typed as a place).
struct SpeakerRetypeRule: EntityRule {
  let name = "speaker-retype"
  let writes: [MentionRule] = [.speakerCue]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    let n = c.tokens.count
    let verbs = c.lexicon.ruleWords.speakerVerbs
    for k in spans.indices where spans[k].kind == .location && spans[k].source == .tagger && spans[k].country == nil {
      let s = spans[k]
      // Two or three words, none a known place or place word; a known first name, or no word the lexicon knows.
      let words = s.first..<s.end
      guard (2...3).contains(words.count),
        !words.contains(where: { c.has($0, .place) || c.has($0, .placeWord) || c.has($0, .knownPlace) }),
        c.has(s.first, .firstName) || !words.contains(where: { c.has($0, .common) })
      else { continue }
      let before = s.first - 1
      let after = s.end
      let verbBefore = before >= 0 && verbs.contains(c.lower(before))
      let verbAfter = after < n && verbs.contains(c.lower(after))
      // "said … Name" with lower-case title words between.
      var b = before
      while b >= 0 && b > before - 4 && c.tokens[b].kind == .word && !c.isCapitalized(b) && !verbs.contains(c.lower(b))
      { b -= 1 }
      let verbBeforeTitles = b >= 0 && b < before && verbs.contains(c.lower(b))
      if verbBefore || verbAfter || verbBeforeTitles {
        spans[k].kind = .person
        spans[k].source = .speakerCue
      }
    }
  }
}
