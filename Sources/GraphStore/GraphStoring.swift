import DocumentModel

/// What every graph store backend offers: incremental ingest, removal, manual decisions and the queries.
///
/// Two backends conform: ``GraphStore`` (one SQLite file, the default) and `PostgresGraphStore` in the
/// `GraphStorePostgres` module (one PostgreSQL database shared by many ingest workers). Both keep the same
/// tables and the same merge rules (``EntityResolver``), so a corpus gives the same graph on either; each
/// backend keeps its own SQL beside it.
///
/// ```swift
/// let store: any GraphStoring = try GraphStore(path: "graph.sqlite")
/// try store.ingest(graph, for: info)
/// let rows = try store.mentions(MentionsQuery(kind: .country))
/// ```
///
/// The batch ``ingest(_:concurrency:force:load:extract:progress:)`` is shared by both backends; a backend
/// whose documents can be claimed by other processes overrides ``claim(document:wait:)`` and
/// ``releaseClaim(document:)``.
public protocol GraphStoring: AnyObject, Sendable {
  /// Every document in the store, sorted by id.
  func documents() throws -> [DocumentInfo]
  /// The document with `id`, if stored.
  func document(id: String) throws -> DocumentInfo?
  /// How an ingest would treat a document with this id and content hash.
  func status(ofDocument id: String, sha256: String) throws -> IngestOutcome

  /// Stores `graph` as the facts of `document` in one transaction (see ``GraphStore/ingest(_:for:force:)``).
  @discardableResult
  func ingest(_ graph: KnowledgeGraph, for document: DocumentInfo, force: Bool) throws -> IngestOutcome
  /// Removes documents (ids or stored paths) and their facts; returns the ids removed, sorted.
  @discardableResult
  func remove(documents idsOrPaths: [String]) throws -> [String]
  /// Records a manual merge of `absorbed` into `kept` and re-resolves the store.
  @discardableResult
  func merge(_ kept: String, _ absorbed: String) throws -> (kept: EntityID, absorbed: EntityID)
  /// Records a manual split and re-resolves the store.
  @discardableResult
  func split(_ name: String, from other: String?) throws -> EntityID
  /// The manual decisions in the order they were made.
  func decisions() throws -> [ManualDecision]

  /// Who mentioned what in words attributed to them.
  func mentions(_ query: MentionsQuery) throws -> [MentionRow]
  /// Relations filtered by predicate, subject and object.
  func relations(_ query: RelationsQuery) throws -> [RelationRow]
  /// Everything the store knows about the entity `name` names.
  func entity(named name: String) throws -> EntityReport
  /// Entities within `depth` edges of `name`.
  func neighbors(of name: String, depth: Int) throws -> [NeighborRow]
  /// A shortest chain of edges from `a` to `b`.
  func path(from a: String, to b: String, maxDepth: Int) throws -> [PathStep]
  /// The id of the entity a user means by `name`.
  func resolveEntity(_ name: String) throws -> EntityID

  /// The whole store as one graph.
  func loadGraph(minConfidence: Double) throws -> KnowledgeGraph
  /// The part of the store around `focus`.
  func subgraph(focus: String?, depth: Int, kinds: Set<EntityKind>?, minConfidence: Double) throws
    -> KnowledgeGraph
  /// The store's view of one document.
  func documentGraph(_ id: String) throws -> KnowledgeGraph

  /// Counts of the main tables.
  func statistics() throws -> StoreStatistics
  /// Counts of what one document brought.
  func statistics(forDocument id: String) throws -> StoreStatistics

  /// Reserves `document` for this process before it is analysed, so that no other worker analyses it too.
  ///
  /// - Parameter wait: wait until another worker's claim ends (or its process dies) instead of returning `false`.
  /// - Returns: `false` when another worker holds the claim (only when `wait` is `false`).
  func claim(document id: String, wait: Bool) throws -> Bool
  /// Ends a claim taken by ``claim(document:wait:)``.
  func releaseClaim(document id: String)
}

extension GraphStoring {
  /// A store that only this process writes claims every document at once.
  public func claim(document id: String, wait: Bool) throws -> Bool { true }
  /// Nothing to release when nothing was claimed.
  public func releaseClaim(document id: String) {}

  /// ``ingest(_:for:force:)`` without `force`.
  @discardableResult
  public func ingest(_ graph: KnowledgeGraph, for document: DocumentInfo) throws -> IngestOutcome {
    try ingest(graph, for: document, force: false)
  }

  /// ``mentions(_:)`` of every speaker and kind.
  public func mentions() throws -> [MentionRow] { try mentions(MentionsQuery()) }
  /// ``relations(_:)`` without filters.
  public func relations() throws -> [RelationRow] { try relations(RelationsQuery()) }
  /// ``path(from:to:maxDepth:)`` up to 12 edges.
  public func path(from a: String, to b: String) throws -> [PathStep] { try path(from: a, to: b, maxDepth: 12) }
  /// ``loadGraph(minConfidence:)`` with every relation.
  public func loadGraph() throws -> KnowledgeGraph { try loadGraph(minConfidence: 0) }
  /// ``split(_:from:)`` of every merge into `name`.
  @discardableResult
  public func split(_ name: String) throws -> EntityID { try split(name, from: nil) }
  /// ``subgraph(focus:depth:kinds:minConfidence:)`` with defaults.
  public func subgraph(focus: String?, depth: Int = 1, kinds: Set<EntityKind>? = nil) throws -> KnowledgeGraph {
    try subgraph(focus: focus, depth: depth, kinds: kinds, minConfidence: 0)
  }
}
