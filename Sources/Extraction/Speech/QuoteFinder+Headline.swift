import DocumentModel

/// A headline that names its source before a colon: "Ruritania's minister: the canal will wait".
extension QuoteFinder {
  /// How many words the source before a headline's colon may have ("Clinton camp", "Judicial Watch").
  static let headlineSourceWords = 4

  /// The clause after "SOURCE:" on the first line of the text, when the source is one to four words opening
  /// with a capital letter and no label ("Update:", "Editor's note:"), and the clause has at least three
  /// words and no quote marks (a quoted headline is a direct quote, found with the marks). The colon is the
  /// cue.
  func headlineColonClause(_ text: AnalyzedDocument, _ document: Document, direct: [Quote]) -> [Quote] {
    let w = text.words
    guard let line = text.paragraphs.first, !w.isEmpty, w[0].isWord, w[0].isCapitalized else { return [] }
    // The first line only: the headline ends at the first line break.
    var lineEnd = line.upperBound
    for o in line where text.scalars[o] == "\n" {
      lineEnd = o
      break
    }
    var k = 0
    while k < w.count, k <= Self.headlineSourceWords, w[k].end <= lineEnd, w[k].isWord || w[k].isClitic { k += 1 }
    guard k > 0, k <= Self.headlineSourceWords, k < w.count, w[k].lower == ":", w[k].end < lineEnd,
      !Self.nonSpeakerLabels.contains(text.text(w[0].start, w[k].start).lowercased())
    else { return [] }
    var start = w[k].end
    var end = lineEnd
    while start < end && CharClass.isSpace(text.scalars[start]) { start += 1 }
    while end > start && (CharClass.isSpace(text.scalars[end - 1]) || text.scalars[end - 1] == ".") { end -= 1 }
    guard text.wordCount(start, end) >= 3, !text.scalars[start..<end].contains(where: QuoteMarks.isMark),
      !OuterQuotes(direct).overlaps(start, end)
    else { return [] }
    return [Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, w[k].end), depth: 0)]
  }
}
