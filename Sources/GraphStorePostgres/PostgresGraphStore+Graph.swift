import DocumentModel
import GraphStore

extension PostgresGraphStore {
  /// The whole store as one graph, like ``GraphStore/loadGraph(minConfidence:)``.
  public func loadGraph(minConfidence: Double = 0) throws -> KnowledgeGraph {
    try session.transaction(readOnly: true) { try loadGraph(entityIDs: nil, minConfidence: minConfidence) }
  }

  /// The part of the store around `focus`, like ``GraphStore/subgraph(focus:depth:kinds:minConfidence:)``.
  ///
  /// - Throws: ``StoreError`` `.unknownEntity` or `.ambiguousEntity` for `focus`.
  public func subgraph(
    focus: String?, depth: Int = 1, kinds: Set<EntityKind>? = nil, minConfidence: Double = 0
  ) throws -> KnowledgeGraph {
    try session.transaction(readOnly: true) {
      guard let focus else {
        guard let kinds else { return try loadGraph(entityIDs: nil, minConfidence: minConfidence) }
        let ids: [String] = try session.query("SELECT id FROM entity ORDER BY id COLLATE \"C\"").map { try $0[0] }
        let kept = ids.filter { id in EntityID(rawValue: id).kind.map(kinds.contains) ?? false }
        return try loadGraph(entityIDs: Set(kept.map(EntityID.init(rawValue:))), minConfidence: minConfidence)
      }
      let start = try resolveEntityInTransaction(focus)
      var seen: Set<EntityID> = [start]
      var frontier = [start]
      for _ in 0..<max(depth, 0) {
        var next: [EntityID] = []
        for node in frontier {
          for row in try session.query(
            """
            SELECT object FROM relation WHERE subject = $1 AND confidence >= $2
            UNION SELECT subject FROM relation WHERE object = $1 AND confidence >= $2
            """, [.text(node.rawValue), .double(minConfidence)])
          {
            let other = EntityID(rawValue: try row[0])
            if let kinds, let kind = other.kind, !kinds.contains(kind) { continue }
            if seen.insert(other).inserted { next.append(other) }
          }
        }
        frontier = next.sorted()
      }
      return try loadGraph(entityIDs: seen, minConfidence: minConfidence)
    }
  }

