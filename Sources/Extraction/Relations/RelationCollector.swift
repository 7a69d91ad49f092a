import DocumentModel

/// Relations a stage finds, one per key: a relation stated again adds its evidence (deduplicated,
/// sorted, `count` = the number of pieces) and keeps the highest confidence.
struct RelationCollector {
  private(set) var relations: [Relation] = []
  private var index: [RelationKey: Int] = [:]

  mutating func add(_ r: Relation) {
    guard let i = index[r.key] else {
      index[r.key] = relations.count
      relations.append(r)
      return
    }
    for e in r.evidence where !relations[i].evidence.contains(e) { relations[i].evidence.append(e) }
    relations[i].evidence.sort()
    relations[i].count = relations[i].evidence.count
    relations[i].confidence = max(relations[i].confidence, r.confidence)
  }
}
