import DocumentModel
import Foundation

/// Finds person, organization, country, location and event names and groups them into entities.
///
/// Spans come from the learned ``TaggerModel`` (a structured perceptron over BILOU tags) when one is
/// loaded, or from capitalized chunks typed by cue words otherwise. Exact rules then refine them: ISO
/// countries and their aliases are typed `country` (other places `location`), demonyms become
/// demonym mentions of their country, a reported event ("a webinar titled “…”") gets its title and date,
/// and a document-level pass gives one type per name. Finally mentions are canonicalized into entities
/// (titles stripped but kept as aliases, surnames joined to full names, acronyms to their expansions).
///
/// ```swift
/// let recognizer = try EntityRecognizer.makeDefault()
/// let pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), recognizer])
/// let analyzed = pipeline.run(Document(id: "d", text: "Dr. Ana Ruiz visited Peru."))
/// ```
public struct EntityRecognizer: ExtractionStage {
  public let name = "entity-recognizer"
  public let requires: Set<ExtractionProduct> = [.tokens, .sentences]
  /// Mentions, and the entities they name unless ``makesEntities`` is off.
  public var produces: Set<ExtractionProduct> { makesEntities ? [.mentions, .entities] : [.mentions] }
  /// Whether ``process(_:)`` builds the document's entities (names, aliases, mentions as evidence). A caller
  /// that needs only the mentions and their canonical ids (`entitygraph mentions`) turns it off.
  public var makesEntities = true

  /// The gazetteers.
  public let lexicon: Lexicon
  /// The learned tagger; `nil` falls back to capitalized chunks typed by cues.
  public let model: TaggerModel?

  /// Creates a recognizer from a lexicon and an optional trained model.
  public init(lexicon: Lexicon, model: TaggerModel?) {
    self.lexicon = lexicon
    self.model = model
  }

  /// Loads the bundled gazetteers, the ISO country data and the bundled tagger model.
  ///
  /// - Throws: ``ExtractionError`` `.missingCountryData` when `iso-codes` is not installed, or
  ///   `.missingResource` / `.badModel` / `.badResource` when a bundled file is missing or damaged.
  public static func makeDefault(isoPath: String = CountryGazetteer.defaultISOPath) throws -> EntityRecognizer {
    let lexicon = try Lexicon.makeDefault(isoPath: isoPath)
    // Without a bundled model (a fresh checkout before training) the cue chunker takes over.
    let model = (try? ResourceLoader.url("tagger", "bin")) == nil ? nil : try TaggerModel.makeDefault(lexicon: lexicon)
    return EntityRecognizer(lexicon: lexicon, model: model)
  }

  public func process(_ document: inout AnalyzedDocument) {
    let context = RecognitionContext(document: document, lexicon: lexicon)
    document.tokenAnalysis = context.analysis
    var spans = proposeSpans(context)
    for rule in Self.rules { rule.apply(context, &spans) }
    let (mentions, entities) = EntityCanonicalizer(context: context).makeEntities(spans, entities: makesEntities)
    document.mentions = mentions
    document.entities = entities
  }

  /// The passes over the proposed spans, in order (see ``EntityRule``): exact rules first, then the overlap
  /// policy, then document-level consistency.
  static let rules: [any EntityRule] = [
    ExactTypingRule(),
    RefineKindsRule(),
    ReportedEventRule(),
    DatedEventRule(),
    HeadedNameRule(),
    KnownNameRule(),
    SpeakerRetypeRule(),
    SpeakerNameRule(),
    OverlapRule(),
    BracketedAcronymRule(),
    CountryFillRule(),
    // Document-level consistency: one kind per name, repeats of names, surnames.
    MajorityKindRule(),
    PersonPartRule(),
    RepeatedNameRule(),
    SurnameRule(),
    OrganizationCueRule(),
    GroupListRule(),
    // Last, so that no pass adds them back: spans that name nothing ("300 BC", "US$", "The states").
    NonNameRule(),
  ]

  // MARK: - Span proposal

  func proposeSpans(_ c: RecognitionContext) -> [NameSpan] {
    var out: [NameSpan] = []
    var buffer: [UInt32] = []
    buffer.reserveCapacity(64)
    // A name needs a capital letter or a digit: sentences with neither are skipped quickly.
    func hasNameToken(_ sent: Range<Int>) -> Bool {
      for i in sent where c.infos[i].flags.contains(.initialCap) || c.infos[i].flags.contains(.allCaps) {
        return true
      }
      return false
    }
    guard let model else {
      for sent in c.sentences where !sent.isEmpty && hasNameToken(sent) {
        out += CueChunker(context: c).chunks(in: sent)
      }
      return out
    }
    let active = c.sentences.map { !$0.isEmpty && hasNameToken($0) }
    var tags = c.sentences.enumerated().map { k, sent in
      active[k] ? model.decode(c.infos, sentence: sent, buffer: &buffer) : [Int](repeating: 0, count: sent.count)
    }
    // The document-level second pass re-tags each sentence knowing how the first pass typed every name.
    if let second = model.secondPass {
      let stack = StackCodes.compute(c.infos, sentences: c.sentences, tags: tags)
      for (k, sent) in c.sentences.enumerated() where active[k] {
        tags[k] = second.decode(c.infos, sentence: sent, buffer: &buffer, stack: stack)
      }
    }
    for (k, sent) in c.sentences.enumerated() where active[k] {
      for s in TagSet.spans(tags[k]) {
        let kind: EntityKind
        switch s.type {
        case 0: kind = .person
        case 1: kind = .organization
        case 2: kind = .location
        default: kind = .event
        }
        out.append(
          NameSpan(first: sent.lowerBound + s.start, end: sent.lowerBound + s.end, kind: kind, source: .tagger))
      }
    }
    return out
  }
}

