/// The closed set of entity kinds EntityGraph extracts.
///
/// `country` is a present-day sovereign state (ISO 3166-1); every other place is a `location`.
public enum EntityKind: String, Codable, CaseIterable, Sendable, Comparable {
  case person
  case organization
  case country
  case location
  case event

  /// Orders kinds by their declaration order (person first), which is the legend order.
  public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
