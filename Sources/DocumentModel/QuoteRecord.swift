/// One piece of attributed speech: who said which words, where, and how the tool knows.
///
/// Every quote, partial quote, reported clause and interview turn the pipeline finds is a record, whether or
/// not its words name an entity and whether or not the speaker could be resolved: "officials said" gives a
/// record with a `nil` ``speaker`` and a ``speakerMention`` pointing at "officials". Offsets are code points,
/// end exclusive, as in ``Evidence``; the quote marks are outside the span.
///
/// The JSON shape is the `quotes` section of the graph interchange format:
///
/// ```json
/// {"id": "q:doc:120", "doc": "doc", "start": 120, "end": 160, "text": "…", "kind": "direct",
///  "speaker": "person:jane-roe", "speaker_mention": {"start": 163, "end": 165, "text": "she"},
///  "cue": {"start": 166, "end": 170, "text": "said"}, "embedded_in": null,
///  "mentions": ["country:iran"], "confidence": 0.9, "source": "cue-after-quote"}
/// ```
public struct QuoteRecord: Codable, Hashable, Sendable, Comparable {
  /// What kind of speech the record holds.
  public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
    /// A whole quoted sentence or more, between quote marks.
    case direct
    /// A quoted phrase inside narration: called him a “con artist”.
    case partial
    /// Reported speech without quote marks: she said the plan had failed (the span is the reported clause).
    case indirect
    /// An interview answer, or a transcript line under a speaker label (`SMITH:`).
    case turn
    /// A quote the speaker cites inside their own words; ``QuoteRecord/embeddedIn`` names the outer quote.
    case embedded

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  /// A span of the document: code point offsets (end exclusive) and the text between them.
  public struct Span: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
      self.start = start
      self.end = end
      self.text = text
    }

    /// A span from columns that may each be missing (a store row); `nil` unless all three are present.
    public init?(start: Int?, end: Int?, text: String?) {
      guard let start, let end, let text else { return nil }
      self.init(start: start, end: end, text: text)
    }
  }

  /// `q:<doc>:<start>`, with `:<end>` and a kind suffix only where two records of one document share a start.
  public var id: String
  /// The document id.
  public var doc: String
  public var start: Int
  public var end: Int
  /// The attributed words, quote marks excluded.
  public var text: String
  public var kind: Kind
  /// The speaker entity, or `nil` when the text names no resolvable speaker.
  public var speaker: EntityID?
  /// The words that name the speaker at this quote (a name, a pronoun, a role noun), or `nil` (a continued
  /// quote).
  public var speakerMention: Span?
  /// The cue words ("said", "according to", a label's colon), or `nil`.
  public var cue: Span?
  /// The id of the quote this one is cited inside, for ``Kind/embedded``.
  public var embeddedIn: String?
  /// The entities named inside the quote, sorted: the same facts as the speaker's `mentioned` relations.
  public var mentions: [EntityID]
  /// 0...1.
  public var confidence: Double
  /// The rule or model that attributed it, e.g. `cue-after-quote`.
  public var source: String

  public init(
    id: String? = nil, doc: String, start: Int, end: Int, text: String, kind: Kind, speaker: EntityID? = nil,
    speakerMention: Span? = nil, cue: Span? = nil, embeddedIn: String? = nil, mentions: [EntityID] = [],
    confidence: Double = 0, source: String = ""
  ) {
    self.id = id ?? QuoteRecord.id(doc: doc, start: start)
    self.doc = doc
    self.start = start
    self.end = end
    self.text = text
    self.kind = kind
    self.speaker = speaker
    self.speakerMention = speakerMention
    self.cue = cue
    self.embeddedIn = embeddedIn
    self.mentions = mentions
    self.confidence = confidence
    self.source = source
  }

  /// The record id of a quote of `doc` starting at `start`.
  public static func id(doc: String, start: Int) -> String { "q:\(doc):\(start)" }

  /// Canonical order: document, span (outer before inner), kind, id.
  public static func < (a: QuoteRecord, b: QuoteRecord) -> Bool {
    (a.doc, a.start, -a.end, a.kind, a.id) < (b.doc, b.start, -b.end, b.kind, b.id)
  }

  private enum CodingKeys: String, CodingKey {
    case id, doc, start, end, text, kind, speaker, cue, mentions, confidence, source
    case speakerMention = "speaker_mention"
    case embeddedIn = "embedded_in"
  }

  /// Encodes every key, `null` included, so each record has the same shape.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(doc, forKey: .doc)
    try c.encode(start, forKey: .start)
    try c.encode(end, forKey: .end)
    try c.encode(text, forKey: .text)
    try c.encode(kind, forKey: .kind)
    try c.encode(speaker, forKey: .speaker)
    try c.encode(speakerMention, forKey: .speakerMention)
    try c.encode(cue, forKey: .cue)
    try c.encode(embeddedIn, forKey: .embeddedIn)
    try c.encode(mentions, forKey: .mentions)
    try c.encode(confidence, forKey: .confidence)
    try c.encode(source, forKey: .source)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), doc: try c.decode(String.self, forKey: .doc),
      start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
      text: try c.decodeIfPresent(String.self, forKey: .text) ?? "", kind: try c.decode(Kind.self, forKey: .kind),
      speaker: try c.decodeIfPresent(EntityID.self, forKey: .speaker),
      speakerMention: try c.decodeIfPresent(Span.self, forKey: .speakerMention),
      cue: try c.decodeIfPresent(Span.self, forKey: .cue),
      embeddedIn: try c.decodeIfPresent(String.self, forKey: .embeddedIn),
      mentions: try c.decodeIfPresent([EntityID].self, forKey: .mentions) ?? [],
      confidence: try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 0,
      source: try c.decodeIfPresent(String.self, forKey: .source) ?? "")
  }
}
