import DocumentModel
import Foundation
import GraphStore

extension PostgresGraphStore {
  // MARK: - Ingest

  /// Stores `graph` as the facts of `document` in one transaction, after every earlier document.
  ///
  /// The same contract as ``GraphStore/ingest(_:for:force:)``. The transaction first takes the store's write
  /// lock, so the entity resolution of concurrent workers never races; the document's rows are then written
  /// with a few set-based statements (`unnest`) instead of one per row, so a commit costs a dozen round trips.
  ///
  /// - Throws: ``StoreError`` `.database`; nothing of the document is then written.
  @discardableResult
  public func ingest(_ graph: KnowledgeGraph, for document: DocumentInfo, force: Bool = false) throws
    -> IngestOutcome
  {
    try session.transaction {
      try lockForWriting()
      var outcome = IngestOutcome.added
      var touched = Touched()
      let first = try session.query(
        "SELECT (SELECT sha256 FROM document WHERE id = $1), (SELECT COALESCE(MAX(seq), 0) + 1 FROM document)",
        [.text(document.id)])[0]
      var seq: Int = try first[1]
      if let existing: String = try first[0] {
        if !force && existing == document.sha256 && !document.sha256.isEmpty { return .unchanged }
        outcome = .updated
        touched = try deleteDocument(document.id)
        seq = try session.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM document")[0][0]
      }
      try session.send(
        "INSERT INTO document (id, path, sha256, length, ingested_at, seq) VALUES ($1, $2, $3, $4, $5, $6)",
        [
          .text(document.id), .text(document.path), .text(document.sha256), .int(document.length),
          .text(Timestamp.now()), .int(seq),
        ])
      try insertFacts(of: graph, document: document.id, seq: seq)
      try refresh(touched)
      return outcome
    }
  }

  /// The document's local entities, resolved against earlier documents, and its statements.
  private func insertFacts(of graph: KnowledgeGraph, document: String, seq: Int) throws {
    let resolver = EntityResolver(decisions: try loadDecisions())
    let keys = graph.entities.map { entity in
      (
        match: EntityResolver.matchKey(for: entity),
        aliases: entity.aliases.map { EntityResolver.aliasKey($0, of: entity) }
      )
    }
    var lookup = try MemoryLookup.prefetch(
      localIDs: graph.entities.map(\.id.rawValue),
      keys: Array(Set(keys.flatMap { [$0.match] + $0.aliases }.filter { !$0.isEmpty })),
      firstOnly: resolver.decisions.isEmpty, session: session)
    var globalOf: [EntityID: EntityID] = [:]
    var globals: [EntityID] = []
    for (entity, key) in zip(graph.entities, keys) {
      let global = try resolver.resolve(
        entity, matchKey: key.match, aliasKeys: key.aliases, seq: seq, lookup: &lookup)
      lookup.existing.insert(global.rawValue)
      globalOf[entity.id] = global
      globals.append(global)
    }
    var entities = try EntityRows.fetch(Array(Set(globals.map(\.rawValue))), session: session)
    for (entity, global) in zip(graph.entities, globals) {
      entities.fold(
        id: global.rawValue, kind: entity.kind.rawValue, name: entity.name, attributes: entity.attributes,
        confidence: entity.confidence, isNamesake: entity.id == global)
    }
    try entities.write(session: session)

    var locals = LocalRows()
    for (index, entity) in graph.entities.enumerated() {
      locals.add(
        doc: document, entity: entity, global: globals[index].rawValue, matchKey: keys[index].match,
        aliasKeys: keys[index].aliases, seq: seq)
    }
    try locals.write(session: session)
    try QuoteColumns(graph.quotes.filter { $0.doc == document }).write(session: session)

    // Relations: find or create each store relation, then the statements with their evidence.
    var relationKeys: [RelationKey] = []
    var statements: [(relation: Relation, key: RelationKey)] = []
    for relation in graph.relations {
      guard let subject = globalOf[relation.subject], let object = globalOf[relation.object] else { continue }
      let key = Relation(subject: subject, predicate: relation.predicate, object: object, confidence: 0).key
      relationKeys.append(key)
      statements.append((relation, key))
    }
    if statements.isEmpty { return }
    let relationIDs = try relationRows(Array(Set(relationKeys)))
    let statementIDs: [Int] = try session.query(
      "SELECT nextval(pg_get_serial_sequence('statement', 'id')) FROM generate_series(1, $1)",
      [.int(statements.count)]
    ).map { try $0[0] }
    var s = StatementColumns()
    var e = EvidenceColumns()
    var aggregates: [Int: (confidence: Double, count: Int)] = [:]
    for ((relation, key), statementID) in zip(statements, statementIDs) {
      guard let relationID = relationIDs[key] else { continue }
      s.append(
        id: statementID, doc: document, relationID: relationID, relation: relation)
      for evidence in relation.evidence { e.append(statementID: statementID, doc: document, evidence) }
      let old = aggregates[relationID] ?? (0, 0)
      aggregates[relationID] = (max(old.confidence, relation.confidence), old.count + relation.count)
    }
    try s.write(session: session)
    try e.write(session: session)
    let ids = aggregates.keys.sorted()
    try session.send(
      """
      UPDATE relation r SET confidence = GREATEST(r.confidence, v.confidence), count = r.count + v.count,
        document_count = r.document_count + 1
      FROM unnest($1::bigint[], $2::float8[], $3::bigint[]) AS v(id, confidence, count) WHERE r.id = v.id
      """, [.ints(ids), .doubles(ids.map { aggregates[$0]!.confidence }), .ints(ids.map { aggregates[$0]!.count })])
  }

