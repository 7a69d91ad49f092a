import DocumentModel

/// The classes the trained relation model predicts for an ordered pair of mentions.
///
/// A class is coarser than a predicate: the predicate follows from the class and the kinds of the two
/// arguments (``predicate(subject:object:)``), so "in" learns from people living in, organizations based
/// in and places lying in a place at once. Raw values are the class's index in the model's weight rows;
/// never reorder them without retraining.
public enum RelationClass: Int, CaseIterable, Sendable {
  /// No relation between the pair (or one the model does not predict).
  case none = 0
  /// A person works for, holds a role in or plays for a body: `employee_of`.
  case role = 1
  /// The subject is in the object place: `lives_in` for a person, else `located_in` (an organization's seat).
  case located = 2
  /// The subject is a part of the object: `part_of`.
  case partOf = 3
  /// A person killed another: `killed`.
  case killed = 4

  /// The number of classes (rows of the weight table per feature).
  public static let count = allCases.count

  /// The number of decision groups (``decisionGroup(subject:)``), `none`'s group 0 included.
  public static let groupCount = 7

  /// The name of each decision group, by index: its class, or for "in" the predicate it decides and, for
  /// `located_in`, whether its subject is an organization (its seat) or a place.
  public static let groupNames = [
    "none", "role", "lives_in", "located_in(organization)", "located_in(place)", "part_of", "killed",
  ]

  /// The group whose threshold decides a prediction of this class for a subject of this kind. "In" splits
  /// by the subject's kind (people living in, organizations based in, places lying in a place), because the
  /// three predicates differ in how often a nearby pair holds them, so each gets its own cross-validated cut.
  public func decisionGroup(subject: EntityKind) -> Int {
    switch self {
    case .none: return 0
    case .role: return 1
    case .located:
      switch subject {
      case .person: return 2
      case .organization: return 3
      case .country, .location, .event: return 4
      }
    case .partOf: return 5
    case .killed: return 6
    }
  }

  /// The classes (a bit per raw value) whose predicate fits a subject and an object of these kinds;
  /// `none` is always allowed.
  public static func allowed(subject: EntityKind, object: EntityKind) -> UInt32 {
    var mask: UInt32 = 1
    for c in allCases where c != .none && c.predicate(subject: subject, object: object) != nil {
      mask |= 1 << c.rawValue
    }
    return mask
  }

  /// The predicate this class names between a subject and an object of these kinds, or `nil` when the
  /// kinds do not fit the predicate schema (then nothing is emitted).
  public func predicate(subject: EntityKind, object: EntityKind) -> Predicate? {
    let objectIsPlace = object == .country || object == .location
    switch self {
    case .none: return nil
    case .role:
      return subject == .person && (object == .organization || object == .country) ? .employeeOf : nil
    case .located:
      guard objectIsPlace else { return nil }
      switch subject {
      case .person: return .livesIn
      case .organization: return .locatedIn
      case .location, .event: return .locatedIn
      case .country: return object == .location ? nil : .locatedIn
      }
    case .partOf:
      let placeSubject = subject == .country || subject == .location
      return (placeSubject && objectIsPlace) || (subject == .organization && object == .organization) ? .partOf : nil
    case .killed:
      return subject == .person && object == .person ? .killed : nil
    }
  }
}
