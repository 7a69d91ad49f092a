/// Escaping of user text for quoted DOT values (plain labels, tooltips).
///
/// Every user string goes into a double-quoted DOT value, so it can never be read as a keyword,
/// an HTML label or a port. Inside the quotes the rules verified against Graphviz's own parser are:
///
/// | text | written as | why |
/// |---|---|---|
/// | `\` | `\\` | neutralises label escapes such as `\N`, `\G`, `\l` |
/// | line break (LF, CR, CR LF) | `\n` | raw newlines are dropped by the lexer |
/// | `"` | `\"` | the only quoting escape |
/// | `&`, `<`, `>` | `&amp;`, `&lt;`, `&gt;` | plain labels are entity-decoded on output |
/// | tab | space | |
/// | other control characters, NUL, non-characters (U+FFFE, U+FFFF, …) | U+FFFD | not representable in SVG/XML |
///
/// ```swift
/// DOTEscaping.quoted("say \"hi\"\n<now>")  // "\"say \\\"hi\\\"\\n&lt;now&gt;\""
/// ```
public enum DOTEscaping {
  /// The replacement for characters Graphviz or XML cannot carry.
  public static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

  /// The text a reader will see once the value is laid out: line breaks unified to LF, tabs as
  /// spaces, other control characters and non-characters as U+FFFD.
  ///
  /// This is what ``unescaped(_:)`` returns for the value written by ``escaped(_:)``.
  public static func visibleText(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    forEachNormalizedScalar(of: text) { out.append($0) }
    return String(out)
  }

  /// Escapes `text` for use between double quotes in DOT (the quotes are not added).
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    forEachNormalizedScalar(of: text) { scalar in
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\"": out += "\\\""
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` escaped and wrapped in double quotes: a complete DOT value.
  public static func quoted(_ text: String) -> String {
    "\"" + escaped(text) + "\""
  }

  /// Reverses ``escaped(_:)`` on a value as Graphviz's parser stores it (after the lexer has
  /// removed the quotes and turned `\"` into `"`).
  ///
  /// `unescaped(parsed(escaped(s))) == visibleText(s)` for every string `s`; the rendering tests
  /// check this through Graphviz's parser.
  public static func unescaped(_ value: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = value.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      switch scalar {
      case "\\":
        guard let next = scalars.popFirst() else {
          out.append(scalar)
          break
        }
        switch next {
        case "n": out.append("\n")
        case "\"": out.append("\"")
        default: out.append(next)
        }
      case "&":
        if let (decoded, length) = entities.first(where: { scalars.starts(with: $0.name.unicodeScalars) })
          .map({ ($0.character, $0.name.unicodeScalars.count) })
        {
          out.append(decoded)
          scalars = scalars.dropFirst(length)
        } else {
          out.append(scalar)
        }
      default:
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// The entities ``escaped(_:)`` writes, without their leading `&`.
  private static let entities: [(name: String, character: Unicode.Scalar)] = [
    ("amp;", "&"), ("lt;", "<"), ("gt;", ">"),
  ]

  /// Calls `body` with each scalar of `text` after line-break, tab and control normalisation.
  private static func forEachNormalizedScalar(of text: String, _ body: (Unicode.Scalar) -> Void) {
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar {
      case "\r":
        body("\n")
      case "\n":
        if !previousWasCarriageReturn { body("\n") }
      case "\t":
        body(" ")
      default:
        if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint {
          body(replacementCharacter)
        } else {
          body(scalar)
        }
      }
    }
  }
}