  /// The ids of the store relations with these keys; the missing ones are created empty.
  private func relationRows(_ keys: [RelationKey]) throws -> [RelationKey: Int] {
    let subjects = keys.map(\.subject.rawValue)
    let predicates = keys.map(\.predicate.rawValue)
    let objects = keys.map(\.object.rawValue)
    try session.send(
      """
      INSERT INTO relation (subject, predicate, object, confidence, count, document_count)
      SELECT s, p, o, 0, 0, 0 FROM unnest($1::text[], $2::text[], $3::text[]) AS k(s, p, o)
      ON CONFLICT (subject, predicate, object) DO NOTHING
      """, [.texts(subjects), .texts(predicates), .texts(objects)])
    var ids: [RelationKey: Int] = [:]
    for row in try session.query(
      """
      SELECT r.id, r.subject, r.predicate, r.object FROM relation r
      JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(s, p, o)
        ON r.subject = k.s AND r.predicate = k.p AND r.object = k.o
      """, [.texts(subjects), .texts(predicates), .texts(objects)])
    {
      let key = Relation(
        subject: EntityID(rawValue: try row[1]), predicate: DocumentModel.Predicate(try row[2] as String),
        object: EntityID(rawValue: try row[3]), confidence: 0
      ).key
      ids[key] = try row[0]
    }
    return ids
  }

  // MARK: - Remove

  /// Removes documents (ids or stored paths) and all their facts, in one transaction.
  ///
  /// - Throws: ``StoreError`` `.unknownDocument` (nothing removed) when an argument names no document.
  @discardableResult
  public func remove(documents idsOrPaths: [String]) throws -> [String] {
    try session.transaction {
      try lockForWriting()
      var ids: Set<String> = []
      for item in idsOrPaths {
        if try !session.query("SELECT 1 FROM document WHERE id = $1", [.text(item)]).isEmpty {
          ids.insert(item)
          continue
        }
        var byPath: [String] = try session.query("SELECT id FROM document WHERE path = $1", [.text(item)]).map {
          try $0[0]
        }
        if byPath.isEmpty {
          byPath = try session.query("SELECT id, path FROM document").filter {
            GraphStore.isSameFile(try $0[1], item)
          }.map { try $0[0] }
        }
        if byPath.isEmpty { throw StoreError(.unknownDocument, "no document with id or path '\(item)' in the store") }
        ids.formUnion(byPath)
      }
      var touched = Touched()
      for id in ids.sorted() {
        let more = try deleteDocument(id)
        touched.entities.formUnion(more.entities)
        touched.relations.formUnion(more.relations)
      }
      try refresh(touched)
      return ids.sorted()
    }
  }

  /// Store entities and relations whose facts changed.
  struct Touched {
    var entities: Set<String> = []
    var relations: Set<Int> = []
  }

