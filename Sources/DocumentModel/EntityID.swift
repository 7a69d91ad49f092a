/// A deterministic entity identifier of the form `kind:slug`, e.g. `country:iran`.
public struct EntityID: RawRepresentable, Hashable, Codable, Sendable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  /// The identifier text, e.g. `person:maria-lopez`.
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  /// Makes the identifier for an entity of `kind` whose canonical name is `name`.
  ///
  /// The slug lower-cases letters and digits (any script), drops marks from Latin letters
  /// ("José" → "jose") and joins words with `-`; a name with no letters or digits gets `x`.
  public init(kind: EntityKind, name: String) {
    self.rawValue = "\(kind.rawValue):\(EntityID.slug(name))"
  }

  /// The slug of a name: lower-case words joined with `-` (``NameNormalizer/slug(_:)``).
  public static func slug(_ name: String) -> String { NameNormalizer.slug(name) }

  /// The kind part of the identifier, when it names one.
  public var kind: EntityKind? {
    guard let colon = rawValue.firstIndex(of: ":") else { return nil }
    return EntityKind(rawValue: String(rawValue[..<colon]))
  }
  public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(rawValue)
  }
}
