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