  /// Deletes a document row (cascading to its facts) and returns what it touched.
  func deleteDocument(_ id: String) throws -> Touched {
    var touched = Touched()
    touched.entities = Set(
      try session.query("SELECT DISTINCT entity_id FROM local_entity WHERE doc = $1", [.text(id)]).map { try $0[0] })
    touched.relations = Set(
      try session.query("SELECT DISTINCT relation_id FROM statement WHERE doc = $1", [.text(id)]).map { try $0[0] })
    try session.query("DELETE FROM document WHERE id = $1", [.text(id)])
    return touched
  }

  /// Recomputes the aggregates of touched relations and entities; deletes those left without facts.
  func refresh(_ touched: Touched) throws {
    if !touched.relations.isEmpty {
      let ids = touched.relations.sorted()
      try session.query(
        """
        UPDATE relation r SET confidence = a.confidence, count = a.count, document_count = a.documents
        FROM (SELECT relation_id, MAX(confidence) AS confidence, SUM(count)::bigint AS count,
                COUNT(DISTINCT doc) AS documents
              FROM statement WHERE relation_id = ANY($1::bigint[]) GROUP BY relation_id) a
        WHERE r.id = a.relation_id
        """, [.ints(ids)])
      try session.query(
        """
        DELETE FROM relation r WHERE r.id = ANY($1::bigint[])
          AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.relation_id = r.id)
        """, [.ints(ids)])
    }
    if touched.entities.isEmpty { return }
    var localsByEntity: [String: [(localID: String, name: String, attributes: String, confidence: Double)]] = [:]
    for row in try session.query(
      """
      SELECT entity_id, local_id, name, attributes, confidence FROM local_entity
      WHERE entity_id = ANY($1::text[]) ORDER BY entity_id, local_id = entity_id DESC, seq, local_id COLLATE "C"
      """, [.texts(touched.entities.sorted())])
    {
      localsByEntity[try row[0], default: []].append((try row[1], try row[2], try row[3], try row[4]))
    }
    var rows = EntityRows()
    var gone: [String] = []
    for id in touched.entities.sorted() {
      guard let locals = localsByEntity[id], let first = locals.first else {
        gone.append(id)
        continue
      }
      var attributes: [String: String] = [:]
      for local in locals {
        for (key, value) in AttributeCoding.decode(local.attributes) where attributes[key] == nil {
          attributes[key] = value
        }
      }
      rows.set(
        id: id, kind: EntityID(rawValue: id).kind?.rawValue ?? "", name: first.name, attributes: attributes,
        confidence: locals.map(\.confidence).max() ?? 0)
    }
    try rows.update(session: session)
    if !gone.isEmpty {
      try session.query("DELETE FROM entity WHERE id = ANY($1::text[])", [.texts(gone)])
    }
  }

  // MARK: - Manual decisions

  /// Records that `absorbed` is the same entity as `kept`, and re-resolves the store.
  ///
  /// - Throws: ``StoreError`` `.unknownEntity`, `.ambiguousEntity`, `.kindMismatch` or `.badDecision`.
  @discardableResult
  public func merge(_ kept: String, _ absorbed: String) throws -> (kept: EntityID, absorbed: EntityID) {
    try session.transaction {
      try lockForWriting()
      let a = try resolveEntityInTransaction(kept)
      let b = try resolveEntityInTransaction(absorbed)
      if a == b { throw StoreError(.badDecision, "'\(kept)' and '\(absorbed)' are already one entity (\(a))") }
      if a.kind != b.kind {
        throw StoreError(
          .kindMismatch,
          "cannot merge \(b) (\(b.kind?.rawValue ?? "?")) into \(a) (\(a.kind?.rawValue ?? "?")): kinds differ")
      }
      try session.query(
        "INSERT INTO decision (action, a, b, decided_at) VALUES ('merge', $1, $2, $3)",
        [.text(a.rawValue), .text(b.rawValue), .text(Timestamp.now())])
      try rebuild()
      return (a, b)
    }
  }

