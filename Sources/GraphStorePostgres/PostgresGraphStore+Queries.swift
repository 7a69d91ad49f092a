import DocumentModel
import GraphStore

extension PostgresGraphStore {
  // MARK: - Public queries

  /// Who mentioned what in words attributed to them; the same rows and order as ``GraphStore/mentions(_:)``.
  public func mentions(_ query: MentionsQuery = MentionsQuery()) throws -> [MentionRow] {
    try session.transaction(readOnly: true) {
      var speakers: Set<String>?
      if let speaker = query.speaker { speakers = try matchingEntities(speaker) }
      let rows = try relationRows(
        predicate: .mentioned, subjects: speakers, objects: nil, objectKind: query.kind, document: query.document)
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
    try session.transaction(readOnly: true) {
      let subjects = try query.subject.map { try matchingEntities($0) }
      let objects = try query.object.map { try matchingEntities($0) }
      return try relationRows(
        predicate: query.predicate, subjects: subjects, objects: objects, objectKind: nil, document: query.document)
    }
  }

  /// Kind, aliases, attributes, documents, mentions and relations of the entity named `name`.
  ///
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity`.
  public func entity(named name: String) throws -> EntityReport {
    try session.transaction(readOnly: true) {
      let id = try resolveEntityInTransaction(name)
      guard
        let record = try session.query(
          "SELECT kind, name, attributes, confidence FROM entity WHERE id = $1", [.text(id.rawValue)]
        ).first
      else {
        throw StoreError(.unknownEntity, "no entity '\(name)' in the store")
      }
      let entityName: String = try record[1]
      let summary = EntitySummary(id: id, kind: EntityKind(rawValue: try record[0]) ?? .location, name: entityName)
      let locals = try session.query(
        "SELECT doc, local_id, name FROM local_entity WHERE entity_id = $1", [.text(id.rawValue)])
      var aliases = Set(try locals.map { try $0[2] as String })
      aliases.formUnion(
        try session.query(
          """
          SELECT a.text FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
          WHERE le.entity_id = $1
          """, [.text(id.rawValue)]
        ).map { try $0[0] as String })
      aliases.remove(entityName)
      let mentions = try session.query(
        """
        SELECT m.doc, m.start, m."end", m.text, m.sentence, m.form
        FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id
        WHERE le.entity_id = $1 ORDER BY m.doc COLLATE "C", m.start, m."end"
        """, [.text(id.rawValue)]
      ).map(Self.mention)
      let relations =
        try relationRows(predicate: nil, subjects: [id.rawValue], objects: nil, objectKind: nil, document: nil)
        + relationRows(predicate: nil, subjects: nil, objects: [id.rawValue], objectKind: nil, document: nil)
        .filter { $0.subject.id != id }
      return EntityReport(
        entity: summary, aliases: aliases.sorted(), attributes: AttributeCoding.decode(try record[2]),
        confidence: try record[3],
        mergedIDs: Set(try locals.map { EntityID(rawValue: try $0[1]) }).sorted(),
        documents: Set(try locals.map { try $0[0] as String }).sorted(), mentions: mentions,
        relations: relations.sorted { RelationRow.order($0, $1) })
    }
  }

  /// Entities within `depth` edges of `name` (edges followed in both directions), breadth first.
  public func neighbors(of name: String, depth: Int) throws -> [NeighborRow] {
    try session.transaction(readOnly: true) {
      let start = try resolveEntityInTransaction(name)
      var summaries: [EntityID: EntitySummary] = [:]
      var seen: Set<EntityID> = [start]
      var frontier: [EntityID] = [start]
      var rows: [NeighborRow] = []
      var distance = 0
      while !frontier.isEmpty && distance < max(depth, 0) {
        distance += 1
        var next: [EntityID] = []
        for node in frontier {
          for edge in try edges(of: node) where seen.insert(edge.other).inserted {
            next.append(edge.other)
            rows.append(
              NeighborRow(
                entity: try summary(edge.other, cache: &summaries), distance: distance,
                via: try summary(node, cache: &summaries), predicate: edge.predicate, direction: edge.direction))
          }
        }
        frontier = next.sorted()
      }
      return rows.sorted { ($0.distance, $0.entity.name, $0.entity.id) < ($1.distance, $1.entity.name, $1.entity.id) }
    }
  }

  /// A shortest chain of edges (followed in either direction) from `a` to `b`; empty when not connected.
  public func path(from a: String, to b: String, maxDepth: Int = 12) throws -> [PathStep] {
    try session.transaction(readOnly: true) {
      let start = try resolveEntityInTransaction(a)
      let goal = try resolveEntityInTransaction(b)
      if start == goal { return [] }
      var previous: [EntityID: (node: EntityID, predicate: DocumentModel.Predicate, direction: EdgeDirection)] = [:]
      var seen: Set<EntityID> = [start]
      var frontier = [start]
      var depth = 0
      search: while !frontier.isEmpty && depth < maxDepth {
        depth += 1
        var next: [EntityID] = []
        for node in frontier {
          for edge in try edges(of: node) where seen.insert(edge.other).inserted {
            previous[edge.other] = (node, edge.predicate, edge.direction)
            if edge.other == goal { break search }
            next.append(edge.other)
          }
        }
        frontier = next
      }
      guard previous[goal] != nil else { return [] }
      var summaries: [EntityID: EntitySummary] = [:]
      var steps: [PathStep] = []
      var current = goal
      while let step = previous[current] {
        steps.append(
          PathStep(
            from: try summary(step.node, cache: &summaries), predicate: step.predicate,
            to: try summary(current, cache: &summaries), direction: step.direction))
        current = step.node
      }
      return steps.reversed()
    }
  }

  /// The id of the entity a user means by `name` (id, exact name, exact alias, then unique part of a name).
  ///
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity`.
  public func resolveEntity(_ name: String) throws -> EntityID {
    try session.transaction(readOnly: true) { try resolveEntityInTransaction(name) }
  }

  // MARK: - Shared SQL

  func resolveEntityInTransaction(_ name: String) throws -> EntityID {
    if try !session.query("SELECT 1 FROM entity WHERE id = $1", [.text(name)]).isEmpty {
      return EntityID(rawValue: name)
    }
    let levels = [
      "SELECT id FROM entity WHERE lower(name) = lower($1) ORDER BY id",
      """
      SELECT DISTINCT le.entity_id FROM local_entity le WHERE le.local_id = $1 OR lower(le.name) = lower($1)
      UNION SELECT DISTINCT le.entity_id FROM alias a JOIN local_entity le
        ON le.doc = a.doc AND le.local_id = a.local_id WHERE lower(a.text) = lower($1)
      """,
      "SELECT id FROM entity WHERE strpos(lower(name), lower($1)) > 0 ORDER BY id",
    ]
    for sql in levels {
      let ids: [String] = try session.query(sql, [.text(name)]).map { try $0[0] }
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

  /// Ids of entities whose id is `pattern`, whose name contains it, or that have it as an alias.
  func matchingEntities(_ pattern: String) throws -> Set<String> {
    Set(
      try session.query(
        """
        SELECT id FROM entity WHERE id = $1 OR strpos(lower(name), lower($1)) > 0
        UNION SELECT le.entity_id FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
          WHERE lower(a.text) = lower($1)
        """, [.text(pattern)]
      ).map { try $0[0] as String })
  }

  /// Store relations with documents, summed counts and first evidence, after the given filters.
  func relationRows(
    predicate: DocumentModel.Predicate?, subjects: Set<String>?, objects: Set<String>?, objectKind: EntityKind?,
    document: String?
  ) throws -> [RelationRow] {
    var conditions: [String] = []
    var values: [PGValue] = []
    if let predicate {
      values.append(.text(predicate.rawValue))
      conditions.append("r.predicate = $\(values.count)")
    }
    if let objectKind {
      values.append(.text(objectKind.rawValue))
      conditions.append("oe.kind = $\(values.count)")
    }
    if let document {
      values.append(.text(document))
      conditions.append("s.doc = $\(values.count)")
    }
    for (column, set) in [("r.subject", subjects), ("r.object", objects)] {
      guard let set else { continue }
      if set.isEmpty { return [] }
      values.append(.texts(set.sorted()))
      conditions.append("\(column) = ANY($\(values.count)::text[])")
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    var rows: [Int: RelationRow] = [:]
    var order: [Int] = []
    for row in try session.query(
      """
      SELECT r.id, r.subject, r.predicate, r.object, se.kind, se.name, oe.kind, oe.name, s.doc, s.count, s.confidence
      FROM relation r JOIN statement s ON s.relation_id = r.id
        JOIN entity se ON se.id = r.subject JOIN entity oe ON oe.id = r.object
      \(whereClause)
      ORDER BY r.id, s.doc COLLATE "C"
      """, values)
    {
      let id: Int = try row[0]
      let doc: String = try row[8]
      let count: Int = try row[9]
      let confidence: Double = try row[10]
      if var existing = rows[id] {
        if existing.documents.last != doc { existing.documents.append(doc) }
        existing.count += count
        existing.confidence = max(existing.confidence, confidence)
        rows[id] = existing
      } else {
        order.append(id)
        rows[id] = RelationRow(
          subject: EntitySummary(
            id: EntityID(rawValue: try row[1]), kind: EntityKind(rawValue: try row[4]) ?? .location, name: try row[5]),
          predicate: DocumentModel.Predicate(try row[2] as String),
          object: EntitySummary(
            id: EntityID(rawValue: try row[3]), kind: EntityKind(rawValue: try row[6]) ?? .location, name: try row[7]),
          confidence: confidence, count: count, documents: [doc], evidence: nil)
      }
    }
    if rows.isEmpty { return [] }
    // First evidence of each relation, by document and offset.
    for row in try session.query(
      """
      SELECT DISTINCT ON (r.id) r.id, e.doc, e.start, e."end", e.text, e.sentence
      FROM relation r JOIN statement s ON s.relation_id = r.id JOIN evidence e ON e.statement_id = s.id
        JOIN entity oe ON oe.id = r.object
      \(whereClause)
      ORDER BY r.id, e.doc COLLATE "C", e.start, e."end", e.text COLLATE "C"
      """, values)
    {
      let id: Int = try row[0]
      guard rows[id] != nil else { continue }
      rows[id]?.evidence = Evidence(
        doc: try row[1], start: try row[2], end: try row[3], text: try row[4], sentence: try row[5])
    }
    return order.compactMap { rows[$0] }.sorted { RelationRow.order($0, $1) }
  }

  /// The edges of `node` in both directions, sorted by the other end's id, then predicate.
  func edges(of node: EntityID) throws -> [(
    other: EntityID, predicate: DocumentModel.Predicate, direction: EdgeDirection
  )] {
    var edges: [(other: EntityID, predicate: DocumentModel.Predicate, direction: EdgeDirection)] = []
    for row in try session.query(
      """
      SELECT object, predicate, 0 FROM relation WHERE subject = $1
      UNION ALL SELECT subject, predicate, 1 FROM relation WHERE object = $1
      """, [.text(node.rawValue)])
    {
      let direction: Int = try row[2]
      edges.append(
        (EntityID(rawValue: try row[0]), DocumentModel.Predicate(try row[1] as String), direction == 0 ? .out : .in))
    }
    return edges.sorted {
      ($0.other, $0.predicate, $0.direction.rawValue) < ($1.other, $1.predicate, $1.direction.rawValue)
    }
  }

  func summary(_ id: EntityID, cache: inout [EntityID: EntitySummary]) throws -> EntitySummary {
    if let hit = cache[id] { return hit }
    let row = try session.query("SELECT kind, name FROM entity WHERE id = $1", [.text(id.rawValue)]).first
    let summary = EntitySummary(
      id: id, kind: try row.flatMap { EntityKind(rawValue: try $0[0]) } ?? id.kind ?? .location,
      name: try row.map { try $0[1] } ?? id.rawValue)
    cache[id] = summary
    return summary
  }

  static func mention(_ row: PGRow) throws -> Mention {
    Mention(
      doc: try row[0], start: try row[1], end: try row[2], text: try row[3], sentence: try row[4],
      form: (try row[5] as String?).flatMap(Mention.Form.init))
  }
}