  /// Entities (all, or `entityIDs`) with aliases and mentions, and the relations among them with evidence.
  func loadGraph(entityIDs: Set<EntityID>?, minConfidence: Double) throws -> KnowledgeGraph {
    let filter = entityIDs.map { ids -> [String] in ids.map(\.rawValue).sorted() }
    let entityWhere = filter == nil ? "" : "WHERE le.entity_id = ANY($1::text[])"
    let values: [PGValue] = filter.map { [.texts($0)] } ?? []
    var aliasSets: [String: Set<String>] = [:]
    for row in try session.query(
      """
      SELECT le.entity_id, le.name FROM local_entity le \(entityWhere)
      UNION SELECT le.entity_id, a.text FROM alias a
        JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id \(entityWhere)
      """, values)
    {
      aliasSets[try row[0], default: []].insert(try row[1])
    }
    var mentionsByEntity: [String: [Mention]] = [:]
    for row in try session.query(
      """
      SELECT le.entity_id, m.doc, m.start, m."end", m.text, m.sentence, m.form
      FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id \(entityWhere)
      """, values)
    {
      mentionsByEntity[try row[0], default: []].append(
        Mention(
          doc: try row[1], start: try row[2], end: try row[3], text: try row[4], sentence: try row[5],
          form: (try row[6] as String?).flatMap(Mention.Form.init)))
    }
    var entities: [Entity] = []
    for row in try session.query(
      """
      SELECT id, kind, name, attributes, confidence FROM entity \(filter == nil ? "" : "WHERE id = ANY($1::text[])")
      """, values)
    {
      let id: String = try row[0]
      let name: String = try row[2]
      var entity = Entity(
        id: EntityID(rawValue: id), kind: EntityKind(rawValue: try row[1]) ?? .location, name: name,
        attributes: AttributeCoding.decode(try row[3]), confidence: try row[4])
      entity.aliases = (aliasSets[id] ?? []).subtracting([name]).sorted()
      entity.mentions = (mentionsByEntity[id] ?? []).sorted()
      entities.append(entity)
    }
    entities.sort { $0.id < $1.id }
    let relationWhere =
      filter == nil
      ? "WHERE r.confidence >= $1"
      : "WHERE r.confidence >= $2 AND r.subject = ANY($1::text[]) AND r.object = ANY($1::text[])"
    let relationValues: [PGValue] = values + [.double(minConfidence)]
    var evidenceByRelation: [Int: [Evidence]] = [:]
    for row in try session.query(
      """
      SELECT s.relation_id, e.doc, e.start, e."end", e.text, e.sentence
      FROM evidence e JOIN statement s ON s.id = e.statement_id JOIN relation r ON r.id = s.relation_id
      \(relationWhere)
      """, relationValues)
    {
      evidenceByRelation[try row[0], default: []].append(
        Evidence(doc: try row[1], start: try row[2], end: try row[3], text: try row[4], sentence: try row[5]))
    }
    var sourceByRelation: [Int: String] = [:]
    for row in try session.query(
      """
      SELECT DISTINCT ON (s.relation_id) s.relation_id, s.source FROM statement s JOIN relation r ON r.id = s.relation_id
      \(relationWhere) AND s.source <> '' ORDER BY s.relation_id, s.doc COLLATE "C", s.id
      """, relationValues)
    {
      sourceByRelation[try row[0]] = try row[1]
    }
    var relations: [Relation] = []
    for row in try session.query(
      "SELECT r.id, r.subject, r.predicate, r.object, r.confidence, r.count FROM relation r \(relationWhere)",
      relationValues)
    {
      let id: Int = try row[0]
      var relation = Relation(
        subject: EntityID(rawValue: try row[1]), predicate: DocumentModel.Predicate(try row[2] as String),
        object: EntityID(rawValue: try row[3]), confidence: try row[4], count: try row[5])
      relation.evidence = (evidenceByRelation[id] ?? []).sorted()
      relation.source = sourceByRelation[id] ?? ""
      relations.append(relation)
    }
    relations.sort { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    var quotes = try quotesInTransaction(document: nil)
    if let entityIDs { quotes = quotes.filter { q in q.speaker.map(entityIDs.contains) ?? false } }
    var graph = KnowledgeGraph(
      documents: try documentsInTransaction(), entities: entities, relations: relations, quotes: quotes)
    graph.dropDanglingRelations()
    return graph
  }

  /// The quote records of one document (all when `nil`), speakers and mentions mapped through
  /// `local_entity` to the store entities they were merged into.
  func quotesInTransaction(document: String?) throws -> [QuoteRecord] {
    let filter = document == nil ? "" : "WHERE q.doc = $1"
    let values: [PGValue] = document.map { [.text($0)] } ?? []
    var globalOf: [String: [String: String]] = [:]
    for row in try session.query(
      """
      SELECT le.doc, le.local_id, le.entity_id FROM local_entity le
      WHERE le.doc IN (SELECT DISTINCT q.doc FROM quote q \(filter))
      """, values)
    {
      globalOf[try row[0], default: [:]][try row[1]] = try row[2]
    }
    var out: [QuoteRecord] = []
    for row in try session.query(
      """
      SELECT q.doc, q.id, q.start, q."end", q.text, q.kind, q.speaker_local, q.speaker_mention_start,
        q.speaker_mention_end, q.speaker_mention_text, q.cue_start, q.cue_end, q.cue_text, q.embedded_in,
        q.mentions_local, q.confidence, q.source
      FROM quote q \(filter)
      """, values)
    {
      let doc: String = try row[0]
      let locals = globalOf[doc] ?? [:]
      let speakerLocal: String? = try row[6]
      let speaker = speakerLocal.flatMap { locals[$0] }.map(EntityID.init(rawValue:))
      let mentionLocals: [String] = try row[14]
      let mentions = Set(mentionLocals.compactMap { locals[$0] }.map(EntityID.init(rawValue:)))
      out.append(
        QuoteRecord(
          id: try row[1], doc: doc, start: try row[2], end: try row[3], text: try row[4],
          kind: QuoteRecord.Kind(rawValue: try row[5]) ?? .direct, speaker: speaker,
          speakerMention: QuoteRecord.Span(
            start: try row[7] as Int?, end: try row[8] as Int?, text: try row[9] as String?),
          cue: QuoteRecord.Span(start: try row[10] as Int?, end: try row[11] as Int?, text: try row[12] as String?),
          embeddedIn: try row[13], mentions: mentions.filter { $0 != speaker }.sorted(), confidence: try row[15],
          source: try row[16]))
    }
    return out.sorted()
  }

  func documentsInTransaction() throws -> [DocumentInfo] {
    try session.query("SELECT id, path, sha256, length FROM document").map(Self.documentInfo).sorted { $0.id < $1.id }
  }

  /// The store's view of one document, like ``GraphStore/documentGraph(_:)``.
  ///
  /// - Throws: ``StoreError`` `.unknownDocument`.
  public func documentGraph(_ id: String) throws -> KnowledgeGraph {
    try session.transaction(readOnly: true) {
      guard
        let document = try session.query(
          "SELECT id, path, sha256, length FROM document WHERE id = $1", [.text(id)]
        ).first.map(Self.documentInfo)
      else {
        throw StoreError(.unknownDocument, "no document with id '\(id)' in the store")
      }
      var entities: [EntityID: Entity] = [:]
      var names: [EntityID: Set<String>] = [:]
      for row in try session.query(
        """
        SELECT le.entity_id, le.name, e.kind, e.name, e.attributes, e.confidence
        FROM local_entity le JOIN entity e ON e.id = le.entity_id WHERE le.doc = $1
        """, [.text(id)])
      {
        let global = EntityID(rawValue: try row[0])
        if entities[global] == nil {
          entities[global] = Entity(
            id: global, kind: EntityKind(rawValue: try row[2]) ?? .location, name: try row[3],
            attributes: AttributeCoding.decode(try row[4]), confidence: try row[5])
        }
        names[global, default: []].insert(try row[1])
      }
      for row in try session.query(
        """
        SELECT le.entity_id, a.text FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
        WHERE a.doc = $1
        """, [.text(id)])
      {
        names[EntityID(rawValue: try row[0]), default: []].insert(try row[1])
      }
      for row in try session.query(
        """
        SELECT le.entity_id, m.start, m."end", m.text, m.sentence, m.form
        FROM mention m JOIN local_entity le ON le.doc = m.doc AND le.local_id = m.local_id WHERE m.doc = $1
        ORDER BY m.id
        """, [.text(id)])
      {
        entities[EntityID(rawValue: try row[0])]?.mentions.append(
          Mention(
            doc: id, start: try row[1], end: try row[2], text: try row[3], sentence: try row[4],
            form: (try row[5] as String?).flatMap(Mention.Form.init)))
      }
      for (global, set) in names {
        guard var entity = entities[global] else { continue }
        entity.aliases = set.subtracting([entity.name]).sorted()
        entities[global] = entity
      }
      var evidenceByStatement: [Int: [Evidence]] = [:]
      for row in try session.query(
        "SELECT statement_id, start, \"end\", text, sentence FROM evidence WHERE doc = $1 ORDER BY id", [.text(id)])
      {
        evidenceByStatement[try row[0], default: []].append(
          Evidence(doc: id, start: try row[1], end: try row[2], text: try row[3], sentence: try row[4]))
      }
      var relations: [Int: Relation] = [:]
      for row in try session.query(
        """
        SELECT s.id, s.relation_id, r.subject, r.predicate, r.object, s.confidence, s.count, s.source
        FROM statement s JOIN relation r ON r.id = s.relation_id WHERE s.doc = $1 ORDER BY s.id
        """, [.text(id)])
      {
        let statement: Int = try row[0]
        let relationID: Int = try row[1]
        let evidence = evidenceByStatement[statement] ?? []
        let confidence: Double = try row[5]
        let count: Int = try row[6]
        if var existing = relations[relationID] {
          existing.confidence = max(existing.confidence, confidence)
          existing.count += count
          existing.evidence += evidence
          relations[relationID] = existing
        } else {
          relations[relationID] = Relation(
            subject: EntityID(rawValue: try row[2]), predicate: DocumentModel.Predicate(try row[3] as String),
            object: EntityID(rawValue: try row[4]), confidence: confidence, count: count, evidence: evidence,
            source: try row[7])
        }
      }
      return KnowledgeGraph(
        documents: [document], entities: entities.keys.sorted().compactMap { entities[$0] },
        relations: relations.values.sorted { $0.key < $1.key }, quotes: try quotesInTransaction(document: id))
    }
  }
}