  /// Records that an entity must be split (from `other`, or from everything merged into it), and re-resolves.
  ///
  /// - Throws: ``StoreError`` `.unknownEntity`, `.ambiguousEntity` or `.badDecision`.
  @discardableResult
  public func split(_ name: String, from other: String? = nil) throws -> EntityID {
    try session.transaction {
      try lockForWriting()
      let a = try resolveEntityInTransaction(name)
      var b: EntityID?
      if let other {
        if try !session.query("SELECT 1 FROM local_entity WHERE local_id = $1 LIMIT 1", [.text(other)]).isEmpty {
          b = EntityID(rawValue: other)
        } else {
          b = try resolveEntityInTransaction(other)
        }
        if b == a {
          throw StoreError(.badDecision, "'\(name)' and '\(other)' name the same entity; use `split \(name)`")
        }
      }
      try session.query(
        "INSERT INTO decision (action, a, b, decided_at) VALUES ('split', $1, $2, $3)",
        [.text(a.rawValue), .optional(b?.rawValue), .text(Timestamp.now())])
      try rebuild()
      return a
    }
  }

  public func decisions() throws -> [ManualDecision] {
    try session.query("SELECT action, a, b, decided_at FROM decision ORDER BY id").map {
      ManualDecision(
        action: try $0[0], kept: EntityID(rawValue: try $0[1]),
        other: (try $0[2] as String?).map { EntityID(rawValue: $0) },
        decidedAt: try $0[3])
    }
  }

  func loadDecisions() throws -> Decisions {
    var decisions = Decisions()
    for row in try session.query("SELECT action, a, b FROM decision ORDER BY id") {
      decisions.apply(
        action: try row[0], a: EntityID(rawValue: try row[1]), b: (try row[2] as String?).map { EntityID(rawValue: $0) }
      )
    }
    return decisions
  }

  /// Re-resolves every local entity in ingest order (from memory), then rebuilds relations and aggregates.
  func rebuild() throws {
    let resolver = EntityResolver(decisions: try loadDecisions())
    var aliasKeys: [String: [String: [String]]] = [:]
    for row in try session.query("SELECT doc, local_id, match_key FROM alias") {
      aliasKeys[try row[0], default: [:]][try row[1], default: []].append(try row[2])
    }
    var lookup = MemoryLookup()
    var entities = EntityRows()
    var globalOf: [String: [String: String]] = [:]
    var updates: (docs: [String], locals: [String], globals: [String]) = ([], [], [])
    var currentSeq = -1
    var pending: [(local: String, matchKey: String, aliasKeys: [String], global: String)] = []
    func publish() {
      for item in pending {
        if lookup.firstByLocalID[item.local] == nil { lookup.firstByLocalID[item.local] = item.global }
        if !item.matchKey.isEmpty { lookup.byMatchKey[item.matchKey, default: []].append(item.global) }
        for key in item.aliasKeys where !key.isEmpty { lookup.byAliasKey[key, default: []].append(item.global) }
      }
      pending.removeAll()
    }
    for row in try session.query(
      """
      SELECT doc, local_id, kind, name, match_key, attributes, confidence, seq FROM local_entity
      ORDER BY seq, local_id COLLATE "C"
      """)
    {
      let doc: String = try row[0]
      let localID: String = try row[1]
      let seq: Int = try row[7]
      if seq != currentSeq {
        publish()
        currentSeq = seq
      }
      let kind = EntityKind(rawValue: try row[2]) ?? .location
      let name: String = try row[3]
      let matchKey: String = try row[4]
      let attributes = AttributeCoding.decode(try row[5])
      let confidence: Double = try row[6]
      let entity = Entity(
        id: EntityID(rawValue: localID), kind: kind, name: name, attributes: attributes, confidence: confidence)
      let keys = aliasKeys[doc]?[localID] ?? []
      let global = try resolver.resolve(entity, matchKey: matchKey, aliasKeys: keys, seq: seq, lookup: &lookup)
      lookup.existing.insert(global.rawValue)
      entities.fold(
        id: global.rawValue, kind: kind.rawValue, name: name, attributes: attributes, confidence: confidence,
        isNamesake: entity.id == global)
      globalOf[doc, default: [:]][localID] = global.rawValue
      updates.docs.append(doc)
      updates.locals.append(localID)
      updates.globals.append(global.rawValue)
      pending.append((localID, matchKey, keys, global.rawValue))
    }
    try session.query("DELETE FROM relation")
    try session.query("DELETE FROM entity")
    try entities.write(session: session)
    try session.query(
      """
      UPDATE local_entity le SET entity_id = u.global
      FROM unnest($1::text[], $2::text[], $3::text[]) AS u(doc, local_id, global)
      WHERE le.doc = u.doc AND le.local_id = u.local_id
      """, [.texts(updates.docs), .texts(updates.locals), .texts(updates.globals)])
    // Statements point at new relations; the aggregates are recomputed from them.
    var keyOf: [Int: RelationKey] = [:]
    var orphans: [Int] = []
    for row in try session.query("SELECT id, doc, subject_local, predicate, object_local FROM statement ORDER BY id") {
      let id: Int = try row[0]
      let doc: String = try row[1]
      guard let subject = globalOf[doc]?[try row[2]], let object = globalOf[doc]?[try row[4]] else {
        orphans.append(id)
        continue
      }
      keyOf[id] =
        Relation(
          subject: EntityID(rawValue: subject), predicate: DocumentModel.Predicate(try row[3] as String),
          object: EntityID(rawValue: object), confidence: 0
        ).key
    }
    if !orphans.isEmpty { try session.query("DELETE FROM statement WHERE id = ANY($1::bigint[])", [.ints(orphans)]) }
    let relationIDs = keyOf.isEmpty ? [:] : try relationRows(Array(Set(keyOf.values)))
    let statementIDs = keyOf.keys.sorted()
    try session.query(
      "UPDATE statement s SET relation_id = u.r FROM unnest($1::bigint[], $2::bigint[]) AS u(id, r) WHERE s.id = u.id",
      [.ints(statementIDs), .ints(statementIDs.map { relationIDs[keyOf[$0]!] ?? 0 })])
    try refresh(Touched(entities: Set(updates.globals), relations: Set(relationIDs.values)))
  }
}

