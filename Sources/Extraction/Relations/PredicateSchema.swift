import DocumentModel
import Foundation

/// The predicate schema: every predicate the tool writes, with the kinds of its arguments, a definition
/// and an example. Read from `Resources/predicates.tsv`.
///
/// ```swift
/// let schema = try PredicateSchema.bundled()
/// schema.allows(.locatedIn, subject: .organization, object: .location)  // true
/// ```
public struct PredicateSchema: Sendable {
  /// One predicate of the schema.
  public struct Entry: Sendable, Hashable {
    public var predicate: DocumentModel.Predicate
    /// `role`, `place`, `violence`, `stance`, `event` or `speech`.
    public var family: String
    public var subjectKinds: Set<EntityKind>
    public var objectKinds: Set<EntityKind>
    public var definition: String
    public var example: String
  }

  /// The entries in file order.
  public let entries: [Entry]
  private let index: [DocumentModel.Predicate: Int]

  /// Parses the TSV text.
  ///
  /// - Throws: ``ExtractionError`` `.badResource` naming the line that is malformed or repeats a predicate.
  public init(tsv: String) throws {
    var entries: [Entry] = []
    var index: [DocumentModel.Predicate: Int] = [:]
    for (n, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func bad(_ why: String) -> ExtractionError {
        ExtractionError(.badResource, "predicates.tsv line \(n + 1): \(why)")
      }
      guard parts.count == 6 else { throw bad("expected 6 tab-separated fields, found \(parts.count)") }
      func kinds(_ field: String) throws -> Set<EntityKind> {
        Set(
          try field.split(separator: ",").map { k in
            guard let kind = EntityKind(rawValue: String(k)) else { throw bad("unknown kind '\(k)'") }
            return kind
          })
      }
      let p = DocumentModel.Predicate(parts[0])
      guard index[p] == nil else { throw bad("'\(p)' is listed twice") }
      index[p] = entries.count
      entries.append(
        Entry(
          predicate: p, family: parts[1], subjectKinds: try kinds(parts[2]), objectKinds: try kinds(parts[3]),
          definition: parts[4], example: parts[5]))
    }
    self.entries = entries
    self.index = index
  }

  /// The bundled schema.
  public static func bundled() throws -> PredicateSchema {
    try PredicateSchema(tsv: try ResourceLoader.text("predicates", "tsv"))
  }

  /// The entry of `predicate`, if the schema lists it.
  public func entry(_ predicate: DocumentModel.Predicate) -> Entry? { index[predicate].map { entries[$0] } }

  /// Whether the schema lists `predicate` between arguments of these kinds.
  public func allows(_ predicate: DocumentModel.Predicate, subject: EntityKind, object: EntityKind) -> Bool {
    guard let e = entry(predicate) else { return false }
    return e.subjectKinds.contains(subject) && e.objectKinds.contains(object)
  }
}
