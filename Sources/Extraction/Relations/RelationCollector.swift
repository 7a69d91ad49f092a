import DocumentModel

/// Relations a stage finds, one per key: a relation stated again adds its evidence (deduplicated,
/// sorted, `count` = the number of pieces) and, unless ``keepsFirstConfidence``, keeps the highest confidence.
///
/// Evidence is deduplicated through a set and sorted once, when ``relations`` is read, so a relation stated
/// at a hundred thousand places (a pathological list of the same names) costs O(n log n), not O(n²).
struct RelationCollector {
  private var found: [Relation] = []
  private var seen: [Set<Evidence>] = []
  /// Whether the relation was stated more than once (then its evidence is sorted and counted).
  private var merged: [Bool] = []
  private var index: [RelationKey: Int] = [:]
  /// Whether a relation keeps the confidence it was first found with (the rule stage's behaviour) instead of
  /// the highest.
  var keepsFirstConfidence = false

  init(keepsFirstConfidence: Bool = false) { self.keepsFirstConfidence = keepsFirstConfidence }

  /// The relations, each with its evidence sorted and counted.
  var relations: [Relation] {
    found.enumerated().map { i, r in
      guard merged[i] else { return r }
      var r = r
      r.evidence.sort()
      r.count = r.evidence.count
      return r
    }
  }

  mutating func add(_ r: Relation) {
    guard let i = index[r.key] else {
      index[r.key] = found.count
      found.append(r)
      seen.append(Set(r.evidence))
      merged.append(false)
      return
    }
    merged[i] = true
    for e in r.evidence where seen[i].insert(e).inserted { found[i].evidence.append(e) }
    if !keepsFirstConfidence { found[i].confidence = max(found[i].confidence, r.confidence) }
  }
}
