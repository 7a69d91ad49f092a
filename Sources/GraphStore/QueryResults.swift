import DocumentModel

/// The identity of an entity in query results: id, kind and canonical name.
public struct EntitySummary: Codable, Sendable, Hashable, Comparable {
  public var id: EntityID
  public var kind: EntityKind
  public var name: String

  public init(id: EntityID, kind: EntityKind, name: String) {
    self.id = id
    self.kind = kind
    self.name = name
  }

  /// Orders by name, then id.
  public static func < (a: EntitySummary, b: EntitySummary) -> Bool { (a.name, a.id) < (b.name, b.id) }
}

/// Filters of the `mentions` query: who mentioned what, in words attributed to them.
public struct MentionsQuery: Sendable, Equatable {
  /// Only mentioned entities of this kind (e.g. `.country`); `nil` for all.
  public var kind: EntityKind?
  /// Only speakers whose id is this, whose name contains it, or who have it as an alias (case-insensitive).
  public var speaker: String?
  /// Only what this document states (counts and documents are then that document's).
  public var document: String?

  public init(kind: EntityKind? = nil, speaker: String? = nil, document: String? = nil) {
    self.kind = kind
    self.speaker = speaker
    self.document = document
  }
}

/// One answer of the `mentions` query.
public struct MentionRow: Codable, Sendable, Hashable {
  /// Who spoke.
  public var speaker: EntitySummary
  /// What they mentioned.
  public var entity: EntitySummary
  /// How many times, over all documents.
  public var count: Int
  /// The documents that state it, sorted.
  public var documents: [String]
  /// The first evidence quote (by document and offset).
  public var evidence: Evidence?
  /// The highest confidence of the statements.
  public var confidence: Double

  package init(
    speaker: EntitySummary, entity: EntitySummary, count: Int, documents: [String], evidence: Evidence?,
    confidence: Double
  ) {
    self.speaker = speaker
    self.entity = entity
    self.count = count
    self.documents = documents
    self.evidence = evidence
    self.confidence = confidence
  }
}

/// Filters of the `relations` query; each name matches like ``MentionsQuery/speaker``.
public struct RelationsQuery: Sendable, Equatable {
  public var predicate: DocumentModel.Predicate?
  public var subject: String?
  public var object: String?
  /// Only what this document states.
  public var document: String?

  public init(
    predicate: DocumentModel.Predicate? = nil, subject: String? = nil, object: String? = nil, document: String? = nil
  ) {
    self.predicate = predicate
    self.subject = subject
    self.object = object
    self.document = document
  }
}

/// One store-wide relation with its aggregates and first evidence.
public struct RelationRow: Codable, Sendable, Hashable {
  public var subject: EntitySummary
  public var predicate: DocumentModel.Predicate
  public var object: EntitySummary
  public var confidence: Double
  public var count: Int
  public var documents: [String]
  public var evidence: Evidence?

  package init(
    subject: EntitySummary, predicate: DocumentModel.Predicate, object: EntitySummary, confidence: Double, count: Int,
    documents: [String], evidence: Evidence?
  ) {
    self.subject = subject
    self.predicate = predicate
    self.object = object
    self.confidence = confidence
    self.count = count
    self.documents = documents
    self.evidence = evidence
  }
}

/// Everything the store knows about one entity.
public struct EntityReport: Codable, Sendable, Hashable {
  public var entity: EntitySummary
  public var aliases: [String]
  public var attributes: [String: String]
  public var confidence: Double
  /// The document-local entity ids merged into this one, sorted.
  public var mergedIDs: [EntityID]
  public var documents: [String]
  public var mentions: [Mention]
  /// Relations leaving or entering the entity, sorted by subject, predicate, object.
  public var relations: [RelationRow]

  package init(
    entity: EntitySummary, aliases: [String], attributes: [String: String], confidence: Double, mergedIDs: [EntityID],
    documents: [String], mentions: [Mention], relations: [RelationRow]
  ) {
    self.entity = entity
    self.aliases = aliases
    self.attributes = attributes
    self.confidence = confidence
    self.mergedIDs = mergedIDs
    self.documents = documents
    self.mentions = mentions
    self.relations = relations
  }
}

/// An entity reached from the start of a `neighbors` query.
public struct NeighborRow: Codable, Sendable, Hashable {
  public var entity: EntitySummary
  /// Number of edges from the start (1 = adjacent).
  public var distance: Int
  /// The entity one step closer to the start through which it was first reached.
  public var via: EntitySummary
  /// The predicate of that edge.
  public var predicate: DocumentModel.Predicate
  /// Whether the edge points from `via` to `entity` (`out`) or back (`in`).
  public var direction: EdgeDirection

  package init(
    entity: EntitySummary, distance: Int, via: EntitySummary, predicate: DocumentModel.Predicate,
    direction: EdgeDirection
  ) {
    self.entity = entity
    self.distance = distance
    self.via = via
    self.predicate = predicate
    self.direction = direction
  }
}

/// The direction of an edge as walked.
public enum EdgeDirection: String, Codable, Sendable, Hashable {
  case out
  case `in`
}

/// One edge of a path between two entities, in walking order.
public struct PathStep: Codable, Sendable, Hashable {
  public var from: EntitySummary
  public var predicate: DocumentModel.Predicate
  public var to: EntitySummary
  /// `out` when the stored edge points from `from` to `to`.
  public var direction: EdgeDirection

  package init(from: EntitySummary, predicate: DocumentModel.Predicate, to: EntitySummary, direction: EdgeDirection) {
    self.from = from
    self.predicate = predicate
    self.to = to
    self.direction = direction
  }
}
