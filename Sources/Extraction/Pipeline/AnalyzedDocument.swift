import DocumentModel

/// A token: a span of the document with its class. Offsets are code points, 0-based, end exclusive.
public struct Token: Hashable, Sendable {
  public enum Kind: UInt8, Sendable {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("don't", "U.S.").
    case word
    /// Digits, possibly with inner `.,:/-` ("1,000", "2023-11-16", "9:30").
    case number
    /// An opening or closing quote mark (straight or curly, single or double, guillemets).
    case quote
    /// Any other punctuation or symbol, one code point.
    case punctuation
  }
  public var start: Int
  public var end: Int
  public var kind: Kind
  /// Whether whitespace follows before the next token (or the end).
  public var spaceAfter: Bool
  /// Whether a line break lies between this token and the next one.
  public var newlineAfter: Bool

  public init(start: Int, end: Int, kind: Kind, spaceAfter: Bool = false, newlineAfter: Bool = false) {
    self.start = start
    self.end = end
    self.kind = kind
    self.spaceAfter = spaceAfter
    self.newlineAfter = newlineAfter
  }
}

/// A sentence: a range of tokens, and its code point span.
public struct Sentence: Hashable, Sendable {
  /// 0-based index in the document.
  public var index: Int
  /// Token indices `tokens.lowerBound..<tokens.upperBound`.
  public var tokens: Range<Int>
  public var start: Int
  public var end: Int
  /// 0-based index of the paragraph (blank-line or line-break separated block) holding the sentence.
  public var paragraph: Int

  public init(index: Int, tokens: Range<Int>, start: Int, end: Int, paragraph: Int) {
    self.index = index
    self.tokens = tokens
    self.start = start
    self.end = end
    self.paragraph = paragraph
  }
}

/// One recognized mention of an entity, resolved to the entity it names.
public struct EntityMention: Hashable, Sendable {
  public var start: Int
  public var end: Int
  public var kind: EntityKind
  /// The entity this mention belongs to after canonicalization.
  public var entity: EntityID
  /// Whether the surface form is a demonym or adjective ("Iranian" → Iran) rather than a name.
  /// Demonym mentions count as mentions for speech, but are not exported as entity name spans.
  public var isDemonym: Bool
  /// 0...1.
  public var confidence: Double
  /// The rule or model that produced it.
  public var source: MentionRule

  public init(
    start: Int, end: Int, kind: EntityKind, entity: EntityID, isDemonym: Bool = false,
    confidence: Double = 1, source: MentionRule = .supplied
  ) {
    self.start = start
    self.end = end
    self.kind = kind
    self.entity = entity
    self.isDemonym = isDemonym
    self.confidence = confidence
    self.source = source
  }
}

extension [EntityMention] {
  /// Indices of the mentions that start inside `start..<end`, in a list sorted by start (two binary searches);
  /// a caller wanting only those wholly inside also checks each one's `end`.
  func mentionIndices(startingIn start: Int, _ end: Int) -> Range<Int> {
    let first = partitioningIndex { $0.start >= start }
    return first..<Swift.max(first, partitioningIndex { $0.start >= end })
  }
}

/// A stretch of words attributed (or not yet) to a speaker.
public struct Quote: Hashable, Sendable {
  public enum Form: String, Sendable, Codable {
    /// Words between quote marks.
    case direct
    /// Narration that reports speech without marks ("She noted that …").
    case reported
  }
  /// Span of the quoted words, without the marks. Code points, end exclusive.
  public var start: Int
  public var end: Int
  public var form: Form
  /// The speaker, once attributed.
  public var speaker: EntityID?
  /// The cue that attributes it ("said", "according to"), as evidence.
  public var cue: Evidence?
  /// Nesting depth: 0 for a top-level quote, 1 for a quote inside a quote.
  public var depth: Int
  /// 0...1 confidence of the attribution.
  public var confidence: Double
  /// The attribution rule that found the speaker (`nil` while unattributed).
  public var rule: QuoteRule?
  /// The words naming the speaker at this quote (a name, a pronoun, a role noun), when known.
  public var speakerMention: Range<Int>?
  /// The cue words proper ("said", "according to", a label's colon), when known.
  public var cueWords: Range<Int>?
  /// What kind of speech the record of this quote holds; `nil` for words in quote marks that are not speech
  /// (a title after "titled", a scare quote with no speech cue).
  public var kind: QuoteRecord.Kind?
  /// Index (in ``AnalyzedDocument/quotes``) of the quote this one is cited inside, for embedded quotes.
  public var embeddedIn: Int?
  /// False once a rule has found the marks hold a name or title rather than speech.
  public var isSpeech = true

  public init(
    start: Int, end: Int, form: Form, speaker: EntityID? = nil, cue: Evidence? = nil,
    depth: Int = 0, confidence: Double = 0
  ) {
    self.start = start
    self.end = end
    self.form = form
    self.speaker = speaker
    self.cue = cue
    self.depth = depth
    self.confidence = confidence
  }
}

