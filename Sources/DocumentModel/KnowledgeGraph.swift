/// A source document as listed in a graph.
public struct DocumentInfo: Codable, Hashable, Sendable, Comparable {
  /// Document id: the file name without its extension (`-` for standard input is `stdin`).
  public var id: String
  /// The path the document was read from, as given.
  public var path: String
  /// SHA-256 of the UTF-8 text, hex; empty when unknown.
  public var sha256: String
  /// Length of the text in Unicode code points.
  public var length: Int

  public init(id: String, path: String, sha256: String = "", length: Int = 0) {
    self.id = id
    self.path = path
    self.sha256 = sha256
    self.length = length
  }
  public static func < (a: DocumentInfo, b: DocumentInfo) -> Bool { (a.id, a.path) < (b.id, b.path) }
}

/// Entities, relations and quotes from one or more documents, kept in a canonical order.
///
/// Entities are sorted by id, relations by `(subject, predicate, object)`, quotes by document and span, so
/// the same input gives the same graph, and byte-identical exports.
///
/// ```swift
/// var graph = KnowledgeGraph()
/// graph.add(Entity(kind: .country, name: "Iran"))
/// graph.merge(otherGraph)
/// ```
public struct KnowledgeGraph: Codable, Hashable, Sendable {
  public private(set) var documents: [DocumentInfo]
  public private(set) var entities: [Entity]
  public private(set) var relations: [Relation]
  /// Who said what: every attributed quote, sorted by document and span (see ``QuoteRecord``).
  public private(set) var quotes: [QuoteRecord]

  public init(
    documents: [DocumentInfo] = [], entities: [Entity] = [], relations: [Relation] = [], quotes: [QuoteRecord] = []
  ) {
    self.documents = []
    self.entities = []
    self.relations = []
    self.quotes = []
    for d in documents { add(d) }
    for e in entities { add(e) }
    for r in relations { add(r) }
    add(quotes: quotes)
  }

  /// The entity with `id`, if present.
  ///
  /// - Complexity: O(log n).
  public func entity(_ id: EntityID) -> Entity? {
    let i = entityIndex(id)
    return i < entities.count && entities[i].id == id ? entities[i] : nil
  }

  private func entityIndex(_ id: EntityID) -> Int {
    return entities.partitioningIndex { $0.id >= id }
  }

  private func relationIndex(_ key: RelationKey) -> Int {
    return relations.partitioningIndex { $0.key >= key }
  }

  /// Adds a document, ignoring one already listed with the same id.
  public mutating func add(_ document: DocumentInfo) {
    // Ids are unique and the list is sorted by id first: a binary search finds the place (a scan and a
    // re-sort per document made graphs of 10,000 documents take most of a minute to build).
    let lo = documents.partitioningIndex { $0.id >= document.id }
    if lo < documents.count && documents[lo].id == document.id {
      documents[lo] = document
    } else {
      documents.insert(document, at: lo)
    }
  }

  /// Adds an entity, or merges its aliases and mentions into the one with the same id.
  public mutating func add(_ entity: Entity) {
    var e = entity
    e.aliases = Array(Set(e.aliases).subtracting([e.name])).sorted()
    e.mentions = Array(Set(e.mentions)).sorted()
    let i = entityIndex(e.id)
    if i < entities.count && entities[i].id == e.id {
      entities[i].absorb(e)
    } else {
      entities.insert(e, at: i)
    }
  }

  /// Adds a relation, or merges count, evidence and confidence into the one with the same key.
  ///
  /// Symmetric predicates are stored with subject and object in id order.
  public mutating func add(_ relation: Relation) {
    var r = relation
    let key = r.key
    r.subject = key.subject
    r.object = key.object
    r.evidence = Array(Set(r.evidence)).sorted()
    let i = relationIndex(key)
    if i < relations.count && relations[i].key == key {
      relations[i].absorb(r)
    } else {
      relations.insert(r, at: i)
    }
  }

  /// Adds quote records; one with the id of a record already present replaces it.
  ///
  /// - Complexity: O(k log k) for k new records of documents after the present ones, else
  ///   O((q + k) log(q + k)): one sort, however many are added.
  public mutating func add(quotes new: [QuoteRecord]) {
    guard !new.isEmpty else { return }
    let sortedNew = new.map { q -> QuoteRecord in
      var q = q
      q.mentions = Array(Set(q.mentions)).sorted()
      return q
    }.sorted()
    // Documents merged one after another in id order (a corpus, a store): the new records of a later document
    // go after the present ones, with no rebuild or re-sort of the whole list (that was quadratic).
    if quotes.last.map({ $0.doc < sortedNew[0].doc }) ?? true, Set(sortedNew.map(\.id)).count == sortedNew.count {
      quotes += sortedNew
      return
    }
    var byID: [String: QuoteRecord] = [:]
    byID.reserveCapacity(quotes.count + new.count)
    for q in quotes { byID[q.id] = q }
    for q in sortedNew { byID[q.id] = q }
    quotes = byID.values.sorted()
  }

  /// Adds everything in `other` to this graph.
  ///
  /// - Complexity: O(n + m) for n entries here and m in `other` (both are sorted: one pass merges them), or
  ///   O(m log n + m·n) moves for a handful of entries, inserted one by one.
  public mutating func merge(_ other: KnowledgeGraph) {
    for d in other.documents { add(d) }
    // `other`'s entities and relations are already in canonical form (aliases, mentions and evidence sorted,
    // symmetric relations ordered), as `add` would make them, so merging the sorted lists gives what adding
    // them one by one would.
    if other.entities.count <= 8 {
      for e in other.entities { add(e) }
    } else {
      entities = Self.mergeSorted(entities, other.entities, by: \.id) { $0.absorb($1) }
    }
    if other.relations.count <= 8 {
      for r in other.relations { add(r) }
    } else {
      relations = Self.mergeSorted(relations, other.relations, by: \.key) { $0.absorb($1) }
    }
    add(quotes: other.quotes)
  }

