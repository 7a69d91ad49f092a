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
struct EntityResolver {
  let decisions: Decisions

  init(_ db: Database) throws {
    decisions = try Decisions(db)
  }

  /// The store entity for `entity` of a document with ingest order `seq`.
  func resolve(_ entity: Entity, matchKey: String, aliasKeys: [String], seq: Int, db: Database) throws -> EntityID {
    let local = entity.id
    if decisions.redirect[local] != nil { return decisions.target(of: local) }
    return decisions.target(of: try automaticTarget(entity, matchKey: matchKey, aliasKeys: aliasKeys, seq: seq, db: db))
  }

  private func automaticTarget(
    _ entity: Entity, matchKey: String, aliasKeys: [String], seq: Int, db: Database
  ) throws -> EntityID {
    let local = entity.id
    // Same local id in an earlier document.
    if let id = try String.fetchOne(
      db.cachedStatement(
        sql: "SELECT entity_id FROM local_entity WHERE local_id = ? AND seq < ? ORDER BY seq LIMIT 1"),
      arguments: [local.rawValue, seq])
    {
      return EntityID(rawValue: id)
    }
    if try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM entity WHERE id = ?)"), arguments: [local.rawValue])
      == true
    {
      return local
    }
    if decisions.noAutomaticMerge.contains(local) { return local }
    var keys: [String] = []
    if !matchKey.isEmpty { keys.append(matchKey) }
    // Our name against earlier canonical names, then earlier aliases; our aliases against earlier names.
    for key in keys {
      if let id = try firstAllowed(
        db, sql: "SELECT entity_id FROM local_entity WHERE match_key = ? AND seq < ? ORDER BY seq", key, seq, local)
      {
        return id
      }
    }
    guard entity.kind == .person || entity.kind == .organization || entity.kind == .country else { return local }
    for key in keys {
      if let id = try firstAllowed(
        db,
        sql: """
          SELECT le.entity_id FROM alias a JOIN local_entity le ON le.doc = a.doc AND le.local_id = a.local_id
          WHERE a.match_key = ? AND le.seq < ? ORDER BY le.seq
          """, key, seq, local)
      {
        return id
      }
    }
    for key in aliasKeys where !key.isEmpty {
      if let id = try firstAllowed(
        db, sql: "SELECT entity_id FROM local_entity WHERE match_key = ? AND seq < ? ORDER BY seq", key, seq, local)
      {
        return id
      }
    }
    return local
  }

  /// The first candidate the manual splits allow (most of the time simply the first row).
  private func firstAllowed(_ db: Database, sql: String, _ key: String, _ seq: Int, _ local: EntityID) throws
    -> EntityID?
  {
    let limited = decisions.isEmpty ? sql + " LIMIT 1" : sql
    let cursor = try String.fetchCursor(db.cachedStatement(sql: limited), arguments: [key, seq])
    while let raw = try cursor.next() {
      let candidate = EntityID(rawValue: raw)
      if decisions.allowsAutomaticMerge(local, into: candidate) { return candidate }
    }
    return nil
  }

  // MARK: - Keys

  /// The key that merges `entity` with same-named entities of other documents; empty for none.
  static func matchKey(for entity: Entity) -> String {
    if entity.kind == .country, let iso = entity.attributes["iso_alpha2"], !iso.isEmpty {
      return "country:iso:" + iso.uppercased()
    }
    let norm = normalized(entity.name)
    if norm.isEmpty { return "" }
    return entity.kind.rawValue + ":" + norm
  }

  /// The key of one alias of `entity`; empty when the alias must not merge (a person's single word).
  static func aliasKey(_ alias: String, of entity: Entity) -> String {
    guard entity.kind == .person || entity.kind == .organization || entity.kind == .country else { return "" }
    let norm = normalized(alias)
    if norm.isEmpty { return "" }
    if entity.kind == .person && !norm.contains(" ") { return "" }
    if entity.kind == .organization && norm.count < 2 { return "" }
    return entity.kind.rawValue + ":" + norm
  }

  /// Lower-cased, accent-free words separated by single spaces, without a leading "the" or a final "'s".
  static func normalized(_ name: String) -> String {
    let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    var words: [String] = []
    var current = ""
    for scalar in folded.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.unicodeScalars.append(scalar)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    if words.count > 1 && words[0] == "the" { words.removeFirst() }
    if let last = words.last, last.count > 2, last.hasSuffix("s"),
      name.hasSuffix("'s") || name.hasSuffix("\u{2019}s")
    {
      words[words.count - 1] = String(last.dropLast())
    }
    return words.joined(separator: " ")
  }
}

/// The manual decisions, replayed in order into their current effect.
struct Decisions {
  /// `merge A B` sends B to A.
  var redirect: [EntityID: EntityID] = [:]
  /// `split A`: no automatic merge into or out of A.
  var noAutomaticMerge: Set<EntityID> = []
  /// `split A B`: A and B never merge automatically.
  var apart: Set<[EntityID]> = []

  var isEmpty: Bool { redirect.isEmpty && noAutomaticMerge.isEmpty && apart.isEmpty }

  init(_ db: Database) throws {
    for record in try DecisionRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM decision ORDER BY id")) {
      apply(action: record.action, a: EntityID(rawValue: record.a), b: record.b.map(EntityID.init(rawValue:)))
    }
  }

  init() {}

  mutating func apply(action: String, a: EntityID, b: EntityID?) {
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
  func target(of id: EntityID) -> EntityID {
    var current = id
    var seen: Set<EntityID> = [id]
    while let next = redirect[current], seen.insert(next).inserted { current = next }
    return current
  }

  func allowsAutomaticMerge(_ local: EntityID, into candidate: EntityID) -> Bool {
    if local == candidate { return true }
    if noAutomaticMerge.contains(candidate) || noAutomaticMerge.contains(local) { return false }
    return !apart.contains([local, candidate].sorted())
  }
}