/// A document together with everything the pipeline stages have found in it.
public struct AnalyzedDocument: Sendable {
  public let document: Document
  public var tokens: [Token] = []
  /// The word view of each token (`words[i]` describes `tokens[i]`), filled by the ``Tokenizer``.
  public var words: [TokenWord] = []
  public var sentences: [Sentence] = []
  /// Code point spans of the paragraphs (from a paragraph's first token to its last), filled with the
  /// sentences by the ``SentenceSplitter``; ``Sentence/paragraph`` indexes them.
  public var paragraphs: [Range<Int>] = []
  /// Entity mentions, sorted by start offset, non-overlapping except nested names.
  public var mentions: [EntityMention] = []
  /// The document's entities after canonicalization (aliases and mentions filled in).
  public var entities: [EntityID: Entity] = [:]
  public var quotes: [Quote] = []
  public var relations: [Relation] = []
  public var diagnostics: [Diagnostic] = []
  /// The entity recognizer's token analysis, for later stages of the same run; dropped when the pipeline
  /// ends (see ``Pipeline/run(_:)``), so a kept document does not hold it.
  var tokenAnalysis: TokenAnalysis?

  public init(document: Document) { self.document = document }

  /// The text of a token.
  public func text(of token: Token) -> String { document.text(from: token.start, to: token.end) }

  /// The sentence containing code point offset `offset`, if any (binary search).
  public func sentenceIndex(containing offset: Int) -> Int? {
    let lo = sentences.partitioningIndex { $0.end > offset }
    return lo < sentences.count && sentences[lo].start <= offset ? lo : nil
  }

  /// The graph of this document: its entities and relations, sorted.
  public func makeGraph() -> KnowledgeGraph {
    makeGraph(info: documentInfo())
  }

  /// How the graph lists this document: id, path, SHA-256 of the text and length.
  public func documentInfo() -> DocumentInfo {
    DocumentInfo(
      id: document.id, path: document.path, sha256: SHA256.hex(of: document.text.utf8), length: document.length)
  }

  /// ``makeGraph()`` with the document listed as `info` (computed once for the segments of a long document).
  public func makeGraph(info: DocumentInfo) -> KnowledgeGraph {
    var graph = KnowledgeGraph(documents: [info])
    for id in entities.keys.sorted() { graph.add(entities[id]!) }
    for r in relations { graph.add(r) }
    graph.add(quotes: quoteRecords())
    graph.dropDanglingRelations()
    return graph
  }

  /// The quote records of this document: one per quote the speech stages classified as speech, with the
  /// entities named inside it (the speaker excluded, as in `mentioned`). Ids are `q:<doc>:<start>`, with the
  /// end (and kind) added only where two records share a start.
  public func quoteRecords() -> [QuoteRecord] {
    let speech = quotes.indices.filter { quotes[$0].kind != nil }
    guard !speech.isEmpty else { return [] }
    var starts: [Int: Int] = [:]
    for i in speech { starts[quotes[i].start, default: 0] += 1 }
    var ids: [Int: String] = [:]
    var used: Set<String> = []
    for i in speech {
      let q = quotes[i]
      var id = QuoteRecord.id(doc: document.id, start: q.start)
      if starts[q.start]! > 1 { id += ":\(q.end)" }
      if !used.insert(id).inserted {
        id += ":\(q.kind!.rawValue)"
        var n = 2
        while !used.insert(id + "-\(n)").inserted { n += 1 }
        id += "-\(n)"
      }
      ids[i] = id
    }
    func span(_ r: Range<Int>?) -> QuoteRecord.Span? {
      guard let r, r.lowerBound >= 0, r.upperBound <= document.length, r.lowerBound < r.upperBound else { return nil }
      return QuoteRecord.Span(
        start: r.lowerBound, end: r.upperBound, text: document.excerpt(from: r.lowerBound, to: r.upperBound))
    }
    return speech.map { i in
      let q = quotes[i]
      var named: Set<EntityID> = []
      for m in mentions[mentions.mentionIndices(startingIn: q.start, q.end)]
      where m.end <= q.end && m.entity != q.speaker {
        named.insert(m.entity)
      }
      return QuoteRecord(
        id: ids[i], doc: document.id, start: q.start, end: q.end, text: document.excerpt(from: q.start, to: q.end),
        kind: q.kind!, speaker: q.speaker, speakerMention: span(q.speakerMention),
        cue: span(q.cueWords ?? q.cue.map { $0.start..<$0.end }), embeddedIn: q.embeddedIn.flatMap { ids[$0] },
        mentions: named.sorted(), confidence: (q.confidence * 100).rounded() / 100,
        source: (q.rule ?? (q.speaker == nil ? .unattributed : .speech)).rawValue)
    }
  }
}

/// One step of the extraction pipeline.
public protocol ExtractionStage: Sendable {
  /// Short stable name, e.g. `tokenizer`.
  var name: String { get }
  /// What the stage needs earlier stages to have produced.
  var requires: Set<ExtractionProduct> { get }
  /// What the stage adds.
  var produces: Set<ExtractionProduct> { get }
  /// Reads and annotates the document.
  func process(_ document: inout AnalyzedDocument)
}

/// The kinds of annotation a stage can need or add.
public enum ExtractionProduct: String, Sendable, Hashable, CaseIterable {
  case tokens
  /// The word view of the tokens (``AnalyzedDocument/words``).
  case words
  /// Sentences and paragraphs.
  case sentences
  case mentions, entities, quotes, attributions, relations
}
