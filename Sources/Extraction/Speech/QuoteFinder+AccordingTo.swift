import DocumentModel

/// Reported speech around "according to X".
extension QuoteFinder {
  /// "According to X, …" at the start of a sentence, "…, according to X." at its end, or "…, according to X,
  /// …" inside it: the rest of the sentence is reported speech whose cue is "according to X".
  func accordingToClauses(_ text: AnalyzedDocument, _ document: Document, direct: [Quote]) -> [Quote] {
    let w = text.words
    var out: [Quote] = []
    let outer = OuterQuotes(direct)
    var k = 0
    while k + 2 < w.count {
      defer { k += 1 }
      guard w[k].lower == "according", w[k + 1].lower == "to", w[k + 2].isWord else { continue }
      if outer.overlaps(w[k].start, w[k].end) { continue }
      let para = text.paragraph(of: w[k].start)
      let sStart = max(
        text.sentenceStart(before: w[k].start, lower: para.lowerBound), w[k].start - QuoteFinder.maxReportedLength)
      let sEnd = min(
        text.sentenceEnd(after: w[k].end, upper: para.upperBound), w[k].end + QuoteFinder.maxReportedLength)
      // The source runs to the next comma (at most eight words).
      var c = k + 2
      while c < w.count && c <= k + 10 && w[c].start < sEnd && w[c].lower != ","
        && (w[c].isWord || w[c].joinsWords || w[c].isClitic)
      {
        c += 1
      }
      let opensSentence = text.wordIndex(atOrAfter: sStart) == k
      var start: Int
      var end: Int
      if opensSentence {
        guard c < w.count, w[c].lower == ",", c > k + 2 else { continue }
        start = w[c].end
        end = sEnd
      } else if k > 0, w[k - 1].lower == ",", c < w.count, w[c].lower == ",", w[c].start < sEnd - 1 {
        // "Since May, according to X, prices have risen": set off by commas inside the sentence, the cue
        // reports the whole sentence; the record holds its longer side.
        guard let side = parentheticalSide(text, before: sStart..<w[k - 1].start, after: w[c].end..<sEnd) else {
          continue
        }
        (start, end) = (side.lowerBound, side.upperBound)
      } else {
        // "…, according to X." closing the sentence.
        guard k > 0, w[k - 1].lower == ",", c >= w.count || w[c].start >= sEnd - 1 || !w[c].isWord && w[c].lower != ","
        else { continue }
        start = sStart
        end = w[k - 1].start
      }
      // Not across a direct quote.
      if outer.overlaps(start, end) { continue }
      while start < end && CharClass.isSpace(text.scalars[start]) { start += 1 }
      while end > start
        && (CharClass.isSpace(text.scalars[end - 1]) || [".", "!", "?", ","].contains(text.scalars[end - 1]))
      { end -= 1 }
      guard text.wordCount(start, end) >= 3 else { continue }
      let cueEnd = c < w.count && c > k + 2 ? w[c - 1].end : w[min(c, w.count - 1)].end
      out.append(Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, cueEnd), depth: 0))
    }
    return out
  }
}