// MARK: - Resolution from memory

/// The merge rules' questions answered from rows fetched before resolving (ingest) or built while replaying
/// documents in order (rebuild). Every row in it belongs to an earlier document.
struct MemoryLookup: ResolutionLookup {
  var firstByLocalID: [String: String] = [:]
  var byMatchKey: [String: [String]] = [:]
  var byAliasKey: [String: [String]] = [:]
  /// Store entities that exist, including those the current document created.
  var existing: Set<String> = []
  /// Whether `existing` holds every entity (rebuild) or only the ones asked about (ingest).
  var knowsAllEntities = true

  func firstEntity(localID: String, before seq: Int) throws -> String? { firstByLocalID[localID] }
  func entityExists(_ id: String) throws -> Bool { existing.contains(id) }
  func entities(matchKey: String, before seq: Int, firstOnly: Bool) throws -> [String] {
    let all = byMatchKey[matchKey] ?? []
    return firstOnly ? Array(all.prefix(1)) : all
  }
  func entities(aliasKey: String, before seq: Int, firstOnly: Bool) throws -> [String] {
    let all = byAliasKey[aliasKey] ?? []
    return firstOnly ? Array(all.prefix(1)) : all
  }

  /// Everything earlier documents say about these local ids and keys, in four queries.
  static func prefetch(localIDs: [String], keys: [String], firstOnly: Bool, session: PostgresSession) throws
    -> MemoryLookup
  {
    var lookup = MemoryLookup()
    // One round trip, and one index probe per key (`LATERAL … LIMIT 1` on the (key, seq) indexes): a DISTINCT ON
    // over all rows of a common key ("country:iso:US") would read every earlier document's row, so each ingest
    // would cost O(n). Parts: 0 first entity of a local id, 1 existing entity ids, 2 match keys, 3 alias keys.
    let limit = firstOnly ? "LIMIT 1" : ""
    for row in try session.query(
      """
      SELECT * FROM (
      SELECT 0 AS part, k.key, f.entity_id, 0::bigint AS seq, ''::text AS local_id FROM unnest($1::text[]) AS k(key)
      CROSS JOIN LATERAL (SELECT entity_id FROM local_entity WHERE local_id = k.key ORDER BY seq LIMIT 1) f
      UNION ALL
      SELECT 1, id, id, 0, '' FROM entity WHERE id = ANY($1::text[])
      UNION ALL
      SELECT 2, k.key, f.entity_id, f.seq, f.local_id FROM unnest($2::text[]) AS k(key)
      CROSS JOIN LATERAL (
        SELECT entity_id, seq, local_id FROM local_entity WHERE match_key = k.key
        ORDER BY seq, local_id COLLATE "C" \(limit)) f
      UNION ALL
      SELECT 3, k.key, f.entity_id, f.seq, f.local_id FROM unnest($2::text[]) AS k(key)
      CROSS JOIN LATERAL (
        SELECT le.entity_id, a.seq, a.local_id FROM alias a
        JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
        WHERE a.match_key = k.key ORDER BY a.seq, a.local_id COLLATE "C" \(limit)) f
      ) u ORDER BY part, key, seq, local_id COLLATE "C"
      """, [.texts(localIDs), .texts(keys)])
    {
      let part: Int = try row[0]
      let key: String = try row[1]
      let entity: String = try row[2]
      switch part {
      case 0: lookup.firstByLocalID[key] = entity
      case 1: lookup.existing.insert(entity)
      case 2: lookup.byMatchKey[key, default: []].append(entity)
      default: lookup.byAliasKey[key, default: []].append(entity)
      }
    }
    return lookup
  }
}

