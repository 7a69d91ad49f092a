import DocumentModel

/// Splits a document into word, number, quote and punctuation tokens with code point offsets.
///
/// The rules follow the Universal Dependencies conventions the tagger was trained on: a possessive `'s`
/// and `n't` are split off, hyphens are their own tokens, and abbreviations keep their period
/// ("Dr.", "U.S.", "a.m."). Apostrophes inside words (`O’Brien`) stay in the word; quote marks,
/// straight or curly, are tokens of kind ``Token/Kind/quote``.
///
/// ```swift
/// let doc = Document(id: "d", text: "Dr. Kim’s “plan” works.")
/// var a = AnalyzedDocument(document: doc)
/// Tokenizer().process(&a)   // Dr. | Kim | ’s | “ | plan | ” | works | .
/// ```
///
/// - Complexity: O(n) in the number of code points.
public struct Tokenizer: ExtractionStage {
  public let name = "tokenizer"
  public let requires: Set<ExtractionProduct> = []
  public var produces: Set<ExtractionProduct> { makesWords ? [.tokens, .words] : [.tokens] }
  /// Whether the stage also makes the word view (``AnalyzedDocument/words``: every token's lower-cased text and
  /// flags), which the speech and relation stages read. A pipeline that has none of them (`entitygraph mentions`)
  /// turns it off; the pipeline's check of each stage's `requires` catches a stage that needs it.
  public var makesWords: Bool

  public init(makesWords: Bool = true) { self.makesWords = makesWords }

  public func process(_ document: inout AnalyzedDocument) {
    document.tokens = Tokenizer.tokenize(document.document.scalars)
    if makesWords { document.words = TokenWord.words(of: document.tokens, in: document.document.scalars) }
  }

  /// Abbreviations that keep their final period (compared lower-cased, without the period).
  static let abbreviations: Set<String> = [
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "dept", "univ", "approx",
    "est", "fig", "vol", "pp", "cf", "al", "maj", "cmdr", "adm", "pres", "messrs", "mme", "mlle",
  ]

  /// Tokenizes a code point array. Offsets in the result index into `s`.
  public static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(s.count / 5)
    let n = s.count
    var i = 0
    while i < n {
      let c = s[i]
      if CharClass.isSpace(c) {
        let isNewline = CharClass.isNewline(c)
        if var last = tokens.last {
          last.spaceAfter = true
          if isNewline { last.newlineAfter = true }
          tokens[tokens.count - 1] = last
        }
        i += 1
        continue
      }
      let start = i
      var kind = Token.Kind.punctuation
      if CharClass.isLetter(c) {
        kind = .word
        i = scanWord(s, from: i)
      } else if CharClass.isDigit(c) {
        kind = .number
        i = scanNumber(s, from: i)
      } else if CharClass.isQuote(c) {
        // A straight or curly apostrophe followed by "s"/"S" and a non-letter after a word is a possessive.
        if (c == "'" || c == "\u{2019}"), let last = tokens.last, last.end == i, last.kind != .punctuation,
          last.kind != .quote, i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
          i + 2 >= n || !CharClass.isLetter(s[i + 2])
        {
          kind = .word
          i += 2
        } else {
          kind = .quote
          i += 1
        }
      } else {
        i += 1
        // Keep runs of the same dash or dots together ("--", "...").
        if c == "." || c == "-" || c == "\u{2014}" || c == "\u{2013}" {
          while i < n && s[i] == c { i += 1 }
        }
      }
      tokens.append(Token(start: start, end: i, kind: kind))
    }
    return tokens
  }

  /// Scans a word starting at a letter; returns the end offset. Splits "n't" and keeps abbreviations' periods.
  private static func scanWord(_ s: [Unicode.Scalar], from start: Int) -> Int {
    let n = s.count
    var i = start
    while i < n {
      let c = s[i]
      if CharClass.isLetter(c) || CharClass.isMark(c) || CharClass.isDigit(c) {
        i += 1
      } else if (c == "'" || c == "\u{2019}"), i + 1 < n, CharClass.isLetter(s[i + 1]) {
        // Inner apostrophe: keep unless it starts a possessive 's at the end of the word.
        if (s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 >= n || !CharClass.isLetter(s[i + 2])) {
          break
        }
        // "don't" → "do" + "n't"
        if (s[i + 1] == "t" || s[i + 1] == "T") && i - 1 > start && (s[i - 1] == "n" || s[i - 1] == "N")
          && (i + 2 >= n || !CharClass.isLetter(s[i + 2]))
        {
          return i - 1
        }
        i += 1
      } else if c == ".", i + 1 < n, CharClass.isLetter(s[i + 1]), i + 2 < n, s[i + 2] == ".",
        i - start == 1
      {
        // Initialisms: U.S., a.m., e.g.
        i += 2
        while i + 1 < n, CharClass.isLetter(s[i]), s[i + 1] == "." { i += 2 }
        return i + (i < n && s[i] == "." ? 1 : 0)
      } else {
        break
      }
    }
    if i < n, s[i] == "." {
      let length = i - start
      if length == 1 && CharClass.isUpper(s[start]) { return i + 1 }  // an initial: "J."
      if length <= 6 {
        var lowered = ""
        for k in start..<i {
          lowered.unicodeScalars.append(contentsOf: s[k].properties.lowercaseMapping.unicodeScalars)
        }
        if abbreviations.contains(lowered) { return i + 1 }
      }
    }
    return i
  }

  private static func scanNumber(_ s: [Unicode.Scalar], from start: Int) -> Int {
    let n = s.count
    var i = start
    while i < n {
      let c = s[i]
      if CharClass.isDigit(c) {
        i += 1
      } else if (c == "." || c == "," || c == ":" || c == "/"), i + 1 < n, CharClass.isDigit(s[i + 1]) {
        i += 1
      } else if CharClass.isLetter(c), i + 1 < n || true {
        // Ordinals and units glued to digits: 1st, 2nd, 10km.
        var j = i
        while j < n && CharClass.isLetter(s[j]) { j += 1 }
        if j - i <= 3 { i = j }
        break
      } else {
        break
      }
    }
    return i
  }
}
