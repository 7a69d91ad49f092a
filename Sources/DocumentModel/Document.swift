/// The text of one document, with code point indexing.
///
/// All offsets in EntityGraph count **Unicode code points** from 0, end exclusive (Python's `str`
/// indices), so they can be checked from any language.
public struct Document: Sendable {
  /// Document id: the file name without its extension.
  public let id: String
  /// The path it was read from, as given.
  public let path: String
  /// The full text.
  public let text: String
  /// The text as code points; `scalars[i]` is the code point at offset `i`.
  public let scalars: [Unicode.Scalar]

  public init(id: String, path: String = "", text: String) {
    self.id = id
    self.path = path
    self.text = text
    self.scalars = Array(text.unicodeScalars)
  }

  /// Number of code points.
  public var length: Int { scalars.count }

  /// The text between two code point offsets (clamped to the document).
  public func text(from start: Int, to end: Int) -> String {
    let s = max(0, min(start, scalars.count))
    let e = max(s, min(end, scalars.count))
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[s..<e])
    return String(out)
  }

  /// Evidence for the span `start..<end` in this document.
  public func evidence(_ start: Int, _ end: Int, sentence: Int? = nil) -> Evidence {
    Evidence(doc: id, start: start, end: end, text: text(from: start, to: end), sentence: sentence)
  }
}