// MARK: - Set-based writes

/// Store entity rows being created or updated, folded in the order the SQLite store applies them.
struct EntityRows {
  struct Row {
    var kind: String
    var name: String
    var attributes: [String: String]
    var confidence: Double
    /// A local entity with this same id exists, so the entity keeps that local's name.
    var hasNamesake: Bool
  }
  var rows: [String: Row] = [:]
  var order: [String] = []
  /// Rows created or changed since they were fetched: only these are written.
  var changed: Set<String> = []

  /// The current rows of `ids`, with whether each has a namesake local entity.
  static func fetch(_ ids: [String], session: PostgresSession) throws -> EntityRows {
    var result = EntityRows()
    if ids.isEmpty { return result }
    for row in try session.query(
      """
      SELECT e.id, e.kind, e.name, e.attributes, e.confidence,
        EXISTS (SELECT 1 FROM local_entity le WHERE le.entity_id = e.id AND le.local_id = e.id)
      FROM entity e WHERE e.id = ANY($1::text[])
      """, [.texts(ids)])
    {
      let id: String = try row[0]
      result.rows[id] = Row(
        kind: try row[1], name: try row[2], attributes: AttributeCoding.decode(try row[3]), confidence: try row[4],
        hasNamesake: try row[5])
      result.order.append(id)
    }
    return result
  }

  /// Creates the entity from a local entity, or folds the local's name (if namesake), attributes and confidence in.
  mutating func fold(
    id: String, kind: String, name: String, attributes: [String: String], confidence: Double, isNamesake: Bool
  ) {
    if var row = rows[id] {
      let before = (row.name, row.attributes, row.confidence)
      if isNamesake && row.name != name && !row.hasNamesake { row.name = name }
      for (key, value) in attributes where row.attributes[key] == nil { row.attributes[key] = value }
      row.confidence = max(row.confidence, confidence)
      if isNamesake { row.hasNamesake = true }
      if before != (row.name, row.attributes, row.confidence) { changed.insert(id) }
      rows[id] = row
    } else {
      rows[id] = Row(kind: kind, name: name, attributes: attributes, confidence: confidence, hasNamesake: isNamesake)
      order.append(id)
      changed.insert(id)
    }
  }

  mutating func set(id: String, kind: String, name: String, attributes: [String: String], confidence: Double) {
    if rows[id] == nil { order.append(id) }
    rows[id] = Row(kind: kind, name: name, attributes: attributes, confidence: confidence, hasNamesake: true)
    changed.insert(id)
  }

  private var columns: [PGValue] {
    let ids = order.filter(changed.contains)
    return [
      .texts(ids), .texts(ids.map { rows[$0]!.kind }), .texts(ids.map { rows[$0]!.name }),
      .texts(ids.map { AttributeCoding.encode(rows[$0]!.attributes) }), .doubles(ids.map { rows[$0]!.confidence }),
    ]
  }

  /// Inserts new rows and overwrites changed ones.
  func write(session: PostgresSession) throws {
    if changed.isEmpty { return }
    try session.send(
      """
      INSERT INTO entity (id, kind, name, attributes, confidence)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[])
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, attributes = EXCLUDED.attributes,
        confidence = EXCLUDED.confidence
      """, columns)
  }

