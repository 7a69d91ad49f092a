import DocumentModel

/// Interview turns: two or more paragraphs that open with a short capitalized label and a colon (`Q:`,
/// `SMITH:`), each a direct quote whose cue is the label.
extension QuoteFinder {
  static let nonSpeakerLabels: Set<String> = SpeechWords[.nonSpeakerLabels]

  func interviewTurns(_ text: AnalyzedDocument, _ document: Document) -> [Quote] {
    var turns: [Quote] = []
    for p in text.paragraphs {
      var i = p.lowerBound
      while i < p.upperBound && CharClass.isSpace(text.scalars[i]) { i += 1 }
      let labelStart = i
      var colon: Int?
      var j = i
      while j < min(p.upperBound, i + 40) {
        let c = text.scalars[j]
        if c == ":" {
          colon = j
          break
        }
        if c == "." || c == "," || c == "!" || c == "?" || QuoteMarks.isMark(c) && c != "'" && c != "\u{2019}" { break }
        j += 1
      }
      guard let colon, colon > labelStart else { continue }
      let labelWords = text.wordRange(labelStart, colon).filter { text.isWholeWord($0) }
      guard (1...4).contains(labelWords.count),
        labelWords.allSatisfy({ text.words[$0].isCapitalized }),
        !QuoteFinder.nonSpeakerLabels.contains(text.text(labelStart, colon).lowercased())
      else { continue }
      var s = colon + 1
      while s < p.upperBound && CharClass.isSpace(text.scalars[s]) { s += 1 }
      guard s < p.upperBound, !QuoteMarks.isMark(text.scalars[s]) else { continue }
      var e = p.upperBound
      while e > s && CharClass.isSpace(text.scalars[e - 1]) { e -= 1 }
      // Content must read as speech: at least three words.
      guard text.wordCount(s, e) >= 3 else { continue }
      turns.append(
        Quote(start: s, end: e, form: .direct, cue: document.evidence(labelStart, colon + 1), depth: 0))
    }
    return turns.count >= 2 ? turns : []
  }

  // MARK: - Quote marks
}
