/// Where a fact came from: a span of one document, with its text.
///
/// Offsets count **Unicode code points** (Python `str` indices), are 0-based, and `end` is exclusive.
public struct Evidence: Codable, Hashable, Sendable, Comparable {
  /// The document id (file name without extension).
  public var doc: String
  /// 0-based code point offset of the first character.
  public var start: Int
  /// 0-based code point offset one past the last character.
  public var end: Int
  /// The text between the offsets.
  public var text: String
  /// 0-based index of the sentence that holds `start`, when known.
  public var sentence: Int?

  public init(doc: String, start: Int, end: Int, text: String, sentence: Int? = nil) {
    self.doc = doc
    self.start = start
    self.end = end
    self.text = text
    self.sentence = sentence
  }

  public static func < (a: Evidence, b: Evidence) -> Bool {
    (a.doc, a.start, a.end, a.text) < (b.doc, b.start, b.end, b.text)
  }
}

/// One occurrence of an entity in a document. Offsets as in ``Evidence`` (code points, end exclusive).
public typealias Mention = Evidence
