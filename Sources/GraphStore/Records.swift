import DocumentModel
import Foundation
import GRDB

// One record struct per table. They convert to and from the DocumentModel types; the model never
// sees them. Column names are snake_case, mapped through `CodingKeys`.

// MARK: - document

/// A row of `document`: one ingested text and its content hash.
struct DocumentRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "document"
  var id: String
  var path: String
  var sha256: String
  var length: Int
  var ingestedAt: String
  /// Ingest order; resolution replays documents in this order.
  var seq: Int

  enum CodingKeys: String, CodingKey {
    case id, path, sha256, length, seq
    case ingestedAt = "ingested_at"
  }

  init(_ info: DocumentInfo, ingestedAt: String, seq: Int) {
    self.id = info.id
    self.path = info.path
    self.sha256 = info.sha256
    self.length = info.length
    self.ingestedAt = ingestedAt
    self.seq = seq
  }

  var info: DocumentInfo { DocumentInfo(id: id, path: path, sha256: sha256, length: length) }
}

// MARK: - entity

/// A row of `entity`: a store-wide entity, the union of the local entities merged into it.
struct EntityRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "entity"
  var id: String
  var kind: String
  var name: String
  /// JSON object with sorted keys.
  var attributes: String
  var confidence: Double

  /// The model entity without aliases and mentions (the caller adds those).
  func makeEntity() -> Entity {
    Entity(
      id: EntityID(rawValue: id), kind: EntityKind(rawValue: kind) ?? .location, name: name,
      attributes: AttributeCoding.decode(attributes), confidence: confidence)
  }
}

/// A row of `local_entity`: an entity as one document saw it, and the store entity it belongs to.
struct LocalEntityRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "local_entity"
  var doc: String
  var localID: String
  var entityID: String
  var kind: String
  var name: String
  var matchKey: String
  var attributes: String
  var confidence: Double
  var seq: Int

  enum CodingKeys: String, CodingKey {
    case doc, kind, name, attributes, confidence, seq
    case localID = "local_id"
    case entityID = "entity_id"
    case matchKey = "match_key"
  }
}

/// A row of `alias`: another surface form of a local entity.
struct AliasRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "alias"
  var doc: String
  var localID: String
  var text: String
  /// Key used to merge across documents; empty when this alias must never merge (a lone surname).
  var matchKey: String

  enum CodingKeys: String, CodingKey {
    case doc, text
    case localID = "local_id"
    case matchKey = "match_key"
  }
}

/// A row of `mention`: one occurrence of a local entity.
struct MentionRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "mention"
  var id: Int64?
  var doc: String
  var localID: String
  var start: Int
  var end: Int
  var text: String
  var sentence: Int?
  var form: String?

  enum CodingKeys: String, CodingKey {
    case id, doc, start, end, text, sentence, form
    case localID = "local_id"
  }

  init(localID: String, _ mention: Mention) {
    self.doc = mention.doc
    self.localID = localID
    self.start = mention.start
    self.end = mention.end
    self.text = mention.text
    self.sentence = mention.sentence
    self.form = mention.form?.rawValue
  }

  var mention: Mention {
    Mention(doc: doc, start: start, end: end, text: text, sentence: sentence, form: form.flatMap(Mention.Form.init))
  }
}

// MARK: - relation

/// A row of `relation`: a store-wide edge with its aggregated confidence and count.
struct RelationRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "relation"
  var id: Int64?
  var subject: String
  var predicate: String
  var object: String
  var confidence: Double
  var count: Int
  var documentCount: Int

  enum CodingKeys: String, CodingKey {
    case id, subject, predicate, object, confidence, count
    case documentCount = "document_count"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  /// The model relation without evidence and source (the caller adds those).
  func makeRelation() -> Relation {
    Relation(
      subject: EntityID(rawValue: subject), predicate: Predicate(predicate),
      object: EntityID(rawValue: object), confidence: confidence, count: count)
  }
}

/// A row of `statement`: a relation as one document states it, between that document's local entities.
struct StatementRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "statement"
  var id: Int64?
  var doc: String
  var relationID: Int64
  var subjectLocal: String
  var predicate: String
  var objectLocal: String
  var confidence: Double
  var count: Int
  var source: String

  enum CodingKeys: String, CodingKey {
    case id, doc, predicate, confidence, count, source
    case relationID = "relation_id"
    case subjectLocal = "subject_local"
    case objectLocal = "object_local"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `evidence`: a span that states a statement.
struct EvidenceRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "evidence"
  var id: Int64?
  var statementID: Int64
  var doc: String
  var start: Int
  var end: Int
  var text: String
  var sentence: Int?
  var form: String?

  enum CodingKeys: String, CodingKey {
    case id, doc, start, end, text, sentence, form
    case statementID = "statement_id"
  }

  init(statementID: Int64, _ evidence: Evidence) {
    self.statementID = statementID
    self.doc = evidence.doc
    self.start = evidence.start
    self.end = evidence.end
    self.text = evidence.text
    self.sentence = evidence.sentence
  }

  var evidence: Evidence { Evidence(doc: doc, start: start, end: end, text: text, sentence: sentence) }
}

// MARK: - decision

/// A row of `decision`: a manual merge or split, replayed in `id` order by every resolution.
struct DecisionRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "decision"
  var id: Int64?
  var action: String
  var a: String
  var b: String?
  var decidedAt: String

  enum CodingKeys: String, CodingKey {
    case id, action, a, b
    case decidedAt = "decided_at"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

// MARK: - helpers

/// Entity attributes as a JSON object with sorted keys.
package enum AttributeCoding {
  package static func encode(_ attributes: [String: String]) -> String {
    if attributes.isEmpty { return "{}" }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(attributes) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  package static func decode(_ text: String) -> [String: String] {
    if text == "{}" { return [:] }
    return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
  }

  /// A list of strings as a JSON array.
  static func encodeList(_ items: [String]) -> String {
    if items.isEmpty { return "[]" }
    guard let data = try? JSONEncoder().encode(items) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }

  static func decodeList(_ text: String) -> [String] {
    if text == "[]" { return [] }
    return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
  }
}

/// Timestamps stored as ISO 8601 text in UTC.
package enum Timestamp {
  package static func now() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}
