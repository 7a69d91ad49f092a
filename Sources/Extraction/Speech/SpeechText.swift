import DocumentModel

/// A word-level view of a document used by the speech and relation stages.
///
/// It works from the raw code points so that the speech stages do not depend on how an earlier
/// stage tokenized the text. Offsets are code points, 0-based, end exclusive.
struct SpeechText {
  /// One word or punctuation mark.
  struct Word {
    var start: Int
    var end: Int
    /// Lower-cased text, curly apostrophes folded to `'`.
    var lower: String
    /// Letters or digits (as opposed to one punctuation code point).
    var isWord: Bool
    /// The first code point is an upper-case letter.
    var isCapitalized: Bool
  }

  let scalars: [Unicode.Scalar]
  private(set) var words: [Word] = []
  /// Paragraphs: maximal runs of text between line breaks.
  private(set) var paragraphs: [Range<Int>] = []
  /// Offsets of line breaks and sentence-ending marks, ascending.
  private(set) var boundaries: [Int] = []

  /// Words that never end a sentence when followed by a period.
  static let abbreviations: Set<String> = [
    "dr", "mr", "mrs", "ms", "prof", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rep", "sen",
    "gov", "jr", "sr", "no", "vs", "inc", "ltd", "co", "corp", "mt", "ft", "rev", "hon", "amb", "cf",
    "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
  ]

  init(_ document: Document) { self.init(scalars: document.scalars) }

  init(scalars: [Unicode.Scalar]) {
    self.scalars = scalars
    tokenize()
    // Sentence ends and line breaks, once, so that sentence lookups are logarithmic even in text with no
    // punctuation.
    for i in scalars.indices {
      let c = scalars[i]
      if CharClass.isNewline(c) || (c == "." || c == "!" || c == "?") && isSentenceEnd(at: i) { boundaries.append(i) }
    }
    var start = 0
    for i in 0...scalars.count {
      if i == scalars.count || CharClass.isNewline(scalars[i]) {
        if i > start { paragraphs.append(start..<i) }
        start = i + 1
      }
    }
  }

  private mutating func tokenize() {
    var i = 0
    let n = scalars.count
    while i < n {
      let s = scalars[i]
      if CharClass.isSpace(s) {
        i += 1
        continue
      }
      if CharClass.isAlnum(s) {
        var j = i + 1
        while j < n {
          let c = scalars[j]
          if CharClass.isAlnum(c) || c.value >= 0x80 && c.properties.generalCategory == .nonspacingMark {
            j += 1
          } else if (c == "'" || c == "\u{2019}" || c == "-" || c == "\u{2010}" || c == "\u{2011}" || c == ".")
            && j + 1 < n && CharClass.isAlnum(scalars[j + 1])
          {
            // "don't", "Ortiz-Vega", "U.S", "1.5" — but not a sentence end followed by a letter without space.
            if c == "." && !SpeechText.isSingleLetterRun(scalars, i, j)
              && !(CharClass.isDigit(scalars[j - 1]) && CharClass.isDigit(scalars[j + 1]))
            {
              break
            }
            j += 2
          } else {
            break
          }
        }
        if scalars[i..<j].allSatisfy({ $0.value < 0x80 }) {
          // ASCII: the lower-cased bytes written at once (the same string as the loop below builds).
          let start = i
          let lower = String(unsafeUninitializedCapacity: j - i) { buffer in
            for k in start..<j {
              let v = scalars[k].value
              buffer[k - start] = UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            }
            return j - start
          }
          words.append(Word(start: i, end: j, lower: lower, isWord: true, isCapitalized: CharClass.isUpper(s)))
          i = j
          continue
        }
        var lower = ""
        var ascii = true
        for c in scalars[i..<j] {
          if c.value >= 0x41 && c.value <= 0x5A {
            lower.unicodeScalars.append(Unicode.Scalar(c.value + 0x20)!)
          } else {
            if c.value >= 0x80 { ascii = false }
            lower.unicodeScalars.append(c == "\u{2019}" ? "'" : c)
          }
        }
        words.append(
          Word(start: i, end: j, lower: ascii ? lower : lower.lowercased(), isWord: true, isCapitalized: CharClass.isUpper(s)))
        i = j
      } else {
        var text = String(s)
        if s == "\u{2019}" { text = "'" }
        words.append(Word(start: i, end: i + 1, lower: text, isWord: false, isCapitalized: false))
        i += 1
      }
    }
  }

