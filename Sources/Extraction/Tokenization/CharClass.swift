/// The one table of code point classes: the tokenizer, the sentence splitter, the tagger's token features and
/// the speech stages all ask it, so "a letter", "a space" or "a digit" means the same thing everywhere.
///
/// ASCII answers come from comparisons; other code points ask the Unicode property tables.
///
/// - ``isDigit(_:)`` is ASCII `0`–`9` only: it is what the tokenizer splits numbers on and what the tagger
///   was trained with. Digits of other scripts are ``isNumeric(_:)`` (and so ``isAlnum(_:)``).
/// - ``isSpace(_:)`` is the Unicode `White_Space` property: ASCII space, tab, line feed, vertical tab, form
///   feed and carriage return, and the non-ASCII spaces.
enum CharClass {
  /// White space (Unicode `White_Space`).
  @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
    return c.properties.isWhitespace
  }

  /// Line and paragraph breaks.
  @inline(__always) static func isNewline(_ c: Unicode.Scalar) -> Bool {
    c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{85}"
  }

  /// Letters (Unicode `Alphabetic`).
  @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
    return c.properties.isAlphabetic
  }

  /// Upper-case letters.
  @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 0x41 && v <= 0x5A }
    return c.properties.isUppercase
  }

  /// Lower-case letters.
  @inline(__always) static func isLower(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 0x61 && v <= 0x7A }
    return c.properties.isLowercase
  }

  /// ASCII digits `0`–`9`.
  @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool {
    c.value >= 0x30 && c.value <= 0x39
  }

  /// Numbers of any script (ASCII digits, `٣`, `½`).
  @inline(__always) static func isNumeric(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 0x30 && v <= 0x39 }
    return c.properties.numericType != nil
  }

  /// Letters or numbers.
  @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
    return c.properties.isAlphabetic || c.properties.numericType != nil
  }

  /// Combining marks.
  @inline(__always) static func isMark(_ c: Unicode.Scalar) -> Bool {
    c.value >= 0x300
      && (c.properties.generalCategory == .nonspacingMark
        || c.properties.generalCategory == .spacingMark || c.properties.generalCategory == .enclosingMark)
  }

  /// What ends a sentence: `.`, `!`, `?` and `…`.
  @inline(__always) static func isSentenceTerminal(_ c: Unicode.Scalar) -> Bool {
    c == "." || c == "!" || c == "?" || c == "\u{2026}"
  }

  /// Quote marks and apostrophes, straight or curly, and guillemets.
  @inline(__always) static func isQuote(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{201A}", "\u{00AB}",
      "\u{00BB}", "\u{2039}", "\u{203A}", "\u{201F}", "\u{201B}", "`":
      return true
    default: return false
    }
  }
}
