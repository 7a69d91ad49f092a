import DocumentModel

/// The recognizer's fallback when no model is loaded: runs of capitalized words typed by cue words.
///
/// A chunk is a run of capitalized words, joined through "of", "for", "and", "the", "de" and hyphens
/// when a capitalized word follows. Its type comes from cues: an organization head word
/// ("University", "Committee"), an event word at the end ("War"), a gazetteer place, a title before it
/// ("Dr."), a known first name; a sentence-initial word that also occurs in lower case is not a name.
struct CueChunker {
  let context: RecognitionContext

  func chunks(in sentence: Range<Int>) -> [NameSpan] {
    let c = context
    let joiners = c.lexicon.ruleWords.chunkJoiners
    var out: [NameSpan] = []
    var i = sentence.lowerBound
    while i < sentence.upperBound {
      guard c.isCapitalized(i), c.tokens[i].kind == .word, !c.has(i, .title) || c.has(i, .country) else {
        i += 1
        continue
      }
      var end = i + 1
      while end < sentence.upperBound {
        if c.isCapitalized(end) && c.tokens[end].kind == .word {
          end += 1
        } else if joiners.contains(c.lower(end)), end + 1 < sentence.upperBound, c.isCapitalized(end + 1) {
          end += 2
        } else {
          break
        }
      }
      let flags = c.infos[i].flags
      if end == i + 1, flags.contains(.sentenceInitial),
        flags.contains(.alsoLower) || (!flags.contains(.capitalizedMidSentence) && c.infos[i].inside == 0)
      {
        i = end
        continue
      }
      if end == i + 1, c.has(i, .time) {
        i = end
        continue
      }
      out.append(NameSpan(first: i, end: end, kind: type(i, end), source: .cueChunker, confidence: 0.6))
      i = end
    }
    return out
  }

  private func type(_ first: Int, _ end: Int) -> EntityKind {
    let c = context
    let last = end - 1
    if (first..<end).contains(where: { c.has($0, .orgWord) && c.isCapitalized($0) }) { return .organization }
    if c.has(last, .eventWord) && end - first >= 2 { return .event }
    if (first..<end).allSatisfy({ c.has($0, .place) || c.has($0, .country) || c.tokens[$0].kind != .word }) {
      return .location
    }
    if (first..<end).contains(where: { c.has($0, .placeWord) && c.isCapitalized($0) }) { return .location }
    if first > 0 && c.has(first - 1, .title) { return .person }
    if c.has(first, .firstName) { return .person }
    return end - first >= 2 && end - first <= 3 ? .person : .organization
  }
}