  /// Updates existing rows only.
  func update(session: PostgresSession) throws {
    if changed.isEmpty { return }
    try session.query(
      """
      UPDATE entity e SET name = u.name, attributes = u.attributes, confidence = u.confidence
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS u(id, kind, name, attributes, confidence)
      WHERE e.id = u.id
      """, columns)
  }
}

/// A document's local entities, aliases and mentions as columns for `unnest`.
struct LocalRows {
  var docs: [String] = [], ids: [String] = [], globals: [String] = [], kinds: [String] = [], names: [String] = []
  var keys: [String] = [], attributes: [String] = [], confidences: [Double] = [], seqs: [Int] = []
  var aliasDocs: [String] = [], aliasLocals: [String] = [], aliasTexts: [String] = [], aliasKeys: [String] = []
  var aliasSeqs: [Int] = []
  var mentionDocs: [String] = [], mentionLocals: [String] = [], starts: [Int] = [], ends: [Int] = []
  var texts: [String] = [], sentences: [Int] = [], forms: [String] = []

  mutating func add(doc: String, entity: Entity, global: String, matchKey: String, aliasKeys keys: [String], seq: Int) {
    let local = entity.id.rawValue
    docs.append(doc)
    ids.append(local)
    globals.append(global)
    kinds.append(entity.kind.rawValue)
    names.append(entity.name)
    self.keys.append(matchKey)
    attributes.append(AttributeCoding.encode(entity.attributes))
    confidences.append(entity.confidence)
    seqs.append(seq)
    for (alias, key) in zip(entity.aliases, keys) where alias != entity.name {
      aliasDocs.append(doc)
      aliasLocals.append(local)
      aliasTexts.append(alias)
      aliasKeys.append(key)
      aliasSeqs.append(seq)
    }
    for mention in entity.mentions {
      mentionDocs.append(doc)
      mentionLocals.append(local)
      starts.append(mention.start)
      ends.append(mention.end)
      texts.append(mention.text)
      sentences.append(mention.sentence ?? -1)
      forms.append(mention.form?.rawValue ?? "")
    }
  }

  func write(session: PostgresSession) throws {
    if ids.isEmpty { return }
    try session.send(
      """
      INSERT INTO local_entity (doc, local_id, entity_id, kind, name, match_key, attributes, confidence, seq)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::float8[], $9::bigint[])
      """,
      [
        .texts(docs), .texts(ids), .texts(globals), .texts(kinds), .texts(names), .texts(keys), .texts(attributes),
        .doubles(confidences), .ints(seqs),
      ])
    if !aliasDocs.isEmpty {
      try session.send(
        """
        INSERT INTO alias (doc, local_id, text, match_key, seq)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) ON CONFLICT DO NOTHING
        """, [.texts(aliasDocs), .texts(aliasLocals), .texts(aliasTexts), .texts(aliasKeys), .ints(aliasSeqs)])
    }
    if !mentionDocs.isEmpty {
      try session.send(
        """
        INSERT INTO mention (doc, local_id, start, "end", text, sentence, form)
        SELECT d, l, s, e, t, NULLIF(n, -1), NULLIF(f, '')
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::bigint[], $7::text[])
          AS m(d, l, s, e, t, n, f)
        """,
        [
          .texts(mentionDocs), .texts(mentionLocals), .ints(starts), .ints(ends), .texts(texts), .ints(sentences),
          .texts(forms),
        ])
    }
  }
}

/// A document's quote records as columns for `unnest` (-1 and "" stand for NULL in the optional columns).
struct QuoteColumns {
  var docs: [String] = [], ids: [String] = [], starts: [Int] = [], ends: [Int] = [], texts: [String] = []
  var kinds: [String] = [], speakers: [String] = [], smStarts: [Int] = [], smEnds: [Int] = [], smTexts: [String] = []
  var cueStarts: [Int] = [], cueEnds: [Int] = [], cueTexts: [String] = [], embedded: [String] = []
  var mentions: [String] = [], confidences: [Double] = [], sources: [String] = []

