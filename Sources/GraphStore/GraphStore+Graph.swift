import DocumentModel
import GRDB

extension GraphStore {
  /// The whole store as one graph: every document, merged entity (with aliases and mentions) and relation
  /// (with all its evidence).
  ///
  /// - Parameter minConfidence: drop relations below this confidence.
  public func loadGraph(minConfidence: Double = 0) throws -> KnowledgeGraph {
    try read { db in try GraphStore.loadGraph(entityIDs: nil, minConfidence: minConfidence, db: db) }
  }

  /// The part of the store around `focus`, for focused diagrams.
  ///
  /// Starting from the entity `focus` names, follows relations (both directions) of at least `minConfidence`
  /// to entities of the given `kinds` for `depth` steps; returns those entities and the relations among them.
  /// With `focus` `nil`, returns every entity of `kinds` and the relations among them.
  ///
  /// ```swift
  /// let graph = try store.subgraph(focus: "Ada Lovelace", depth: 1, kinds: [.person, .country], minConfidence: 0.5)
  /// ```
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity` for `focus`.
  public func subgraph(
    focus: String?, depth: Int = 1, kinds: Set<EntityKind>? = nil, minConfidence: Double = 0
  ) throws -> KnowledgeGraph {
    try read { db in
      guard let focus else {
        let ids = try String.fetchAll(db, sql: "SELECT id, kind FROM entity ORDER BY id").filter { id in
          kinds.map { k in EntityID(rawValue: id).kind.map(k.contains) ?? false } ?? true
        }
        return try GraphStore.loadGraph(
          entityIDs: kinds == nil ? nil : Set(ids.map(EntityID.init(rawValue:))), minConfidence: minConfidence,
          db: db)
      }
      let start = try GraphStore.resolveEntity(focus, db: db)
      var seen: Set<EntityID> = [start]
      var frontier = [start]
      for _ in 0..<max(depth, 0) {
        var next: [EntityID] = []
        for node in frontier {
          for row in try Row.fetchAll(
            db,
            sql: """
              SELECT object AS other FROM relation WHERE subject = ?1 AND confidence >= ?2
              UNION SELECT subject FROM relation WHERE object = ?1 AND confidence >= ?2
              """, arguments: [node.rawValue, minConfidence])
          {
            let other = EntityID(rawValue: row[0])
            if let kinds, let kind = other.kind, !kinds.contains(kind) { continue }
            if seen.insert(other).inserted { next.append(other) }
          }
        }
        frontier = next.sorted()
      }
      return try GraphStore.loadGraph(entityIDs: seen, minConfidence: minConfidence, db: db)
    }
  }

  static func loadGraph(entityIDs: Set<EntityID>?, minConfidence: Double, db: Database) throws -> KnowledgeGraph {
    var entities: [Entity] = []
    var relations: [Relation] = []
    if let entityIDs {
      for id in entityIDs.sorted() {
        guard let record = try EntityRecord.fetchOne(db, key: id.rawValue) else { continue }
        var entity = record.makeEntity()
        entity.aliases = try aliases(of: [id.rawValue], db: db)[id.rawValue] ?? []
        entity.mentions = try MentionRecord.fetchAll(
          db,
          sql: """
            SELECT m.* FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id
            WHERE le.entity_id = ? ORDER BY m.doc, m.start
            """, arguments: [id.rawValue]
        ).map(\.mention)
        entities.append(entity)
      }
      let ids = Set(entities.map(\.id.rawValue))
      for id in ids.sorted() {
        let records = try RelationRecord.fetchAll(
          db, sql: "SELECT * FROM relation WHERE subject = ? AND confidence >= ? ORDER BY predicate, object",
          arguments: [id, minConfidence])
        for record in records where ids.contains(record.object) {
          relations.append(try makeRelation(record, db: db))
        }
      }
    } else {
      let aliasesByEntity = try aliases(of: nil, db: db)
      var mentionsByEntity: [String: [Mention]] = [:]
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT le.entity_id, m.doc, m.start, m."end", m.text, m.sentence, m.form
          FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id
          """)
      while let row = try cursor.next() {
        mentionsByEntity[row[0], default: []].append(
          Mention(
            doc: row[1], start: row[2], end: row[3], text: row[4], sentence: row[5],
            form: (row[6] as String?).flatMap(Mention.Form.init)))
      }
      for record in try EntityRecord.order(Column("id")).fetchAll(db) {
        var entity = record.makeEntity()
        entity.aliases = aliasesByEntity[record.id] ?? []
        entity.mentions = (mentionsByEntity[record.id] ?? []).sorted()
        entities.append(entity)
      }
      var evidenceByRelation: [Int64: [Evidence]] = [:]
      var sourceByRelation: [Int64: String] = [:]
      let evidence = try Row.fetchCursor(
        db,
        sql: """
          SELECT s.relation_id, e.doc, e.start, e."end", e.text, e.sentence
          FROM evidence e JOIN statement s ON s.id = e.statement_id
          """)
      while let row = try evidence.next() {
        evidenceByRelation[row[0], default: []].append(
          Evidence(doc: row[1], start: row[2], end: row[3], text: row[4], sentence: row[5]))
      }
      for row in try Row.fetchAll(
        db, sql: "SELECT relation_id, source FROM statement WHERE source != '' ORDER BY relation_id, doc, id")
      where sourceByRelation[row[0]] == nil {
        sourceByRelation[row[0]] = row[1]
      }
      for record in try RelationRecord.fetchAll(
        db, sql: "SELECT * FROM relation WHERE confidence >= ? ORDER BY subject, predicate, object",
        arguments: [minConfidence])
      {
        var relation = record.makeRelation()
        relation.evidence = (evidenceByRelation[record.id!] ?? []).sorted()
        relation.source = sourceByRelation[record.id!] ?? ""
        relations.append(relation)
      }
    }
    let documents = try DocumentRecord.order(Column("id")).fetchAll(db).map(\.info)
    var quotes = try loadQuotes(document: nil, db: db)
    if let entityIDs {
      // A part of the store keeps the quotes of its speakers.
      quotes = quotes.filter { q in q.speaker.map(entityIDs.contains) ?? false }
    }
    var graph = KnowledgeGraph(documents: documents, entities: entities, relations: relations, quotes: quotes)
    graph.dropDanglingRelations()
    return graph
  }

  private static func makeRelation(_ record: RelationRecord, db: Database) throws -> Relation {
    var relation = record.makeRelation()
    relation.evidence = try Row.fetchAll(
      db,
      sql: """
        SELECT e.doc, e.start, e."end", e.text, e.sentence FROM evidence e JOIN statement s ON s.id = e.statement_id
        WHERE s.relation_id = ? ORDER BY e.doc, e.start
        """, arguments: [record.id]
    ).map { Evidence(doc: $0[0], start: $0[1], end: $0[2], text: $0[3], sentence: $0[4]) }
    relation.source =
      try String.fetchOne(
        db, sql: "SELECT source FROM statement WHERE relation_id = ? AND source != '' ORDER BY doc, id LIMIT 1",
        arguments: [record.id]) ?? ""
    return relation
  }

  /// Aliases (other local names and alias texts) of each entity, sorted, without the entity's own name.
  private static func aliases(of ids: [String]?, db: Database) throws -> [String: [String]] {
    var sets: [String: Set<String>] = [:]
    let filter = ids == nil ? "" : "WHERE le.entity_id = ?"
    let arguments = StatementArguments(ids.map { [$0[0]] } ?? [])
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT le.entity_id, le.name FROM local_entity le \(filter)
        UNION SELECT le.entity_id, a.text FROM alias a
          JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id \(filter)
        """, arguments: ids == nil ? StatementArguments() : arguments + arguments)
    {
      sets[row[0], default: []].insert(row[1])
    }
    var names: [String: String] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT id, name FROM entity \(ids == nil ? "" : "WHERE id = ?")", arguments: arguments)
    {
      names[row[0]] = row[1]
    }
    return sets.mapValues { $0 }.reduce(into: [:]) { result, item in
      result[item.key] = item.value.subtracting([names[item.key] ?? ""]).sorted()
    }
  }
}

extension GraphStore {
  /// The store's view of one document: the store entities its facts were merged into, with that document's
  /// aliases and mentions only, and the relations it states, with its own counts and evidence.
  ///
  /// For a document whose entities merged with nothing else, this is the graph it was ingested with.
  ///
  /// - Throws: ``StoreError`` `.unknownDocument`.
  public func documentGraph(_ id: String) throws -> KnowledgeGraph {
    try read { db in
      guard let document = try DocumentRecord.fetchOne(db, key: id) else {
        throw StoreError(.unknownDocument, "no document with id '\(id)' in the store")
      }
      var entities: [EntityID: Entity] = [:]
      var names: [EntityID: Set<String>] = [:]
      for local in try LocalEntityRecord.filter(Column("doc") == id).fetchAll(db) {
        let global = EntityID(rawValue: local.entityID)
        if entities[global] == nil, let record = try EntityRecord.fetchOne(db, key: local.entityID) {
          entities[global] = record.makeEntity()
        }
        names[global, default: []].insert(local.name)
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT le.entity_id, a.text FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
          WHERE a.doc = ?
          """, arguments: [id])
      {
        names[EntityID(rawValue: row[0]), default: []].insert(row[1])
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT le.entity_id, m.start, m."end", m.text, m.sentence, m.form
          FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id WHERE m.doc = ?
          """, arguments: [id])
      {
        entities[EntityID(rawValue: row[0])]?.mentions.append(
          Mention(
            doc: id, start: row[1], end: row[2], text: row[3], sentence: row[4],
            form: (row[5] as String?).flatMap(Mention.Form.init)))
      }
      for (global, set) in names {
        guard var entity = entities[global] else { continue }
        entity.aliases = set.subtracting([entity.name]).sorted()
        entities[global] = entity
      }
      var relations: [Int64: Relation] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.relation_id, r.subject, r.predicate, r.object, s.confidence, s.count, s.source
          FROM statement s JOIN relation r ON r.id = s.relation_id WHERE s.doc = ? ORDER BY s.id
          """, arguments: [id])
      {
        let statement: Int64 = row[0]
        let relationID: Int64 = row[1]
        let evidence = try Row.fetchAll(
          db,
          sql: "SELECT start, \"end\", text, sentence FROM evidence WHERE statement_id = ?",
          arguments: [statement]
        ).map { Evidence(doc: id, start: $0[0], end: $0[1], text: $0[2], sentence: $0[3]) }
        if var existing = relations[relationID] {
          existing.confidence = max(existing.confidence, row[5])
          existing.count += row[6] as Int
          existing.evidence += evidence
          relations[relationID] = existing
        } else {
          relations[relationID] = Relation(
            subject: EntityID(rawValue: row[2]), predicate: Predicate(row[3] as String),
            object: EntityID(rawValue: row[4]), confidence: row[5], count: row[6], evidence: evidence, source: row[7])
        }
      }
      return KnowledgeGraph(
        documents: [document.info], entities: entities.keys.sorted().compactMap { entities[$0] },
        relations: relations.values.sorted { $0.key < $1.key }, quotes: try GraphStore.loadQuotes(document: id, db: db))
    }
  }
}
