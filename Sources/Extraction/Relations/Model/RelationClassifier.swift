import DocumentModel

/// The trained relation stage: scores every nearby pair of mentions in a sentence with ``RelationModel``
/// and adds the relations it is confident of (`source` `relation-model`, confidence from the model's
/// calibrated margin).
///
/// Pairs the rule stage already related (in either direction, by any predicate but speech) are left to
/// the rules, which are more precise where they apply.
///
/// ```swift
/// let stage = RelationClassifier(model: try RelationModel.makeDefault())
/// stage.process(&analyzed)  // after the entity and rule stages
/// ```
public struct RelationClassifier: ExtractionStage {
  /// The stage name.
  public let name = "relation-classifier"
  /// What the stage reads.
  public let requires: Set<ExtractionProduct> = [.tokens, .sentences, .mentions, .entities]
  /// What the stage adds.
  public let produces: Set<ExtractionProduct> = [.relations]
  /// The trained model.
  public let model: RelationModel
  /// The rule name written as each relation's `source`.
  public static let source = RelationRule.relationModel.rawValue

  /// Creates the stage.
  public init(model: RelationModel) { self.model = model }

  /// Runs the stage on `document`.
  ///
  /// - Complexity: O(mentions), each mention paired with a bounded number of neighbours.
  public func process(_ document: inout AnalyzedDocument) {
    let predictions = model.predictions(in: document, thresholds: model.thresholds)
    guard !predictions.isEmpty else { return }
    struct Pair: Hashable {
      var a: EntityID
      var b: EntityID
      init(_ x: EntityID, _ y: EntityID) {
        a = min(x, y)
        b = max(x, y)
      }
    }
    var related = Set<Pair>()
    for r in document.relations where r.predicate != .mentioned && r.predicate != .quotedIn {
      related.insert(Pair(r.subject, r.object))
    }
    var added = RelationCollector()
    let mentions = document.mentions
    for p in predictions {
      let s = mentions[p.candidate.subject]
      let o = mentions[p.candidate.object]
      guard !related.contains(Pair(s.entity, o.entity)) else { continue }
      let evidence = document.document.evidence(
        min(s.start, o.start), max(s.end, o.end), sentence: p.candidate.sentence)
      added.add(
        Relation(
          subject: s.entity, predicate: p.predicate, object: o.entity,
          confidence: (model.confidence(margin: p.margin) * 1000).rounded() / 1000, evidence: [evidence],
          source: Self.source))
    }
    document.relations += added.relations
  }
}
