import Foundation

/// The one place that decides when two spellings are the same name.
///
/// Every layer that compares names goes through these functions: entity ids (``EntityID/slug(_:)``),
/// extraction's within-document identity, the store's cross-document merging and the diagram's
/// `--focus` search. A name is read as its **words**: runs of letters and digits (any script),
/// case-, accent- and width-folded ("José" → "jose", "ＵＮ" → "un"), apostrophes dropped inside words
/// ("O’Brien" → "obrien"), everything else a separator.
///
/// ```swift
/// NameNormalizer.words("Dr. José O’Brien")    // ["dr", "jose", "obrien"]
/// NameNormalizer.slug("Dr. José O’Brien")     // "dr-jose-obrien"
/// NameNormalizer.key("The Roe Foundation's")  // "roe foundation"
/// ```
public enum NameNormalizer {
  /// The folded words of `name`.
  ///
  /// - Complexity: O(n) in the length of `name`.
  public static func words(_ name: String) -> [String] {
    if let ascii = asciiWords(name) { return ascii }
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in folded(name).unicodeScalars {
      if isWordScalar(scalar) {
        current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue
      } else if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// The words joined with `-`, or `x` for a name without letters or digits: the slug of an ``EntityID``.
  public static func slug(_ name: String) -> String {
    let w = words(name)
    return w.isEmpty ? "x" : w.joined(separator: "-")
  }

  /// ``words(_:)`` of an ASCII name without Foundation's folding (which changes nothing in ASCII but case):
  /// ids are made for every mention, so this is on the hot path. `nil` when `name` is not ASCII.
  private static func asciiWords(_ name: String) -> [String]? {
    var words: [String] = []
    var current: [UInt8] = []
    for b in name.utf8 {
      if b >= 0x80 { return nil }
      if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
        current.append(b)
      } else if b >= 0x41 && b <= 0x5A {
        current.append(b + 0x20)
      } else if b == 0x27 {
        continue
      } else if !current.isEmpty {
        words.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    return words
  }

  /// The words joined with single spaces: what a search for a name compares (`--focus "jose  marti"`
  /// finds "José Martí").
  public static func searchForm(_ name: String) -> String { words(name).joined(separator: " ") }

  /// The merge key of a name: its words without a leading "the" (when more words follow) and without a
  /// final possessive "'s", joined with single spaces. Two names with the same key name the same thing.
  public static func key(_ name: String) -> String {
    var w = words(name)
    if w.count > 1 && w[0] == "the" { w.removeFirst() }
    if let last = w.last, last.count > 2, last.hasSuffix("s"), name.hasSuffix("'s") || name.hasSuffix("\u{2019}s") {
      w[w.count - 1] = String(last.dropLast())
    }
    return w.joined(separator: " ")
  }

  /// A span's text compared within one document: case-folded, curly apostrophes straightened, white
  /// space collapsed; punctuation and accents kept ("U.S." and "US" stay apart here).
  public static func surfaceForm(_ text: String) -> String {
    // Most names are ASCII with single spaces between words: lower-cased, they are already the form.
    var previousSpace = true
    var clean = true
    for b in text.utf8 {
      if b >= 0x80 || b < 0x20 || b == 0x20 && previousSpace {
        clean = false
        break
      }
      previousSpace = b == 0x20
    }
    if clean && !previousSpace { return text.lowercased() }
    var lower = text.lowercased()
    if lower.unicodeScalars.contains("\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
    return lower.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func folded(_ name: String) -> String {
    name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
  }

  private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || s.properties.numericType != nil
  }
}
