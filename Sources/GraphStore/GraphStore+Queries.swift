import DocumentModel
import GRDB

extension GraphStore {
  // MARK: - Public queries

  /// Who mentioned what in words attributed to them, across all documents.
  ///
  /// Rows are sorted by speaker name, then by count (highest first), then by entity name; ids break ties.
  ///
  /// ```swift
  /// for row in try store.mentions(MentionsQuery(kind: .country)) { print(row.speaker.name, row.entity.name) }
  /// ```
  public func mentions(_ query: MentionsQuery = MentionsQuery()) throws -> [MentionRow] {
    try read { db in
      var speakers: Set<String>?
      if let speaker = query.speaker { speakers = try GraphStore.matchingEntities(speaker, db: db) }
      let rows = try GraphStore.relationRows(
        predicate: .mentioned, subjects: speakers, objects: nil, objectKind: query.kind, document: query.document,
        db: db)
      return rows.map {
        MentionRow(
          speaker: $0.subject, entity: $0.object, count: $0.count, documents: $0.documents, evidence: $0.evidence,
          confidence: $0.confidence)
      }.sorted {
        ($0.speaker.name, $0.speaker.id, -$0.count, $0.entity.name, $0.entity.id)
          < ($1.speaker.name, $1.speaker.id, -$1.count, $1.entity.name, $1.entity.id)
      }
    }
  }

  /// Relations filtered by predicate, subject and object, sorted by subject id, predicate, object id.
  public func relations(_ query: RelationsQuery = RelationsQuery()) throws -> [RelationRow] {
    try read { db in
      let subjects = try query.subject.map { try GraphStore.matchingEntities($0, db: db) }
      let objects = try query.object.map { try GraphStore.matchingEntities($0, db: db) }
      return try GraphStore.relationRows(
        predicate: query.predicate, subjects: subjects, objects: objects, objectKind: nil, document: query.document,
        db: db)
    }
  }

  /// Kind, aliases, attributes, documents, mentions and relations of the entity named `name`.
  ///
  /// - Parameter name: an entity id, a canonical name or alias (case-insensitive), or a unique part of a name.
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity`.
  public func entity(named name: String) throws -> EntityReport {
    try read { db in
      let id = try GraphStore.resolveEntity(name, db: db)
      guard let record = try EntityRecord.fetchOne(db, key: id.rawValue) else {
        throw StoreError(.unknownEntity, "no entity '\(name)' in the store")
      }
      let summary = EntitySummary(id: id, kind: EntityKind(rawValue: record.kind) ?? .location, name: record.name)
      let locals = try LocalEntityRecord.filter(Column("entity_id") == id.rawValue).fetchAll(db)
      var aliases = Set(locals.map(\.name))
      aliases.formUnion(
        try String.fetchAll(
          db,
          sql: """
            SELECT a.text FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
            WHERE le.entity_id = ?
            """, arguments: [id.rawValue]))
      aliases.remove(record.name)
      let mentions = try MentionRecord.fetchAll(
        db,
        sql: """
          SELECT m.* FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id
          WHERE le.entity_id = ? ORDER BY m.doc, m.start, m."end"
          """, arguments: [id.rawValue]
      ).map(\.mention)
      let relations =
        try GraphStore.relationRows(
          predicate: nil, subjects: [id.rawValue], objects: nil, objectKind: nil, document: nil, db: db)
        + GraphStore.relationRows(
          predicate: nil, subjects: nil, objects: [id.rawValue], objectKind: nil, document: nil, db: db
        ).filter { $0.subject.id != id }
      return EntityReport(
        entity: summary, aliases: aliases.sorted(), attributes: AttributeCoding.decode(record.attributes),
        confidence: record.confidence, mergedIDs: Set(locals.map { EntityID(rawValue: $0.localID) }).sorted(),
        documents: Set(locals.map(\.doc)).sorted(), mentions: mentions,
        relations: relations.sorted { RelationRow.order($0, $1) })
    }
  }

  /// Entities within `depth` edges of `name` (edges followed in both directions), breadth first.
  ///
  /// Sorted by distance, then name; each row names the entity and edge through which it was first reached.
  ///
  /// - Complexity: two indexed queries per entity visited.
  public func neighbors(of name: String, depth: Int) throws -> [NeighborRow] {
    try read { db in
      let start = try GraphStore.resolveEntity(name, db: db)
      var summaries = SummaryCache()
      var seen: Set<EntityID> = [start]
      var frontier: [EntityID] = [start]
      var rows: [NeighborRow] = []
      var distance = 0
      while !frontier.isEmpty && distance < max(depth, 0) {
        distance += 1
        var next: [EntityID] = []
        for node in frontier {
          for edge in try GraphStore.edges(of: node, db: db) where seen.insert(edge.other).inserted {
            next.append(edge.other)
            rows.append(
              NeighborRow(
                entity: try summaries.summary(edge.other, db: db), distance: distance,
                via: try summaries.summary(node, db: db), predicate: edge.predicate, direction: edge.direction))
          }
        }
        frontier = next.sorted()
      }
      return rows.sorted { ($0.distance, $0.entity.name, $0.entity.id) < ($1.distance, $1.entity.name, $1.entity.id) }
    }
  }

  /// A shortest chain of edges (followed in either direction) from `a` to `b`; empty when they are not connected.
  ///
  /// Among equally short paths, the one through the smallest ids is returned.
  public func path(from a: String, to b: String, maxDepth: Int = 12) throws -> [PathStep] {
    try read { db in
      let start = try GraphStore.resolveEntity(a, db: db)
      let goal = try GraphStore.resolveEntity(b, db: db)
      if start == goal { return [] }
      var previous: [EntityID: (node: EntityID, predicate: Predicate, direction: EdgeDirection)] = [:]
      var seen: Set<EntityID> = [start]
      var frontier = [start]
      var depth = 0
      search: while !frontier.isEmpty && depth < maxDepth {
        depth += 1
        var next: [EntityID] = []
        for node in frontier {
          for edge in try GraphStore.edges(of: node, db: db) where seen.insert(edge.other).inserted {
            previous[edge.other] = (node, edge.predicate, edge.direction)
            if edge.other == goal { break search }
            next.append(edge.other)
          }
        }
        frontier = next
      }
      guard previous[goal] != nil else { return [] }
      var summaries = SummaryCache()
      var steps: [PathStep] = []
      var current = goal
      while let step = previous[current] {
        steps.append(
          PathStep(
            from: try summaries.summary(step.node, db: db), predicate: step.predicate,
            to: try summaries.summary(current, db: db), direction: step.direction))
        current = step.node
      }
      return steps.reversed()
    }
  }

  /// The id of the entity a user means by `name` (id, exact name, exact alias, then unique part of a name).
  ///
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity` (listing the candidates).
  public func resolveEntity(_ name: String) throws -> EntityID {
    try read { db in try GraphStore.resolveEntity(name, db: db) }
  }