  init(_ quotes: [QuoteRecord]) {
    for q in quotes {
      docs.append(q.doc)
      ids.append(q.id)
      starts.append(q.start)
      ends.append(q.end)
      texts.append(q.text)
      kinds.append(q.kind.rawValue)
      speakers.append(q.speaker?.rawValue ?? "")
      smStarts.append(q.speakerMention?.start ?? -1)
      smEnds.append(q.speakerMention?.end ?? -1)
      smTexts.append(q.speakerMention?.text ?? "")
      cueStarts.append(q.cue?.start ?? -1)
      cueEnds.append(q.cue?.end ?? -1)
      cueTexts.append(q.cue?.text ?? "")
      embedded.append(q.embeddedIn ?? "")
      // One text per record (arrays of arrays do not unnest row by row): the ids joined by a tab.
      mentions.append(q.mentions.map(\.rawValue).joined(separator: "\t"))
      confidences.append(q.confidence)
      sources.append(q.source)
    }
  }

  func write(session: PostgresSession) throws {
    if ids.isEmpty { return }
    try session.send(
      """
      INSERT INTO quote (doc, id, start, "end", text, kind, speaker_local, speaker_mention_start, speaker_mention_end,
        speaker_mention_text, cue_start, cue_end, cue_text, embedded_in, mentions_local, confidence, source)
      SELECT d, i, s, e, t, k, NULLIF(sp, ''), NULLIF(sms, -1), NULLIF(sme, -1), CASE WHEN sms = -1 THEN NULL ELSE smt END,
        NULLIF(cs, -1), NULLIF(ce, -1), CASE WHEN cs = -1 THEN NULL ELSE ct END, NULLIF(em, ''),
        CASE WHEN m = '' THEN '{}'::text[] ELSE string_to_array(m, E'\\t') END, c, src
      FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::bigint[],
        $9::bigint[], $10::text[], $11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::text[], $16::float8[],
        $17::text[]) AS q(d, i, s, e, t, k, sp, sms, sme, smt, cs, ce, ct, em, m, c, src)
      ON CONFLICT (doc, id) DO NOTHING
      """,
      [
        .texts(docs), .texts(ids), .ints(starts), .ints(ends), .texts(texts), .texts(kinds), .texts(speakers),
        .ints(smStarts), .ints(smEnds), .texts(smTexts), .ints(cueStarts), .ints(cueEnds), .texts(cueTexts),
        .texts(embedded), .texts(mentions), .doubles(confidences), .texts(sources),
      ])
  }
}

/// A document's statements as columns for `unnest`.
struct StatementColumns {
  var ids: [Int] = [], docs: [String] = [], relations: [Int] = [], subjects: [String] = [], predicates: [String] = []
  var objects: [String] = [], confidences: [Double] = [], counts: [Int] = [], sources: [String] = []

  mutating func append(id: Int, doc: String, relationID: Int, relation: Relation) {
    ids.append(id)
    docs.append(doc)
    relations.append(relationID)
    subjects.append(relation.subject.rawValue)
    predicates.append(relation.predicate.rawValue)
    objects.append(relation.object.rawValue)
    confidences.append(relation.confidence)
    counts.append(relation.count)
    sources.append(relation.source)
  }

  func write(session: PostgresSession) throws {
    if ids.isEmpty { return }
    try session.send(
      """
      INSERT INTO statement (id, doc, relation_id, subject_local, predicate, object_local, confidence, count, source)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::float8[],
        $8::bigint[], $9::text[])
      """,
      [
        .ints(ids), .texts(docs), .ints(relations), .texts(subjects), .texts(predicates), .texts(objects),
        .doubles(confidences), .ints(counts), .texts(sources),
      ])
  }
}

/// A document's evidence spans as columns for `unnest`.
struct EvidenceColumns {
  var statements: [Int] = [], docs: [String] = [], starts: [Int] = [], ends: [Int] = [], texts: [String] = []
  var sentences: [Int] = []

  mutating func append(statementID: Int, doc: String, _ evidence: Evidence) {
    statements.append(statementID)
    docs.append(doc)
    starts.append(evidence.start)
    ends.append(evidence.end)
    texts.append(evidence.text)
    sentences.append(evidence.sentence ?? -1)
  }

  func write(session: PostgresSession) throws {
    if statements.isEmpty { return }
    try session.send(
      """
      INSERT INTO evidence (statement_id, doc, start, "end", text, sentence)
      SELECT st, d, s, e, t, NULLIF(n, -1)
      FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::bigint[]) AS v(st, d, s, e, t, n)
      """, [.ints(statements), .texts(docs), .ints(starts), .ints(ends), .texts(texts), .ints(sentences)])
  }
}
