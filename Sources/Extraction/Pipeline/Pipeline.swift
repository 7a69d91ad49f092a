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
  /// Documents longer than this many code points are analyzed in segments of at most this length, cut at
  /// paragraph breaks where there are any (see ``run(_:)``), so the working memory of the stages stays bounded
  /// by the segment, not the document.
  public var segmentLength = Pipeline.defaultSegmentLength
  /// 200,000 code points: a long report of some 35,000 words.
  public static let defaultSegmentLength = 200_000

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
  ///
  /// A document longer than ``segmentLength`` is analyzed segment by segment (see
  /// ``AnalyzedDocument/appendSegment(_:at:sentenceBase:paragraphBase:relations:)``): its mentions, entities, quotes, relations,
  /// sentences and diagnostics are those of the segments on the whole document's offsets, but its `tokens` and
  /// `words` are not kept, and a short name ("Roe") is linked to a full name ("Jane Roe") only within a segment.
  /// Without this a 20 MB text took over a gigabyte of working memory (issue 12).
  public func run(_ document: Document) -> AnalyzedDocument {
    guard document.length > segmentLength else { return runWhole(document) }
    var merged = AnalyzedDocument(document: document)
    var relations: [RelationKey: Relation] = [:]
    for range in Self.segments(of: document.scalars, length: segmentLength) {
      merged.appendSegment(
        runWhole(segment(range, of: document)), at: range.lowerBound, sentenceBase: merged.sentences.count,
        paragraphBase: merged.paragraphs.count, relations: &relations)
    }
    merged.relations = relations.keys.sorted().map { relations[$0]! }
    return merged
  }

  /// Runs every stage on `document` and hands the result to `body` in parts: the whole analysis for a document of
  /// at most ``segmentLength`` code points, else that of each segment in text order, each an analysis of the whole
  /// document holding only that segment's results, on the whole document's offsets (sentence and paragraph
  /// indices counted from the document's start). Only one segment's analysis is held at a time, so a caller that
  /// consumes each part (``Extractor/graphs(of:_:)``) needs memory for one segment, not for the document.
  public func runSegments(_ document: Document, _ body: (AnalyzedDocument) throws -> Void) rethrows {
    guard document.length > segmentLength else { return try body(runWhole(document)) }
    var sentenceBase = 0
    var paragraphBase = 0
    for range in Self.segments(of: document.scalars, length: segmentLength) {
      var piece = AnalyzedDocument(document: document)
      var relations: [RelationKey: Relation] = [:]
      piece.appendSegment(
        runWhole(segment(range, of: document)), at: range.lowerBound, sentenceBase: sentenceBase,
        paragraphBase: paragraphBase, relations: &relations)
      piece.relations = relations.keys.sorted().map { relations[$0]! }
      sentenceBase += piece.sentences.count
      paragraphBase += piece.paragraphs.count
      try body(piece)
    }
  }

  private func segment(_ range: Range<Int>, of document: Document) -> Document {
    Document(id: document.id, path: document.path, text: document.text(from: range.lowerBound, to: range.upperBound))
  }

  private func runWhole(_ document: Document) -> AnalyzedDocument {
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