  // MARK: - Shared SQL

  static func resolveEntity(_ name: String, db: Database) throws -> EntityID {
    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity WHERE id = ?)", arguments: [name]) == true {
      return EntityID(rawValue: name)
    }
    let levels = [
      "SELECT id FROM entity WHERE name = ? COLLATE NOCASE ORDER BY id",
      """
      SELECT DISTINCT le.entity_id FROM local_entity le WHERE le.local_id = ?1 OR le.name = ?1 COLLATE NOCASE
      UNION SELECT DISTINCT le.entity_id FROM alias a JOIN local_entity le
        ON le.doc = a.doc AND le.local_id = a.local_id WHERE a.text = ?1 COLLATE NOCASE
      """,
      "SELECT id FROM entity WHERE instr(lower(name), lower(?)) > 0 ORDER BY id",
    ]
    for sql in levels {
      let ids = try String.fetchAll(db, sql: sql, arguments: [name])
      if ids.count == 1 { return EntityID(rawValue: ids[0]) }
      if ids.count > 1 {
        let shown = ids.sorted().prefix(10).joined(separator: ", ")
        throw StoreError(
          .ambiguousEntity,
          "'\(name)' matches \(ids.count) entities: \(shown)\(ids.count > 10 ? ", …" : ""); give an id")
      }
    }
    throw StoreError(.unknownEntity, "no entity named '\(name)' in the store")
  }

  /// Like ``resolveEntity(_:db:)`` but also accepts a document-local id that was merged into another entity.
  static func resolveEntityOrLocal(_ name: String, db: Database) throws -> EntityID {
    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM local_entity WHERE local_id = ?)", arguments: [name])
      == true
    {
      return EntityID(rawValue: name)
    }
    return try resolveEntity(name, db: db)
  }

  /// Ids of entities whose id is `pattern`, whose name contains it, or that have it as an alias.
  static func matchingEntities(_ pattern: String, db: Database) throws -> Set<String> {
    Set(
      try String.fetchAll(
        db,
        sql: """
          SELECT id FROM entity WHERE id = ?1 OR instr(lower(name), lower(?1)) > 0
          UNION SELECT le.entity_id FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
            WHERE a.text = ?1 COLLATE NOCASE
          """, arguments: [pattern]))
  }

  /// Store relations with documents, summed counts and first evidence, after the given filters.
  static func relationRows(
    predicate: Predicate?, subjects: Set<String>?, objects: Set<String>?, objectKind: EntityKind?,
    document: String?, db: Database
  ) throws -> [RelationRow] {
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []
    if let predicate {
      conditions.append("r.predicate = ?")
      arguments.append(predicate.rawValue)
    }
    if let objectKind {
      conditions.append("oe.kind = ?")
      arguments.append(objectKind.rawValue)
    }
    if let document {
      conditions.append("s.doc = ?")
      arguments.append(document)
    }
    for (column, set) in [("r.subject", subjects), ("r.object", objects)] {
      guard let set else { continue }
      if set.isEmpty { return [] }
      if set.count <= 200 {
        conditions.append("\(column) IN (\(Array(repeating: "?", count: set.count).joined(separator: ",")))")
        arguments.append(contentsOf: set.sorted())
      }
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let statementArguments = StatementArguments(arguments)
    let statementRows = try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.subject, r.predicate, r.object, se.kind, se.name, oe.kind, oe.name,
          s.doc, s.count, s.confidence
        FROM relation r JOIN statement s ON s.relation_id = r.id
          JOIN entity se ON se.id = r.subject JOIN entity oe ON oe.id = r.object
        \(whereClause)
        ORDER BY r.id, s.doc
        """, arguments: statementArguments)
    var rows: [Int64: RelationRow] = [:]
    var order: [Int64] = []
    for row in statementRows {
      let id: Int64 = row[0]
      let subject: String = row[1]
      let object: String = row[3]
      if let subjects, !subjects.contains(subject) { continue }
      if let objects, !objects.contains(object) { continue }
      let doc: String = row[8]
      let count: Int = row[9]
      let confidence: Double = row[10]
      if var existing = rows[id] {
        if existing.documents.last != doc { existing.documents.append(doc) }
        existing.count += count
        existing.confidence = max(existing.confidence, confidence)
        rows[id] = existing
      } else {
        order.append(id)
        rows[id] = RelationRow(
          subject: EntitySummary(
            id: EntityID(rawValue: subject), kind: EntityKind(rawValue: row[4]) ?? .location, name: row[5]),
          predicate: Predicate(row[2] as String),
          object: EntitySummary(
            id: EntityID(rawValue: object), kind: EntityKind(rawValue: row[6]) ?? .location, name: row[7]),
          confidence: confidence, count: count, documents: [doc], evidence: nil)
      }
    }
    if rows.isEmpty { return [] }
    // First evidence of each relation, by document and offset.
    let evidenceRows = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.id, e.doc, e.start, e."end", e.text, e.sentence
        FROM relation r JOIN statement s ON s.relation_id = r.id JOIN evidence e ON e.statement_id = s.id
          JOIN entity oe ON oe.id = r.object
        \(whereClause)
        ORDER BY r.id, e.doc, e.start, e."end", e.text
        """, arguments: statementArguments)
    while let row = try evidenceRows.next() {
      let id: Int64 = row[0]
      guard rows[id] != nil, rows[id]?.evidence == nil else { continue }
      rows[id]?.evidence = Evidence(doc: row[1], start: row[2], end: row[3], text: row[4], sentence: row[5])
    }
    return order.compactMap { rows[$0] }.sorted { RelationRow.order($0, $1) }
  }

  /// The edges of `node` in both directions, sorted by the other end's id, then predicate.
  static func edges(of node: EntityID, db: Database) throws
    -> [(other: EntityID, predicate: Predicate, direction: EdgeDirection)]
  {
    var edges: [(other: EntityID, predicate: Predicate, direction: EdgeDirection)] = []
    for row in try Row.fetchAll(
      db, sql: "SELECT object, predicate FROM relation WHERE subject = ?", arguments: [node.rawValue])
    {
      edges.append((EntityID(rawValue: row[0]), Predicate(row[1] as String), .out))
    }
    for row in try Row.fetchAll(
      db, sql: "SELECT subject, predicate FROM relation WHERE object = ?", arguments: [node.rawValue])
    {
      edges.append((EntityID(rawValue: row[0]), Predicate(row[1] as String), .in))
    }
    return edges.sorted {
      ($0.other, $0.predicate, $0.direction.rawValue) < ($1.other, $1.predicate, $1.direction.rawValue)
    }
  }
}

extension RelationRow {
  package static func order(_ a: RelationRow, _ b: RelationRow) -> Bool {
    (a.subject.id, a.predicate, a.object.id) < (b.subject.id, b.predicate, b.object.id)
  }
}

/// Entity summaries looked up once per query.
struct SummaryCache {
  private var cache: [EntityID: EntitySummary] = [:]

  mutating func summary(_ id: EntityID, db: Database) throws -> EntitySummary {
    if let hit = cache[id] { return hit }
    let record = try EntityRecord.fetchOne(db, key: id.rawValue)
    let summary = EntitySummary(
      id: id, kind: record.flatMap { EntityKind(rawValue: $0.kind) } ?? id.kind ?? .location,
      name: record?.name ?? id.rawValue)
    cache[id] = summary
    return summary
  }
}
