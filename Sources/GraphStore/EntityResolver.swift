import DocumentModel
import Foundation
import GRDB

/// Decides which store-wide entity a document's local entity belongs to.
///
/// Rules, in order:
/// 1. A manual merge (`merge A B`) sends B, and everything resolved to B, to A.
/// 2. The same id as a local entity of an earlier document: the same entity.
/// 3. Countries: the same ISO 3166-1 alpha-2 code (`iso_alpha2` attribute), else the same name.
/// 4. People and organizations: the same canonical name, or a name that equals the other's alias.
///    People only match on names of two words or more, so two people who share a surname stay apart.
///    Keys carry the kind, so a person never merges with an organization.
/// 5. Locations and events: the same canonical name.
/// A manual split (`split A`, `split A B`) forbids the automatic rules 3–5 into A (or between A and B).
///
/// Only documents ingested earlier (lower `seq`) are consulted, so replaying the documents in `seq` order
/// gives the same answer as ingesting them one by one.
package struct EntityResolver {
  package let decisions: Decisions

  init(_ db: Database) throws {
    decisions = try Decisions(db)
  }

  /// A resolver that replays `decisions` (each backend reads them from its own `decision` table).
  package init(decisions: Decisions) {
    self.decisions = decisions
  }

  /// The store entity for `entity` of a document with ingest order `seq`.
  func resolve(_ entity: Entity, matchKey: String, aliasKeys: [String], seq: Int, db: Database) throws -> EntityID {
    var lookup = SQLiteResolutionLookup(db: db)
    return try resolve(entity, matchKey: matchKey, aliasKeys: aliasKeys, seq: seq, lookup: &lookup)
  }

  /// The store entity for `entity` of a document with ingest order `seq`, asking `lookup` about earlier documents.
  package func resolve<Lookup: ResolutionLookup>(
    _ entity: Entity, matchKey: String, aliasKeys: [String], seq: Int, lookup: inout Lookup
  ) throws -> EntityID {
    let local = entity.id
    if decisions.redirect[local] != nil { return decisions.target(of: local) }
    return decisions.target(
      of: try automaticTarget(entity, matchKey: matchKey, aliasKeys: aliasKeys, seq: seq, lookup: &lookup))
  }

  private func automaticTarget<Lookup: ResolutionLookup>(
    _ entity: Entity, matchKey: String, aliasKeys: [String], seq: Int, lookup: inout Lookup
  ) throws -> EntityID {
    let local = entity.id
    // Same local id in an earlier document.
    if let id = try lookup.firstEntity(localID: local.rawValue, before: seq) {
      return EntityID(rawValue: id)
    }
    if try lookup.entityExists(local.rawValue) { return local }
    if decisions.noAutomaticMerge.contains(local) { return local }
    let firstOnly = decisions.isEmpty
    // Our name against earlier canonical names, then earlier aliases; our aliases against earlier names.
    if !matchKey.isEmpty {
      let candidates = try lookup.entities(matchKey: matchKey, before: seq, firstOnly: firstOnly)
      if let id = firstAllowed(candidates, local) { return id }
    }
    guard entity.kind == .person || entity.kind == .organization || entity.kind == .country else { return local }
    if !matchKey.isEmpty {
      let candidates = try lookup.entities(aliasKey: matchKey, before: seq, firstOnly: firstOnly)
      if let id = firstAllowed(candidates, local) { return id }
    }
    for key in aliasKeys where !key.isEmpty {
      let candidates = try lookup.entities(matchKey: key, before: seq, firstOnly: firstOnly)
      if let id = firstAllowed(candidates, local) { return id }
    }
    return local
  }

  /// The first candidate the manual splits allow (most of the time simply the first row).
  private func firstAllowed(_ candidates: [String], _ local: EntityID) -> EntityID? {
    for raw in candidates {
      let candidate = EntityID(rawValue: raw)
      if decisions.allowsAutomaticMerge(local, into: candidate) { return candidate }
    }
    return nil
  }

  // MARK: - Keys

  /// The key that merges `entity` with same-named entities of other documents; empty for none.
  package static func matchKey(for entity: Entity) -> String {
    if entity.kind == .country, let iso = entity.attributes["iso_alpha2"], !iso.isEmpty {
      return "country:iso:" + iso.uppercased()
    }
    let norm = normalized(entity.name)
    if norm.isEmpty { return "" }
    return entity.kind.rawValue + ":" + norm
  }

  /// The key of one alias of `entity`; empty when the alias must not merge (a person's single word).
  package static func aliasKey(_ alias: String, of entity: Entity) -> String {
    guard entity.kind == .person || entity.kind == .organization || entity.kind == .country else { return "" }
    let norm = normalized(alias)
    if norm.isEmpty { return "" }
    if entity.kind == .person && !norm.contains(" ") { return "" }
    if entity.kind == .organization && norm.count < 2 { return "" }
    return entity.kind.rawValue + ":" + norm
  }

  /// Lower-cased, accent-free words separated by single spaces, without a leading "the" or a final "'s"
  /// (``NameNormalizer/key(_:)``, the one name normalizer).
  package static func normalized(_ name: String) -> String { NameNormalizer.key(name) }
}

