/// A typed, directed edge of the graph with its evidence.
public struct Relation: Codable, Hashable, Sendable {
  public var subject: EntityID
  public var predicate: Predicate
  public var object: EntityID
  /// How sure the extractor is, 0...1 (the highest of the merged observations).
  public var confidence: Double
  /// How many times the text states it (for `mentioned`: the number of mentions in the speaker's words).
  public var count: Int
  /// The spans that state it, sorted.
  public var evidence: [Evidence]
  /// The extraction rule or stage that produced it, e.g. `quote-attribution`.
  public var source: String

  public init(
    subject: EntityID, predicate: Predicate, object: EntityID, confidence: Double,
    count: Int = 1, evidence: [Evidence] = [], source: String = ""
  ) {
    self.subject = subject
    self.predicate = predicate
    self.object = object
    self.confidence = confidence
    self.count = count
    self.evidence = evidence
    self.source = source
  }

  /// Adds the observations of `other` (same key) to this relation: the evidence of both (distinct, sorted), the
  /// count of distinct evidence when there is any (else the sum of the counts), the higher confidence, and
  /// `other`'s source when this one has none.
  public mutating func absorb(_ other: Relation) { absorb(contentsOf: [other]) }

  /// ``absorb(_:)`` of each of `others` in order, with the evidence joined and sorted once instead of once per
  /// relation (a relation cited in every one of 40 runs of a spool was sorted 40 times over).
  public mutating func absorb(contentsOf others: [Relation]) {
    guard !others.isEmpty else { return }
    var seen = Set(evidence)
    for other in others {
      seen.formUnion(other.evidence)
      count = seen.isEmpty ? count + other.count : max(seen.count, count, other.count)
      confidence = max(confidence, other.confidence)
      if source.isEmpty { source = other.source }
    }
    evidence = seen.sorted()
  }

  /// The identity of the edge: subject, predicate and object (symmetric predicates ordered).
  public var key: RelationKey {
    if predicate.isSymmetric && object < subject {
      return RelationKey(subject: object, predicate: predicate, object: subject)
    }
    return RelationKey(subject: subject, predicate: predicate, object: object)
  }
}

/// The identity of a relation: `(subject, predicate, object)`.
public struct RelationKey: Hashable, Sendable, Comparable {
  public var subject: EntityID
  public var predicate: Predicate
  public var object: EntityID
  public init(subject: EntityID, predicate: Predicate, object: EntityID) {
    self.subject = subject
    self.predicate = predicate
    self.object = object
  }
  public static func < (a: RelationKey, b: RelationKey) -> Bool {
    (a.subject, a.predicate, a.object) < (b.subject, b.predicate, b.object)
  }
}
