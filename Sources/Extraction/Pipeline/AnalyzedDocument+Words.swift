import DocumentModel

/// The word view of one token, computed once by the ``Tokenizer`` and read by the speech and relation stages.
///
/// `words[i]` describes `tokens[i]`: the same offsets, the lower-cased text and a few classes, so the
/// stages compare words to word lists without cutting and lower-casing text again.
public struct TokenWord: Hashable, Sendable {
  /// Code point offsets, 0-based, end exclusive (those of the token).
  public var start: Int
  public var end: Int
  /// Lower-cased text with the curly apostrophe folded to `'`; an abbreviation's final period is left out
  /// (`Dr.` → `dr`, `U.S.` → `u.s`), so word lists hold bare words.
  public var lower: String
  /// Letters or digits (a word or number token, clitics included), as opposed to a quote mark or punctuation.
  public var isWord: Bool
  /// A possessive or contracted `'s` or a contracted `n't` written onto the word before it ("Peru's",
  /// "did" + "n't"): the tokenizer makes it a token, but it is part of that word: word counts leave it out.
  public var isClitic: Bool
  /// The first code point is an upper-case letter.
  public var isCapitalized: Bool
  /// The token holds a letter.
  public var hasLetter: Bool
  /// The token is a number ("1,000", "9:30", "10km").
  public var isNumber: Bool
  /// A hyphen or slash written between two words with no space (`Ortiz-Vega`, `co-founder`): it joins them.
  public var joinsWords: Bool

  public init(
    start: Int, end: Int, lower: String, isWord: Bool, isCapitalized: Bool, hasLetter: Bool, isNumber: Bool,
    joinsWords: Bool = false, isClitic: Bool = false
  ) {
    self.start = start
    self.end = end
    self.lower = lower
    self.isWord = isWord
    self.isCapitalized = isCapitalized
    self.hasLetter = hasLetter
    self.isNumber = isNumber
    self.joinsWords = joinsWords
    self.isClitic = isClitic
  }

  /// The word view of `tokens` of the text `scalars`.
  ///
  /// - Complexity: O(n) in the length of the tokens.
  public static func words(of tokens: [Token], in scalars: [Unicode.Scalar]) -> [TokenWord] {
    var out: [TokenWord] = []
    out.reserveCapacity(tokens.count)
    for (i, t) in tokens.enumerated() {
      let first = scalars[t.start]
      var end = t.end
      // "Dr.", "U.S.", "J.": the kept period is not part of the word.
      if t.kind == .word, end - t.start > 1, scalars[end - 1] == "." { end -= 1 }
      var ascii = true
      var hasLetter = false
      for k in t.start..<end {
        let c = scalars[k]
        if c.value >= 0x80 { ascii = false }
        if !hasLetter && CharClass.isLetter(c) { hasLetter = true }
      }
      let lower: String
      if ascii {
        // ASCII: the lower-cased bytes written at once.
        let start = t.start
        lower = String(unsafeUninitializedCapacity: end - start) { buffer in
          for k in start..<end {
            let v = scalars[k].value
            buffer[k - start] = UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
          }
          return end - start
        }
      } else {
        var s = String.UnicodeScalarView()
        for c in scalars[t.start..<end] { s.append(c == "\u{2019}" ? "'" : c) }
        lower = String(s).lowercased()
      }
      let isClitic =
        t.kind == .word && (lower == "'s" || lower == "n't") && i > 0 && tokens[i - 1].end == t.start
        && (tokens[i - 1].kind == .word || tokens[i - 1].kind == .number)
      let isWord = t.kind == .word || t.kind == .number
      let joins =
        t.kind == .punctuation && t.end - t.start == 1
        && (first == "-" || first == "/" || first == "\u{2010}"
          || first == "\u{2011}")
        && i > 0 && i + 1 < tokens.count && tokens[i - 1].end == t.start
        && tokens[i + 1].start == t.end && (tokens[i - 1].kind == .word || tokens[i - 1].kind == .number)
        && (tokens[i + 1].kind == .word || tokens[i + 1].kind == .number)
      out.append(
        TokenWord(
          start: t.start, end: t.end, lower: lower, isWord: isWord, isCapitalized: CharClass.isUpper(first),
          hasLetter: hasLetter, isNumber: t.kind == .number, joinsWords: joins, isClitic: isClitic))
    }
    return out
  }
}