/// The manual decisions, replayed in order into their current effect.
package struct Decisions: Sendable {
  /// `merge A B` sends B to A.
  package var redirect: [EntityID: EntityID] = [:]
  /// `split A`: no automatic merge into or out of A.
  package var noAutomaticMerge: Set<EntityID> = []
  /// `split A B`: A and B never merge automatically.
  package var apart: Set<[EntityID]> = []

  package var isEmpty: Bool { redirect.isEmpty && noAutomaticMerge.isEmpty && apart.isEmpty }

  init(_ db: Database) throws {
    for record in try DecisionRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM decision ORDER BY id")) {
      apply(action: record.action, a: EntityID(rawValue: record.a), b: record.b.map(EntityID.init(rawValue:)))
    }
  }

  package init() {}

  package mutating func apply(action: String, a: EntityID, b: EntityID?) {
    switch action {
    case "merge":
      guard let b else { return }
      redirect[b] = a
      apart.remove([a, b].sorted())
      noAutomaticMerge.remove(b)
    case "split":
      if let b {
        if redirect[b] == a { redirect[b] = nil }
        if redirect[a] == b { redirect[a] = nil }
        apart.insert([a, b].sorted())
      } else {
        for (source, target) in redirect where target == a || source == a { redirect[source] = nil }
        noAutomaticMerge.insert(a)
      }
    default:
      break
    }
  }

  /// Follows manual merges from `id` to the entity that absorbs it.
  package func target(of id: EntityID) -> EntityID {
    var current = id
    var seen: Set<EntityID> = [id]
    while let next = redirect[current], seen.insert(next).inserted { current = next }
    return current
  }

  package func allowsAutomaticMerge(_ local: EntityID, into candidate: EntityID) -> Bool {
    if local == candidate { return true }
    if noAutomaticMerge.contains(candidate) || noAutomaticMerge.contains(local) { return false }
    return !apart.contains([local, candidate].sorted())
  }
}

/// What the merge rules ask about the documents ingested before the one being resolved.
///
/// Each backend answers from its own tables: SQLite with cached prepared statements, PostgreSQL from rows
/// fetched once per document. "Before `seq`" means documents with a lower ingest order.
package protocol ResolutionLookup {
  /// The store entity of the earliest earlier local entity with this local id.
  mutating func firstEntity(localID: String, before seq: Int) throws -> String?
  /// Whether a store entity with this id exists (including ones the current document created).
  mutating func entityExists(_ id: String) throws -> Bool
  /// Store entities of earlier local entities whose match key is `matchKey`, earliest first.
  mutating func entities(matchKey: String, before seq: Int, firstOnly: Bool) throws -> [String]
  /// Store entities of earlier local entities that have an alias whose key is `aliasKey`, earliest first.
  mutating func entities(aliasKey: String, before seq: Int, firstOnly: Bool) throws -> [String]
}

/// The SQLite answers, one cached statement each.
struct SQLiteResolutionLookup: ResolutionLookup {
  let db: Database

  func firstEntity(localID: String, before seq: Int) throws -> String? {
    try String.fetchOne(
      db.cachedStatement(
        sql: "SELECT entity_id FROM local_entity WHERE local_id = ? AND seq < ? ORDER BY seq LIMIT 1"),
      arguments: [localID, seq])
  }

  func entityExists(_ id: String) throws -> Bool {
    try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM entity WHERE id = ?)"), arguments: [id])
      == true
  }

  func entities(matchKey: String, before seq: Int, firstOnly: Bool) throws -> [String] {
    let sql = "SELECT entity_id FROM local_entity WHERE match_key = ? AND seq < ? ORDER BY seq"
    return try String.fetchAll(db.cachedStatement(sql: firstOnly ? sql + " LIMIT 1" : sql), arguments: [matchKey, seq])
  }

  func entities(aliasKey: String, before seq: Int, firstOnly: Bool) throws -> [String] {
    let sql = """
      SELECT le.entity_id FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
      WHERE a.match_key = ? AND le.seq < ? ORDER BY le.seq
      """
    return try String.fetchAll(db.cachedStatement(sql: firstOnly ? sql + " LIMIT 1" : sql), arguments: [aliasKey, seq])
  }
}
