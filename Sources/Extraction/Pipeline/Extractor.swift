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

  /// The graph of one document.
  public func graph(for document: Document) -> KnowledgeGraph {
    analyze(document).makeGraph()
  }
}
