import DocumentModel

/// The default extraction pipeline behind one facade: text in, entities and relations out.
///
/// Build one `Extractor` and share it: loading the model and gazetteers is the expensive part, and
/// `analyze(_:)` is safe to call from many threads at once.
///
/// ```swift
/// let extractor = try Extractor()
/// let graph = extractor.analyze(Document(id: "a", text: text)).makeGraph()
/// ```
public struct Extractor: Sendable {
  /// The stages, in order.
  public let pipeline: Pipeline

  /// Loads the bundled resources and builds the default pipeline.
  ///
  /// - Throws: ``ExtractionError`` when a resource (model, gazetteer, ISO country data) is missing or damaged.
  public init() throws {
    pipeline = try Pipeline(stages: Extractor.defaultStages())
  }

  /// Builds a custom pipeline.
  public init(pipeline: Pipeline) { self.pipeline = pipeline }

  /// The default stages: tokenizer, sentence splitter, entity recognizer, speech stages, relation rules and
  /// the trained relation classifier.
  public static func defaultStages() throws -> [any ExtractionStage] {
    let speech = try SpeechLexicon.bundled()
    // The speech and relation stages' own word lists: a missing or damaged file is an error here.
    try SpeechWords.validate()
    try RelationWords.validate()
    let recognizer = try EntityRecognizer.makeDefault()
    var stages: [any ExtractionStage] = [
      Tokenizer(), SentenceSplitter(), recognizer,
      QuoteFinder(lexicon: speech), SpeechAttributor(lexicon: speech),
      RelationExtractor(lexicon: try RelationLexicon.bundled(), speech: speech),
      NestedPlaceRelations(recognizer: recognizer),
    ]
    // Without a bundled relation model (a fresh checkout before training) only the rules relate entities.
    if (try? ResourceLoader.url("relation-model", "bin")) != nil {
      stages.append(RelationClassifier(model: try RelationModel.makeDefault()))
    }
    return stages
  }

  /// Runs the pipeline on one document.
  public func analyze(_ document: Document) -> AnalyzedDocument {
    pipeline.run(document)
  }

  /// The graph of one document: ``graphs(of:_:)`` merged. For a document of one segment that is
  /// `analyze(document).makeGraph()`; for a longer one it is the merge of its segments' graphs, which every
  /// command uses, spooled or not, so a long document gives the same graph everywhere.
  public func graph(for document: Document) -> KnowledgeGraph {
    var graph = KnowledgeGraph()
    graphs(of: document) { graph.merge($0) }
    return graph
  }

  /// The graph of one document in parts, handed to `body` in text order: one for a document of at most
  /// ``Pipeline/segmentLength`` code points, else one per segment (see ``Pipeline/runSegments(_:_:)``), so only
  /// one segment's analysis and graph are held at a time. Merged in order (``GraphSpool``,
  /// ``KnowledgeGraph/merge(_:)``), the parts are the graph of the document.
  public func graphs(of document: Document, _ body: (KnowledgeGraph) throws -> Void) rethrows {
    var info: DocumentInfo?
    try pipeline.runSegments(document) { part in
      if info == nil { info = part.documentInfo() }
      try body(part.makeGraph(info: info!))
    }
  }
}
