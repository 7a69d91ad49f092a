import DocumentModel
import Foundation
import GRDB

extension GraphStore {
  // MARK: - Ingest

  /// Stores `graph` as the facts of `document`, atomically.
  ///
  /// An unchanged document (same id and non-empty `sha256`) is skipped unless `force` is set; a changed one
  /// has its previous facts replaced; a new one is added. Entities are merged with those of other documents
  /// by the rules of ``EntityResolver``, then the manual merge and split decisions are applied.
  ///
  /// - Parameters:
  ///   - graph: the document's own graph (`AnalyzedDocument.makeGraph()`); its evidence must name `document.id`.
  ///   - document: id, path, content hash and length of the text.
  ///   - force: re-ingest even when the hash is unchanged.
  /// - Returns: whether the document was added, updated or left unchanged.
  /// - Throws: ``StoreError`` `.database` when SQLite fails; nothing of the document is then written.
  @discardableResult
  public func ingest(_ graph: KnowledgeGraph, for document: DocumentInfo, force: Bool = false) throws
    -> IngestOutcome
  {
    try write { db in try GraphStore.ingest(graph, for: document, force: force, db: db) }
  }

  static func ingest(_ graph: KnowledgeGraph, for document: DocumentInfo, force: Bool, db: Database) throws
    -> IngestOutcome
  {
    var outcome = IngestOutcome.added
    var touchedEntities: Set<String> = []
    var touchedRelations: Set<Int64> = []
    if let existingHash = try String.fetchOne(
      db.cachedStatement(sql: "SELECT sha256 FROM document WHERE id = ?"), arguments: [document.id])
    {
      if !force && existingHash == document.sha256 && !document.sha256.isEmpty { return .unchanged }
      outcome = .updated
      (touchedEntities, touchedRelations) = try deleteDocument(document.id, db: db)
    }
    let seq = (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM document")) ?? 0) + 1
    try DocumentRecord(document, ingestedAt: Timestamp.now(), seq: seq).insert(db)
    let resolver = try EntityResolver(db)
    try insertFacts(of: graph, document: document.id, seq: seq, resolver: resolver, db: db)
    try refresh(entities: touchedEntities, relations: touchedRelations, db: db)
    return outcome
  }

  /// Inserts the local entities and statements of one document and links them to store entities.
  ///
  /// The hot path of an ingest: every statement is a cached prepared statement.
  private static func insertFacts(
    of graph: KnowledgeGraph, document: String, seq: Int, resolver: EntityResolver, db: Database
  ) throws {
    var globalOf: [EntityID: EntityID] = [:]
    let insertLocal = try db.cachedStatement(
      sql: """
        INSERT INTO local_entity (doc, local_id, entity_id, kind, name, match_key, attributes, confidence, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertAlias = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO alias (doc, local_id, text, match_key) VALUES (?, ?, ?, ?)")
    let insertMention = try db.cachedStatement(
      sql: "INSERT INTO mention (doc, local_id, start, \"end\", text, sentence, form) VALUES (?, ?, ?, ?, ?, ?, ?)")
    for entity in graph.entities {
      let matchKey = EntityResolver.matchKey(for: entity)
      let aliasKeys = entity.aliases.map { EntityResolver.aliasKey($0, of: entity) }
      let global = try resolver.resolve(entity, matchKey: matchKey, aliasKeys: aliasKeys, seq: seq, db: db)
      globalOf[entity.id] = global
      try upsertEntity(
        id: global, kind: entity.kind, name: entity.name, attributes: entity.attributes,
        confidence: entity.confidence, isNamesake: entity.id == global, db: db)
      let local = entity.id.rawValue
      try insertLocal.execute(arguments: [
        document, local, global.rawValue, entity.kind.rawValue, entity.name, matchKey,
        AttributeCoding.encode(entity.attributes), entity.confidence, seq,
      ])
      for (alias, key) in zip(entity.aliases, aliasKeys) where alias != entity.name {
        try insertAlias.execute(arguments: [document, local, alias, key])
      }
      for mention in entity.mentions {
        try insertMention.execute(arguments: [
          document, local, mention.start, mention.end, mention.text, mention.sentence, mention.form?.rawValue,
        ])
      }
    }
    let insertStatement = try db.cachedStatement(
      sql: """
        INSERT INTO statement (doc, relation_id, subject_local, predicate, object_local, confidence, count, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertEvidence = try db.cachedStatement(
      sql: "INSERT INTO evidence (statement_id, doc, start, \"end\", text, sentence) VALUES (?, ?, ?, ?, ?, ?)")
    let updateRelation = try db.cachedStatement(
      sql: """
        UPDATE relation SET confidence = MAX(confidence, ?), count = count + ?,
          document_count = document_count + ? WHERE id = ?
        """)
    var documentRelations: Set<Int64> = []
    for relation in graph.relations {
      guard let subject = globalOf[relation.subject], let object = globalOf[relation.object] else { continue }
      let relationID = try relationRow(subject: subject, predicate: relation.predicate, object: object, db: db)
      try insertStatement.execute(arguments: [
        document, relationID, relation.subject.rawValue, relation.predicate.rawValue, relation.object.rawValue,
        relation.confidence, relation.count, relation.source,
      ])
      let statementID = db.lastInsertedRowID
      for evidence in relation.evidence {
        try insertEvidence.execute(arguments: [
          statementID, document, evidence.start, evidence.end, evidence.text, evidence.sentence,
        ])
      }
      let isNewDocument = documentRelations.insert(relationID).inserted
      try updateRelation.execute(arguments: [relation.confidence, relation.count, isNewDocument ? 1 : 0, relationID])
    }
    try insertQuotes(of: graph, document: document, db: db)
  }

  /// Inserts the quote records of one document; speakers and mentions are kept as local ids.
  static func insertQuotes(of graph: KnowledgeGraph, document: String, db: Database) throws {
    guard !graph.quotes.isEmpty else { return }
    let insertQuote = try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO quote (doc, id, start, "end", text, kind, speaker_local, speaker_mention_start,
          speaker_mention_end, speaker_mention_text, cue_start, cue_end, cue_text, embedded_in, mentions_local,
          confidence, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for q in graph.quotes where q.doc == document {
      try insertQuote.execute(arguments: [
        document, q.id, q.start, q.end, q.text, q.kind.rawValue, q.speaker?.rawValue, q.speakerMention?.start,
        q.speakerMention?.end, q.speakerMention?.text, q.cue?.start, q.cue?.end, q.cue?.text, q.embeddedIn,
        AttributeCoding.encodeList(q.mentions.map(\.rawValue)), q.confidence, q.source,
      ])
    }
  }

  /// Creates the store entity `id` from a local entity, or folds the local's confidence and attributes in.
  ///
  /// The store entity is named after the earliest local entity with the same id (`isNamesake`), else after
  /// the earliest local entity; ``refresh(entities:relations:db:)`` applies the same rule.
  private static func upsertEntity(
    id: EntityID, kind: EntityKind, name: String, attributes: [String: String], confidence: Double,
    isNamesake: Bool, db: Database
  ) throws {
    let select = try db.cachedStatement(sql: "SELECT name, attributes, confidence FROM entity WHERE id = ?")
    if let existing = try Row.fetchOne(select, arguments: [id.rawValue]) {
      let existingName: String = existing[0]
      let existingAttributes: String = existing[1]
      let existingConfidence: Double = existing[2]
      if isNamesake && existingName != name,
        try Bool.fetchOne(
          db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM local_entity WHERE entity_id = ?1 AND local_id = ?1)"),
          arguments: [id.rawValue]) == false
      {
        try db.cachedStatement(sql: "UPDATE entity SET name = ? WHERE id = ?").execute(arguments: [name, id.rawValue])
      }
      var merged = AttributeCoding.decode(existingAttributes)
      var changed = false
      for (key, value) in attributes where merged[key] == nil {
        merged[key] = value
        changed = true
      }
      if changed || confidence > existingConfidence {
        try db.cachedStatement(sql: "UPDATE entity SET attributes = ?, confidence = ? WHERE id = ?").execute(
          arguments: [AttributeCoding.encode(merged), max(confidence, existingConfidence), id.rawValue])
      }
    } else {
      try db.cachedStatement(
        sql: "INSERT INTO entity (id, kind, name, attributes, confidence) VALUES (?, ?, ?, ?, ?)"
      ).execute(arguments: [id.rawValue, kind.rawValue, name, AttributeCoding.encode(attributes), confidence])
    }
  }

  /// The id of the store relation `(subject, predicate, object)`, created empty when missing.
  private static func relationRow(subject: EntityID, predicate: Predicate, object: EntityID, db: Database) throws
    -> Int64
  {
    let key = Relation(subject: subject, predicate: predicate, object: object, confidence: 0).key
    let arguments: StatementArguments = [key.subject.rawValue, key.predicate.rawValue, key.object.rawValue]
    if let id = try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM relation WHERE subject = ? AND predicate = ? AND object = ?"),
      arguments: arguments)
    {
      return id
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO relation (subject, predicate, object, confidence, count, document_count) VALUES (?, ?, ?, 0, 0, 0)
        """
    ).execute(arguments: arguments)
    return db.lastInsertedRowID
  }

  // MARK: - Remove

  /// Removes documents and all their facts. Each argument is a document id or a stored path.
  ///
  /// - Returns: the ids removed, sorted.
  /// - Throws: ``StoreError`` `.unknownDocument` (nothing removed) when an argument names no document.
  @discardableResult
  public func remove(documents idsOrPaths: [String]) throws -> [String] {
    try write { db in
      var ids: Set<String> = []
      for item in idsOrPaths {
        if try DocumentRecord.fetchOne(db, key: item) != nil {
          ids.insert(item)
          continue
        }
        var byPath = try String.fetchAll(db, sql: "SELECT id FROM document WHERE path = ?", arguments: [item])
        if byPath.isEmpty {
          // The same file written another way (`./a.txt`, an absolute path, a symbolic link).
          byPath = try Row.fetchAll(db, sql: "SELECT id, path FROM document").filter {
            GraphStore.isSameFile($0["path"], item)
          }.map { $0["id"] }
        }
        if byPath.isEmpty { throw StoreError(.unknownDocument, "no document with id or path '\(item)' in the store") }
        ids.formUnion(byPath)
      }
      var entities: Set<String> = []
      var relations: Set<Int64> = []
      for id in ids.sorted() {
        let touched = try GraphStore.deleteDocument(id, db: db)
        entities.formUnion(touched.entities)
        relations.formUnion(touched.relations)
      }
      try GraphStore.refresh(entities: entities, relations: relations, db: db)
      return ids.sorted()
    }
  }

  /// Deletes a document row (cascading to its facts) and returns the store entities and relations it touched.
  static func deleteDocument(_ id: String, db: Database) throws -> (entities: Set<String>, relations: Set<Int64>) {
    let entities = Set(
      try String.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM local_entity WHERE doc = ?", arguments: [id]))
    let relations = Set(
      try Int64.fetchAll(db, sql: "SELECT DISTINCT relation_id FROM statement WHERE doc = ?", arguments: [id]))
    try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
    return (entities, relations)
  }

  /// Recomputes aggregates of relations and entities whose facts changed; deletes the ones left without facts.
  static func refresh(entities: Set<String>, relations: Set<Int64>, db: Database) throws {
    for id in relations.sorted() {
      let row = try Row.fetchOne(
        db,
        sql: "SELECT COUNT(*), MAX(confidence), SUM(count), COUNT(DISTINCT doc) FROM statement WHERE relation_id = ?",
        arguments: [id])
      let statements: Int = row?[0] ?? 0
      if statements == 0 {
        try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
      } else {
        try db.execute(
          sql: "UPDATE relation SET confidence = ?, count = ?, document_count = ? WHERE id = ?",
          arguments: [row?[1] as Double? ?? 0, row?[2] as Int? ?? 0, row?[3] as Int? ?? 0, id])
      }
    }
    for id in entities.sorted() {
      let locals = try LocalEntityRecord.fetchAll(
        db, sql: "SELECT * FROM local_entity WHERE entity_id = ?1 ORDER BY local_id = ?1 DESC, seq, local_id",
        arguments: [id])
      guard let first = locals.first else {
        try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [id])
        continue
      }
      var attributes: [String: String] = [:]
      for local in locals {
        for (key, value) in AttributeCoding.decode(local.attributes) where attributes[key] == nil {
          attributes[key] = value
        }
      }
      try db.execute(
        sql: "UPDATE entity SET name = ?, attributes = ?, confidence = ? WHERE id = ?",
        arguments: [
          first.name, AttributeCoding.encode(attributes), locals.map(\.confidence).max() ?? 0, id,
        ])
    }
  }

  // MARK: - Manual decisions

  /// Records that `absorbed` is the same entity as `kept`, and re-resolves the store.
  ///
  /// Later ingests respect the decision: facts of `absorbed` always go to `kept`.
  ///
  /// - Parameters:
  ///   - kept: the name or id of the entity that stays.
  ///   - absorbed: the name or id of the entity merged into it.
  /// - Returns: the ids of both entities.
  /// - Throws: ``StoreError`` `.unknownEntity`, `.ambiguousEntity`, `.kindMismatch` or `.badDecision`.
  @discardableResult
  public func merge(_ kept: String, _ absorbed: String) throws -> (kept: EntityID, absorbed: EntityID) {
    try write { db in
      let a = try GraphStore.resolveEntity(kept, db: db)
      let b = try GraphStore.resolveEntity(absorbed, db: db)
      if a == b { throw StoreError(.badDecision, "'\(kept)' and '\(absorbed)' are already one entity (\(a))") }
      if a.kind != b.kind {
        throw StoreError(
          .kindMismatch,
          "cannot merge \(b) (\(b.kind?.rawValue ?? "?")) into \(a) (\(a.kind?.rawValue ?? "?")): kinds differ")
      }
      var record = DecisionRecord(action: "merge", a: a.rawValue, b: b.rawValue, decidedAt: Timestamp.now())
      try record.insert(db)
      try GraphStore.rebuild(db: db)
      return (a, b)
    }
  }

  /// Records that an entity must be split back into the entities its documents named, and re-resolves.
  ///
  /// With `other`, only keeps the two apart (and undoes a manual merge between them). Without it, undoes every
  /// automatic and manual merge into `name`. Later ingests respect the decision.
  ///
  /// - Returns: the id of the entity split.
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity`.
  @discardableResult
  public func split(_ name: String, from other: String? = nil) throws -> EntityID {
    try write { db in
      let a = try GraphStore.resolveEntity(name, db: db)
      var b: EntityID?
      if let other {
        b = try GraphStore.resolveEntityOrLocal(other, db: db)
        if b == a {
          throw StoreError(.badDecision, "'\(name)' and '\(other)' name the same entity; use `split \(name)`")
        }
      }
      var record = DecisionRecord(action: "split", a: a.rawValue, b: b?.rawValue, decidedAt: Timestamp.now())
      try record.insert(db)
      try GraphStore.rebuild(db: db)
      return a
    }
  }

  /// The manual decisions in the order they were made.
  public func decisions() throws -> [ManualDecision] {
    try read { db in
      try DecisionRecord.order(Column("id")).fetchAll(db).map {
        ManualDecision(
          action: $0.action, kept: EntityID(rawValue: $0.a), other: $0.b.map(EntityID.init(rawValue:)),
          decidedAt: $0.decidedAt)
      }
    }
  }

  /// Re-resolves every local entity in ingest order, then rebuilds relations and aggregates.
  static func rebuild(db: Database) throws {
    try db.execute(sql: "DELETE FROM relation; DELETE FROM entity;")
    let resolver = try EntityResolver(db)
    var globalOf: [String: [String: String]] = [:]  // doc → local → global
    let locals = try LocalEntityRecord.fetchAll(db, sql: "SELECT * FROM local_entity ORDER BY seq, local_id")
    var aliasesByLocal: [String: [String: [String]]] = [:]
    for alias in try AliasRecord.fetchAll(db) {
      aliasesByLocal[alias.doc, default: [:]][alias.localID, default: []].append(alias.matchKey)
    }
    for local in locals {
      let entity = Entity(
        id: EntityID(rawValue: local.localID), kind: EntityKind(rawValue: local.kind) ?? .location,
        name: local.name, attributes: AttributeCoding.decode(local.attributes), confidence: local.confidence)
      let global = try resolver.resolve(
        entity, matchKey: local.matchKey, aliasKeys: aliasesByLocal[local.doc]?[local.localID] ?? [],
        seq: local.seq, db: db)
      try db.execute(
        sql: "UPDATE local_entity SET entity_id = ? WHERE doc = ? AND local_id = ?",
        arguments: [global.rawValue, local.doc, local.localID])
      try upsertEntity(
        id: global, kind: entity.kind, name: local.name, attributes: entity.attributes,
        confidence: local.confidence, isNamesake: entity.id == global, db: db)
      globalOf[local.doc, default: [:]][local.localID] = global.rawValue
    }
    let statements = try StatementRecord.fetchAll(db, sql: "SELECT * FROM statement ORDER BY id")
    var touched: Set<Int64> = []
    for statement in statements {
      guard let subject = globalOf[statement.doc]?[statement.subjectLocal],
        let object = globalOf[statement.doc]?[statement.objectLocal]
      else {
        try db.execute(sql: "DELETE FROM statement WHERE id = ?", arguments: [statement.id])
        continue
      }
      let id = try relationRow(
        subject: EntityID(rawValue: subject), predicate: Predicate(statement.predicate),
        object: EntityID(rawValue: object), db: db)
      try db.execute(sql: "UPDATE statement SET relation_id = ? WHERE id = ?", arguments: [id, statement.id])
      touched.insert(id)
    }
    try refresh(
      entities: Set(locals.map(\.entityID)).union(globalOf.values.flatMap(\.values)), relations: touched, db: db)
  }
}

/// A manual merge or split, as recorded by ``GraphStore/merge(_:_:)`` or ``GraphStore/split(_:from:)``.
public struct ManualDecision: Sendable, Equatable, Codable {
  /// `merge` or `split`.
  public var action: String
  /// The entity kept (merge) or split.
  public var kept: EntityID
  /// The entity absorbed (merge) or kept apart (split with two names).
  public var other: EntityID?
  /// ISO 8601 time of the decision.
  public var decidedAt: String

  package init(action: String, kept: EntityID, other: EntityID?, decidedAt: String) {
    self.action = action
    self.kept = kept
    self.other = other
    self.decidedAt = decidedAt
  }
}
