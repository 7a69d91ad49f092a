/// The error type of the GraphStore module.
///
/// Each failure has a stable short ``Code`` so that tests and scripts can match it without parsing prose;
/// ``description`` (what the CLI prints) adds the context.
///
/// ```swift
/// do { try store.remove(documents: ["missing"]) }
/// catch let error as StoreError where error.code == .unknownDocument { print(error) }
/// ```
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Stable identifiers for each failure.
  public enum Code: String, Sendable, Equatable {
    /// The database file could not be opened or created.
    case cannotOpen = "cannot-open"
    /// A migration failed, or the file is not an EntityGraph store.
    case badSchema = "bad-schema"
    /// The store was written by a newer EntityGraph (higher schema version, unknown migration); it is refused
    /// and left unchanged.
    case newerSchema = "newer-schema"
    /// SQLite reported an error while reading or writing.
    case database = "database"
    /// A document id or path that the store does not hold.
    case unknownDocument = "unknown-document"
    /// A name or id that matches no entity.
    case unknownEntity = "unknown-entity"
    /// A name that matches several entities equally well.
    case ambiguousEntity = "ambiguous-entity"
    /// A manual merge of two entities of different kinds.
    case kindMismatch = "kind-mismatch"
    /// A manual decision that makes no sense (merging an entity with itself).
    case badDecision = "bad-decision"
    /// Two different paths give the same document id.
    case duplicateDocumentID = "duplicate-document-id"
    /// A document could not be read or analysed during an ingest.
    case badDocument = "bad-document"
  }

  /// What went wrong.
  public var code: Code
  /// A sentence for people, naming the file, entity or SQL involved.
  public var message: String

  /// Creates an error with a code and a message.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(message) [\(code.rawValue)]" }
}