  /// ``merge(_:)`` of each of `others` in order, in one pass: every entity (relation) is combined with the
  /// entries of the same id (key) of the later graphs with `absorb(contentsOf:)`, which gives what merging them
  /// one after another gives. Merging part after part into a growing graph re-copies the graph for every part
  /// (quadratic over a corpus of a thousand small documents); this sorts each list once.
  public mutating func merge(contentsOf others: [KnowledgeGraph]) {
    guard others.count > 1 else {
      if let other = others.first { merge(other) }
      return
    }
    for other in others { for d in other.documents { add(d) } }
    entities = Self.mergeSorted([entities] + others.map(\.entities), by: \.id) { $0.absorb(contentsOf: $1) }
    relations = Self.mergeSorted([relations] + others.map(\.relations), by: \.key) { $0.absorb(contentsOf: $1) }
    for other in others { add(quotes: other.quotes) }
  }

  /// The union of lists each sorted by a unique key, in list order: the first entry of a key is combined with
  /// that key's entries of the later lists.
  private static func mergeSorted<T, K: Comparable>(
    _ lists: [[T]], by key: (T) -> K, combine: (inout T, [T]) -> Void
  ) -> [T] {
    var order: [(key: K, list: Int, index: Int)] = []
    order.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    for (l, list) in lists.enumerated() {
      for (i, item) in list.enumerated() { order.append((key(item), l, i)) }
    }
    order.sort { ($0.key, $0.list) < ($1.key, $1.list) }
    var out: [T] = []
    var g = 0
    while g < order.count {
      var h = g + 1
      while h < order.count && order[h].key == order[g].key { h += 1 }
      var first = lists[order[g].list][order[g].index]
      if h > g + 1 { combine(&first, order[(g + 1)..<h].map { lists[$0.list][$0.index] }) }
      out.append(first)
      g = h
    }
    return out
  }

  /// The union of two lists sorted by a unique key; an entry of `b` with the key of one in `a` is combined into it.
  private static func mergeSorted<T, K: Comparable>(
    _ a: [T], _ b: [T], by key: (T) -> K, combine: (inout T, T) -> Void
  ) -> [T] {
    if a.isEmpty { return b }
    var out: [T] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      let x = key(a[i])
      let y = key(b[j])
      if x < y {
        out.append(a[i])
        i += 1
      } else if y < x {
        out.append(b[j])
        j += 1
      } else {
        var merged = a[i]
        combine(&merged, b[j])
        out.append(merged)
        i += 1
        j += 1
      }
    }
    out += a[i...]
    out += b[j...]
    return out
  }

  /// Removes relations whose ends are missing and returns how many were removed; a quote whose speaker is
  /// missing keeps its words with no speaker, and its mentions keep only entities that exist.
  @discardableResult
  public mutating func dropDanglingRelations() -> Int {
    let before = relations.count
    let ids = Set(entities.map(\.id))
    relations.removeAll { !ids.contains($0.subject) || !ids.contains($0.object) }
    for i in quotes.indices {
      if let s = quotes[i].speaker, !ids.contains(s) { quotes[i].speaker = nil }
      if quotes[i].mentions.contains(where: { !ids.contains($0) }) {
        quotes[i].mentions.removeAll { !ids.contains($0) }
      }
    }
    return before - relations.count
  }

  /// A graph with only the entities that pass `isIncluded` and the relations between them.
  public func filtered(_ isIncluded: (Entity) -> Bool) -> KnowledgeGraph {
    let kept = entities.filter(isIncluded)
    let ids = Set(kept.map(\.id))
    // Quotes stay when their speaker does (or they have none); their mentions keep the kept entities.
    let keptQuotes = quotes.compactMap { q -> QuoteRecord? in
      if let s = q.speaker, !ids.contains(s) { return nil }
      var q = q
      q.mentions.removeAll { !ids.contains($0) }
      return q
    }
    return KnowledgeGraph(
      documents: documents, entities: kept,
      relations: relations.filter { ids.contains($0.subject) && ids.contains($0.object) }, quotes: keptQuotes)
  }

  /// Relations that leave or enter `id`.
  public func relations(touching id: EntityID) -> [Relation] {
    relations.filter { $0.subject == id || $0.object == id }
  }

  /// Checks that ids are unique and sorted, and that every relation ends at existing entities.
  ///
  /// - Returns: the problems found; empty when the graph is consistent.
  public func invariantViolations() -> [String] {
    var problems: [String] = []
    for (a, b) in zip(entities, entities.dropFirst()) where !(a.id < b.id) {
      problems.append("entities not strictly sorted at \(b.id)")
    }
    for r in relations {
      if entity(r.subject) == nil { problems.append("relation subject \(r.subject) missing") }
      if entity(r.object) == nil { problems.append("relation object \(r.object) missing") }
    }
    for q in quotes {
      if let s = q.speaker, entity(s) == nil { problems.append("quote \(q.id) speaker \(s) missing") }
      for m in q.mentions where entity(m) == nil { problems.append("quote \(q.id) mention \(m) missing") }
      if q.start < 0 || q.end < q.start { problems.append("quote \(q.id) has an invalid span") }
    }
    for (a, b) in zip(quotes, quotes.dropFirst()) where a.id == b.id { problems.append("quote id \(a.id) repeated") }
    return problems
  }
}
