import Foundation

/// Escaping of text for the HTML report: element text, attribute values, and JSON inside `<script>`.
///
/// | where | escaped | why |
/// |---|---|---|
/// | element text, attribute value | `&` `<` `>` `"` `'` as character references | text never becomes markup |
/// | JSON in a `<script>` element | `<` `>` `&` U+2028 U+2029 as `\u003c` … | `</script>` or `<!--` can't end or bend the element |
///
/// Control characters other than tab, LF and CR become U+FFFD in element text and attributes, since HTML
/// does not allow them.
///
/// ```swift
/// HTMLEscaping.text("<img src=x onerror=alert(1)>")  // "&lt;img src=x onerror=alert(1)&gt;"
/// HTMLEscaping.scriptJSON("{\"n\":\"</script>\"}")     // "{\"n\":\"\\u003c/script\\u003e\"}"
/// ```
public enum HTMLEscaping {
  /// `text` escaped for use as element content or inside a double- or single-quoted attribute value.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func text(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint {
          out.unicodeScalars.append(DOTEscaping.replacementCharacter)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// JSON text made safe to sit between `<script type="application/json">` and `</script>`.
  ///
  /// Only characters inside JSON strings can be `<`, `>`, `&`, U+2028 or U+2029, and each becomes its
  /// `\uXXXX` escape, which `JSON.parse` reads back as the same character.
  public static func scriptJSON(_ json: String) -> String {
    var out = ""
    out.reserveCapacity(json.utf8.count + 64)
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