extension AnalyzedDocument {
  /// The text as code points.
  var scalars: [Unicode.Scalar] { document.scalars }

  /// Index of the first word whose start is at or after `offset`.
  func wordIndex(atOrAfter offset: Int) -> Int {
    return words.partitioningIndex { $0.start >= offset }
  }

  /// Indices of the words inside `start..<end`.
  func wordRange(_ start: Int, _ end: Int) -> Range<Int> {
    let a = wordIndex(atOrAfter: start)
    var b = a
    while b < words.count && words[b].end <= end { b += 1 }
    return a..<b
  }

  /// Whether word `k` counts as a word of its own: a word or number, not a clitic ("Peru's" is one word) and
  /// not the second part of a hyphenated word ("R-Utah", "so-called" are one word each).
  func isWholeWord(_ k: Int) -> Bool {
    words[k].isWord && !words[k].isClitic && !(k > 0 && words[k - 1].joinsWords)
  }

  /// How many words (see ``isWholeWord(_:)``) lie inside `start..<end`.
  func wordCount(_ start: Int, _ end: Int) -> Int {
    wordRange(start, end).reduce(0) { $0 + (isWholeWord($1) ? 1 : 0) }
  }

  /// Whether word `k` is a possessive or contracted `'s` written right after the word before it ("Peru's").
  func isCliticS(_ k: Int) -> Bool {
    k > 0 && k < words.count && words[k].isClitic && words[k].lower == "'s"
  }

  /// Whether word `k` is a contracted `n't` written right after the word before it ("did" + "n't").
  func isCliticNot(_ k: Int) -> Bool {
    k > 0 && k < words.count && words[k].isClitic && words[k].lower == "n't"
  }

  /// The paragraph index holding `offset` (the next one for offsets between paragraphs).
  func paragraphIndex(of offset: Int) -> Int {
    let lo = paragraphs.partitioningIndex { $0.upperBound > offset }
    return min(lo, max(0, paragraphs.count - 1))
  }

  /// The paragraph holding `offset` (see ``paragraphIndex(of:)``); the whole text when there is none.
  func paragraph(of offset: Int) -> Range<Int> {
    paragraphs.isEmpty ? 0..<document.length : paragraphs[paragraphIndex(of: offset)]
  }

  /// The text of `start..<end`, clipped to the document.
  func text(_ start: Int, _ end: Int) -> String { document.text(from: start, to: end) }

  /// Start of the sentence (as the ``SentenceSplitter`` split them) holding `offset`, not before `lower`;
  /// `offset` itself when it lies between two sentences.
  func sentenceStart(before offset: Int, lower: Int) -> Int {
    // The last sentence starting at or before `offset`.
    let lo = sentences.partitioningIndex { $0.start > offset }
    guard lo > 0 else { return max(lower, 0) }
    let s = sentences[lo - 1]
    return max(lower, s.end > offset ? s.start : offset)
  }

  /// How many closing quote marks after a sentence's terminator ``sentenceEnd(after:upper:)`` looks back over.
  static let maxClosingMarks = 8

  /// End of the sentence holding `offset`, or of the first one after it, not after `upper`: right after its
  /// terminator, without the closing quote marks the splitter keeps in the sentence ("…win.”" ends after the
  /// period), so a sentence piece cut from inside a quote does not carry the quote's closing mark.
  func sentenceEnd(after offset: Int, upper: Int) -> Int {
    let limit = min(upper, document.length)
    let lo = sentences.partitioningIndex { $0.end > offset }
    guard lo < sentences.count else { return limit }
    let s = sentences[lo]
    // At most a few closing marks (a run of glued marks in hostile text keeps each lookup constant-time).
    var t = s.tokens.upperBound - 1
    while t > s.tokens.lowerBound && tokens[t].kind == .quote && s.tokens.upperBound - t <= Self.maxClosingMarks {
      t -= 1
    }
    let c = document.scalars[tokens[t].start]
    let afterTerminator = tokens[t].kind == .punctuation && CharClass.isSentenceTerminal(c)
    let end = t < s.tokens.upperBound - 1 && afterTerminator && tokens[t].end > offset ? tokens[t].end : s.end
    return min(limit, end)
  }
}
