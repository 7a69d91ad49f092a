import DocumentModel

/// A relation the model predicts between two mentions.
struct RelationPrediction: Sendable {
  var candidate: RelationCandidate
  var relationClass: RelationClass
  var predicate: Predicate
  /// Best relation score minus the `none` score.
  var margin: Float
  /// The threshold group that decides it (``RelationClass/decisionGroup(subject:)``).
  var group: Int
}

extension RelationModel {
  /// Every candidate pair's best relation with a margin above its group's threshold (`thresholds[group]`),
  /// one per unordered pair of mentions (the direction with the larger margin whose kinds fit the schema).
  func predictions(in document: AnalyzedDocument, thresholds: [Float]) -> [RelationPrediction] {
    // No pair, no token view to build.
    guard document.mentions.count >= 2 else { return [] }
    let view = RelationTokenView(document)
    let candidates = RelationFeatureExtractor.candidates(in: document, view: view)
    let fx = extractor
    var buffer: [UInt32] = []
    return decode(candidates, mentions: document.mentions, thresholds: thresholds) { k in
      buffer.removeAll(keepingCapacity: true)
      fx.features(candidates[k], in: document, view: view, into: &buffer)
      return buffer
    }
  }

  /// Decodes candidates that come in pairs (`(a, b)` then `(b, a)`), with the features of candidate `k`
  /// from `features(k)`.
  func decode(
    _ candidates: [RelationCandidate], mentions: [EntityMention], thresholds: [Float],
    features: (Int) -> [UInt32]
  ) -> [RelationPrediction] {
    var out: [RelationPrediction] = []
    var k = 0
    while k + 1 < candidates.count {
      var chosen: RelationPrediction?
      for j in [k, k + 1] {
        let c = candidates[j]
        let sk = mentions[c.subject].kind
        let ok = mentions[c.object].kind
        guard let (cls, margin) = best(features(j), allowed: RelationClass.allowed(subject: sk, object: ok)),
          margin > (chosen?.margin ?? -.infinity), let p = cls.predicate(subject: sk, object: ok)
        else { continue }
        chosen = RelationPrediction(
          candidate: c, relationClass: cls, predicate: p, margin: margin, group: cls.decisionGroup(subject: sk))
      }
      if let chosen, chosen.margin > thresholds[chosen.group] { out.append(chosen) }
      k += 2
    }
    return out
  }
}
