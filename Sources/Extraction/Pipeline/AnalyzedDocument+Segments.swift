import DocumentModel

extension Pipeline {
  /// The segments a long text is analyzed in: consecutive ranges covering `scalars`, each at most `length` code
  /// points. Each is cut, in its second half, after the last blank line, else the last line break, else the last
  /// sentence end (`.`, `!`, `?` or `…` and a space), else the last space, else at `length` (never before a
  /// combining mark).
  ///
  /// - Complexity: O(n): each cut scans at most half a segment, a few times.
  static func segments(of scalars: [Unicode.Scalar], length: Int) -> [Range<Int>] {
    let length = max(length, 2)
    var out: [Range<Int>] = []
    var start = 0
    while scalars.count - start > length {
      let hard = start + length
      let floor = start + length / 2
      func lastCut(after matches: (Int) -> Bool) -> Int? {
        var i = hard - 1
        while i > floor {
          if matches(i) { return i + 1 }
          i -= 1
        }
        return nil
      }
      let cut =
        lastCut { scalars[$0] == "\n" && scalars[$0 - 1] == "\n" }
        ?? lastCut { scalars[$0] == "\n" }
        ?? lastCut { scalars[$0] == " " && CharClass.isSentenceTerminal(scalars[$0 - 1]) }
        ?? lastCut { CharClass.isSpace(scalars[$0]) }
        ?? hardCut(scalars, at: hard, floor: floor)
      out.append(start..<cut)
      start = cut
    }
    out.append(start..<scalars.count)
    return out
  }

  /// `hard`, moved back over combining marks, joiners and variation selectors (at most 32) so a character is
  /// not split.
  private static func hardCut(_ scalars: [Unicode.Scalar], at hard: Int, floor: Int) -> Int {
    var cut = hard
    while cut > floor && hard - cut < 32
      && (CharClass.isMark(scalars[cut]) || scalars[cut] == "\u{200D}" || scalars[cut].properties.isVariationSelector)
    {
      cut -= 1
    }
    return cut
  }
}

extension AnalyzedDocument {
  /// Adds the analysis of one segment of this document, which starts at code point `offset`: every span moves by
  /// `offset`, sentence and paragraph indices by `sentenceBase` and `paragraphBase` (the counts of the segments
  /// before it), quote indices by the quotes held here. Entities with the same id are one
  /// entity (mentions appended, aliases joined); relations with the same key are merged into `relations`
  /// (evidence appended, counts added). Segments must be added in text order, so every list stays sorted
  /// without sorting again. Tokens and words are not kept (see ``Pipeline/run(_:)``).
  ///
  /// - Complexity: O(size of the segment's results).
  mutating func appendSegment(
    _ part: AnalyzedDocument, at offset: Int, sentenceBase: Int, paragraphBase: Int,
    relations: inout [RelationKey: Relation]
  ) {
    let quoteBase = quotes.count
    func moved(_ e: Evidence) -> Evidence {
      var e = e
      e.start += offset
      e.end += offset
      e.sentence = e.sentence.map { $0 + sentenceBase }
      return e
    }
    func moved(_ r: Range<Int>) -> Range<Int> { (r.lowerBound + offset)..<(r.upperBound + offset) }
    sentences += part.sentences.map { s in
      Sentence(
        index: s.index + sentenceBase, tokens: 0..<0, start: s.start + offset, end: s.end + offset,
        paragraph: s.paragraph + paragraphBase)
    }
    paragraphs += part.paragraphs.map(moved)
    mentions += part.mentions.map { m in
      var m = m
      m.start += offset
      m.end += offset
      return m
    }
    // Merged in place through the dictionaries (`dict[key]!.list += …`): copying an entity or relation out and
    // back would copy its whole evidence list once per segment.
    for (id, var e) in part.entities {
      e.mentions = e.mentions.map(moved)
      guard entities[id] != nil else {
        entities[id] = e
        continue
      }
      // Later offsets: appending keeps the mentions sorted (`absorb` would sort them all again).
      entities[id]!.mentions += e.mentions
      entities[id]!.absorbDescription(of: e)
    }
    quotes += part.quotes.map { q in
      var q = q
      q.start += offset
      q.end += offset
      q.cue = q.cue.map(moved)
      q.speakerMention = q.speakerMention.map(moved)
      q.cueWords = q.cueWords.map(moved)
      q.embeddedIn = q.embeddedIn.map { $0 + quoteBase }
      return q
    }
    for r in part.relations {
      var r = r
      r.evidence = r.evidence.map(moved)
      let key = r.key
      guard relations[key] != nil else {
        relations[key] = r
        continue
      }
      relations[key]!.evidence += r.evidence
      relations[key]!.count += r.count
      relations[key]!.confidence = max(relations[key]!.confidence, r.confidence)
      if relations[key]!.source.isEmpty { relations[key]!.source = r.source }
    }
    diagnostics += part.diagnostics.map { d in
      var d = d
      d.offset = d.offset.map { $0 + offset }
      return d
    }
  }
}