/// A candidate name: a token range with a kind and where it came from.
struct NameSpan: Sendable {
  var first: Int
  var end: Int
  var kind: EntityKind
  var source: MentionRule
  var confidence: Double = 0.8
  /// Index into the country gazetteer when this is an exact country name or demonym.
  var country: Int?
  var isDemonym = false
  /// A plural demonym used as a group of people ("Iranians"): GUM counts these as person names.
  var isGroup = false
  /// Set for person-typed spans that name no entity of the graph: a lone title, a group of people.
  var role: Role?
  enum Role { case role, group }
  var attributes: [String: String] = [:]
  /// Canonical name to use instead of the surface text (a quoted event title).
  var canonical: String?
  /// The kind the document's vote gave this span's name (``MajorityKindRule``), kept when a later pass
  /// retypes the span itself.
  var votedKind: EntityKind?
}

/// The document, its tokens and their analysis, shared by the recognizer's passes.
struct RecognitionContext {
  let document: AnalyzedDocument
  let lexicon: Lexicon
  let scalars: [Unicode.Scalar]
  let tokens: [Token]
  let sentences: [Range<Int>]
  let infos: [TokenInfo]
  /// Lower-case hash of each token.
  let lowers: [UInt64]
  /// Sentence index of each token.
  let sentenceOf: [Int32]

  init(document: AnalyzedDocument, lexicon: Lexicon) {
    self.document = document
    self.lexicon = lexicon
    scalars = document.document.scalars
    tokens = document.tokens
    var sents = document.sentences.map(\.tokens)
    if sents.isEmpty && !tokens.isEmpty { sents = [0..<tokens.count] }
    sentences = sents
    var sentenceOf = [Int32](repeating: 0, count: tokens.count)
    for (k, r) in sents.enumerated() { for i in r where i < tokens.count { sentenceOf[i] = Int32(k) } }
    self.sentenceOf = sentenceOf
    // A later stage (nested places) reads the same tokens: the analysis made for the recognizer is kept
    // on the document until the pipeline ends, so the text is analyzed once.
    if let cached = document.tokenAnalysis, cached.infos.count == tokens.count {
      infos = cached.infos
    } else {
      infos = TokenAnalyzer.analyze(
        document.document.scalars, ranges: document.tokens.map { $0.start..<$0.end }, sentences: sents,
        lexicon: lexicon)
    }
    lowers = infos.map(\.lower)
  }

  /// The token analysis to keep on the document for later stages.
  var analysis: TokenAnalysis { TokenAnalysis(infos: infos) }

  func text(_ i: Int) -> String { document.document.text(from: tokens[i].start, to: tokens[i].end) }
  func text(_ first: Int, _ end: Int) -> String {
    document.document.text(from: tokens[first].start, to: tokens[end - 1].end)
  }
  /// The lower-cased text of token `i` (`text(i).lowercased()`), made when asked: the rules ask about the few
  /// tokens next to names and cue words, so making it for every token of the document cost more.
  func lower(_ i: Int) -> String { TokenAnalysis.lowerText(scalars, tokens[i]) }
  func has(_ i: Int, _ category: Lexicon.Category) -> Bool { infos[i].inside & category.rawValue != 0 }
  /// Hash of the lower-cased token sequence.
  func phraseHash(_ first: Int, _ end: Int) -> UInt64 {
    var h: UInt64 = 0
    for i in first..<end { h = TextHash.combine(h, infos[i].lower) }
    return h
  }
  func isCapitalized(_ i: Int) -> Bool { infos[i].flags.contains(.initialCap) }
  func isWord(_ i: Int) -> Bool { tokens[i].kind == .word }
}

/// The recognizer's per-token analysis of a document, kept on ``AnalyzedDocument`` while the pipeline runs
/// so that later stages that need it (nested places) do not analyze the text again.
struct TokenAnalysis: Sendable {
  var infos: [TokenInfo]

  /// `text.lowercased()` of token `t`, an ASCII token without going through `String`'s Unicode tables.
  static func lowerText(_ s: [Unicode.Scalar], _ t: Token) -> String {
    for k in t.start..<t.end where s[k].value >= 0x80 {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: s[t.start..<t.end])
      return String(view).lowercased()
    }
    return String(unsafeUninitializedCapacity: t.end - t.start) { buffer in
      for k in t.start..<t.end {
        let v = s[k].value
        buffer[k - t.start] = UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
      }
      return t.end - t.start
    }
  }
}
