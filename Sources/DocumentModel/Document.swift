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
    self.scalars = Document.codePoints(of: text)
  }

  /// `Array(text.unicodeScalars)` in one decoding pass, into room for as many scalars as UTF-8 bytes (`Array`
  /// counts the scalars first, a second decoding of every document).
  static func codePoints(of text: String) -> [Unicode.Scalar] {
    [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
      for scalar in text.unicodeScalars {
        buffer[count] = scalar
        count += 1
      }
    }
  }

  /// Number of code points.
  public var length: Int { scalars.count }

  /// The text between two code point offsets (clamped to the document).
  public func text(from start: Int, to end: Int) -> String {
    let s = max(0, min(start, scalars.count))
    let e = max(s, min(end, scalars.count))
    // The UTF-8 bytes written straight into the new string (every span of every mention, evidence and quote
    // is cut here; appending scalars to a `UnicodeScalarView` went through a generic, slow path).
    var byteCount = 0
    for k in s..<e { byteCount += UTF8.width(scalars[k]) }
    return String(unsafeUninitializedCapacity: byteCount) { buffer in
      var i = 0
      for k in s..<e {
        let v = scalars[k].value
        if v < 0x80 {
          buffer[i] = UInt8(v)
          i += 1
        } else if v < 0x800 {
          buffer[i] = UInt8(0xC0 | (v >> 6))
          buffer[i + 1] = UInt8(0x80 | (v & 0x3F))
          i += 2
        } else if v < 0x1_0000 {
          buffer[i] = UInt8(0xE0 | (v >> 12))
          buffer[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
          buffer[i + 2] = UInt8(0x80 | (v & 0x3F))
          i += 3
        } else {
          buffer[i] = UInt8(0xF0 | (v >> 18))
          buffer[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
          buffer[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
          buffer[i + 3] = UInt8(0x80 | (v & 0x3F))
          i += 4
        }
      }
      return i
    }
  }

  /// Evidence for the span `start..<end` in this document; its text is ``excerpt(from:to:)``.
  public func evidence(_ start: Int, _ end: Int, sentence: Int? = nil) -> Evidence {
    Evidence(doc: id, start: start, end: end, text: excerpt(from: start, to: end), sentence: sentence)
  }

  /// The text an evidence, quote or span record writes for `start..<end`: the whole slice when it has at most
  /// ``Evidence/textLimit`` code points, else a window of its first and last ``Evidence/textEdge`` code points
  /// joined by ``Evidence/textGap`` (the offsets still cover the whole span). A quote of a whole 10 MB document
  /// is then about 4 KB of JSON, not 10 MB per fact that cites it.
  public func excerpt(from start: Int, to end: Int) -> String {
    let s = max(0, min(start, scalars.count))
    let e = max(s, min(end, scalars.count))
    guard e - s > Evidence.textLimit else { return text(from: s, to: e) }
    return text(from: s, to: s + Evidence.textEdge) + Evidence.textGap + text(from: e - Evidence.textEdge, to: e)
  }
}
