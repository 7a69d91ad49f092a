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
  /// The text between the offsets, or, for a span longer than ``textLimit`` code points, its first and last
  /// ``textEdge`` code points joined by ``textGap`` (see ``isAbridged``).
  public var text: String
  /// 0-based index of the sentence that holds `start`, when known.
  public var sentence: Int?
  /// How an entity mention names its entity when not by name: ``Form/demonym`` for "Iranian" naming Iran.
  /// `nil` (and absent from JSON) for names and for evidence that is not a mention.
  public var form: Form?

  /// How a mention names its entity when it does not use the entity's name.
  public enum Form: String, Codable, Hashable, Sendable, Comparable {
    /// A demonym or nationality adjective ("Iranian", "Turkish") standing for its country.
    case demonym

    public static func < (a: Form, b: Form) -> Bool { a.rawValue < b.rawValue }
  }

  /// The longest span whose whole text an evidence, quote or span carries (code points).
  public static let textLimit = 4_000
  /// How many code points of each end of a longer span its text keeps.
  public static let textEdge = 1_500
  /// What joins the two ends of an abridged text.
  public static let textGap = " […] "

  /// Whether the span is longer than ``textLimit``, so ``text`` holds only its two ends.
  public var isAbridged: Bool { end - start > Self.textLimit }

  public init(doc: String, start: Int, end: Int, text: String, sentence: Int? = nil, form: Form? = nil) {
    self.doc = doc
    self.start = start
    self.end = end
    self.text = text
    self.sentence = sentence
    self.form = form
  }

  /// Hashes where the evidence is, not its text: the text of a span of a document is that span's, and hashing
  /// it (Unicode-normalized, up to ``textLimit`` code points) was most of merging the graph of a text full of
  /// combining marks and emoji. Equality still compares every field, the text included.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(doc)
    hasher.combine(start)
    hasher.combine(end)
    hasher.combine(sentence)
    hasher.combine(form)
  }

  /// Orders by document, offsets, text, then sentence (unknown first). The sentence takes part so the
  /// order is total: two evidences differing only in it used to tie, and `Array(Set(…)).sorted()`
  /// then put them in hash order, so a graph read from JSON did not always equal itself written and
  /// read again (found by the graph-json fuzz target).
  public static func < (a: Evidence, b: Evidence) -> Bool {
    (a.doc, a.start, a.end, a.text, a.sentence ?? -1, a.form?.rawValue ?? "")
      < (b.doc, b.start, b.end, b.text, b.sentence ?? -1, b.form?.rawValue ?? "")
  }
}

/// One occurrence of an entity in a document. Offsets as in ``Evidence`` (code points, end exclusive).
public typealias Mention = Evidence