  /// Whether `scalars[from..<dot]` is a single letter ("U" of "U.S").
  private static func isSingleLetterRun(_ s: [Unicode.Scalar], _ from: Int, _ dot: Int) -> Bool {
    var k = dot - 1
    while k >= from && s[k] != "." { k -= 1 }
    return dot - (k + 1) == 1
  }

  // MARK: - Lookup

  /// Index of the first word whose start is at or after `offset`.
  func wordIndex(atOrAfter offset: Int) -> Int {
    var lo = 0
    var hi = words.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if words[mid].start < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Indices of the words inside `start..<end`.
  func wordRange(_ start: Int, _ end: Int) -> Range<Int> {
    let a = wordIndex(atOrAfter: start)
    var b = a
    while b < words.count && words[b].end <= end { b += 1 }
    return a..<b
  }

  /// The paragraph index holding `offset` (the previous one for offsets on a line break).
  func paragraphIndex(of offset: Int) -> Int {
    var lo = 0
    var hi = paragraphs.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if paragraphs[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
    }
    return min(lo, max(0, paragraphs.count - 1))
  }

  func text(_ start: Int, _ end: Int) -> String {
    var out = String.UnicodeScalarView()
    let s = max(0, min(start, scalars.count))
    out.append(contentsOf: scalars[s..<max(s, min(end, scalars.count))])
    return String(out)
  }

  /// Whether the code point at `i` ends a sentence (`.`, `!`, `?` not after an abbreviation, followed by space).
  func isSentenceEnd(at i: Int) -> Bool {
    guard i >= 0, i < scalars.count else { return false }
    let s = scalars[i]
    guard s == "." || s == "!" || s == "?" else { return false }
    // Followed by whitespace, a closing mark then whitespace, or the end.
    var j = i + 1
    while j < scalars.count && QuoteMarks.isMark(scalars[j]) { j += 1 }
    if j < scalars.count && !CharClass.isSpace(scalars[j]) { return false }
    if s == "." {
      let w = wordIndex(atOrAfter: i) - 1
      if w >= 0 && words[w].end == i && words[w].isWord {
        let word = words[w].lower
        if SpeechText.abbreviations.contains(word) { return false }
        if word.unicodeScalars.count == 1 && words[w].isCapitalized { return false }
      }
    }
    return true
  }

  /// Start of the sentence holding `offset`, not before `lower`.
  func sentenceStart(before offset: Int, lower: Int) -> Int {
    // The last boundary before `offset`.
    var lo = 0
    var hi = boundaries.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if boundaries[mid] < offset { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0, boundaries[lo - 1] >= lower else { return max(lower, 0) }
    let i = boundaries[lo - 1]
    if CharClass.isNewline(scalars[i]) { return i + 1 }
    var j = i + 1
    while j < offset && (CharClass.isSpace(scalars[j]) || QuoteMarks.isClosing(scalars[j])) { j += 1 }
    return j
  }

  /// End of the sentence holding `offset` (exclusive, after the terminator), not after `upper`.
  func sentenceEnd(after offset: Int, upper: Int) -> Int {
    let limit = min(upper, scalars.count)
    // The first boundary at or after `offset`.
    var lo = 0
    var hi = boundaries.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if boundaries[mid] < offset { lo = mid + 1 } else { hi = mid }
    }
    guard lo < boundaries.count, boundaries[lo] < limit else { return limit }
    let i = boundaries[lo]
    return CharClass.isNewline(scalars[i]) ? i : i + 1
  }
}

/// Classification of quotation marks.
enum QuoteMarks {
  static func isMark(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{201A}":
      return true
    default: return false
    }
  }
  static func isClosing(_ s: Unicode.Scalar) -> Bool {
    s == "\u{201D}" || s == "\u{2019}" || s == "\u{00BB}" || s == "\"" || s == "'"
  }
  static func isOpening(_ s: Unicode.Scalar) -> Bool {
    s == "\u{201C}" || s == "\u{2018}" || s == "\u{201E}" || s == "\u{00AB}" || s == "\"" || s == "'" || s == "\u{201A}"
  }
}
