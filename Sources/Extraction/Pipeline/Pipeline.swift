import DocumentModel

/// Runs named extraction stages in order.
///
/// Building a pipeline checks that each stage's requirements are produced by an earlier stage.
///
/// ```swift
/// let pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter()])
/// let analyzed = pipeline.run(Document(id: "a", text: "Hello."))
/// ```
public struct Pipeline: Sendable {
  public let stages: [any ExtractionStage]

  /// - Throws: ``ExtractionError`` with code `.stageOrder` when a stage needs something no earlier stage adds.
  public init(stages: [any ExtractionStage]) throws {
    var available: Set<ExtractionProduct> = []
    for stage in stages {
      let missing = stage.requires.subtracting(available)
      if !missing.isEmpty {
        throw ExtractionError(
          .stageOrder,
          "stage '\(stage.name)' needs \(missing.map(\.rawValue).sorted().joined(separator: ", ")), which no earlier stage produces"
        )
      }
      available.formUnion(stage.produces)
    }
    self.stages = stages
  }

  /// Runs every stage on `document`.
  ///
  /// The stages see the text in Unicode NFC (see ``NormalizedText``); when that differs from
  /// `document.text`, the result is mapped back, so every offset in it counts code points of
  /// `document.text` and every evidence text is a slice of it (issue 12).
  public func run(_ document: Document) -> AnalyzedDocument {
    let normalized = NormalizedText(document.text)
    if normalized.isUnchanged { return runStages(document) }
    let analyzed = runStages(Document(id: document.id, path: document.path, text: normalized.text))
    return analyzed.mapped(to: document, through: normalized)
  }

  private func runStages(_ document: Document) -> AnalyzedDocument {
    var analyzed = AnalyzedDocument(document: document)
    for stage in stages { stage.process(&analyzed) }
    analyzed.tokenAnalysis = nil
    return analyzed
  }
}

/// The error type of the Extraction module.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Stable identifiers for each failure.
  public enum Code: String, Sendable, Equatable {
    case stageOrder = "stage-order"
    case missingResource = "missing-resource"
    case badResource = "bad-resource"
    case missingCountryData = "missing-country-data"
    case badModel = "bad-model"
    case badTrainingData = "bad-training-data"
  }
  public var code: Code
  public var message: String
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }
  public var description: String { "\(message) [\(code.rawValue)]" }
}
