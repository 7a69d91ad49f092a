/// A relation's predicate: an open set of snake_case names with well-known constants.
///
/// ```swift
/// let p: Predicate = .mentioned
/// let custom = Predicate("minister_of")
/// ```
public struct Predicate: RawRepresentable, Hashable, Codable, Sendable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The snake_case name, e.g. `ceo_of`.
  public let rawValue: String

  /// Creates a predicate from its snake_case name.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a predicate from its snake_case name.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Creates a predicate from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(rawValue)
  }
  public static func < (lhs: Predicate, rhs: Predicate) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { rawValue }
  /// The predicate as words for a diagram label: `ceo_of` → `ceo of`.
  public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

  // Event roles
  public static let organized: Predicate = "organized"
  public static let moderated: Predicate = "moderated"
  public static let spokeAt: Predicate = "spoke_at"
  public static let hosted: Predicate = "hosted"
  // Roles
  public static let ceoOf: Predicate = "ceo_of"
  public static let boardMemberOf: Predicate = "board_member_of"
  public static let auditCommitteeMemberOf: Predicate = "audit_committee_member_of"
  public static let presidentOf: Predicate = "president_of"
  public static let founderOf: Predicate = "founder_of"
  public static let advisorTo: Predicate = "advisor_to"
  public static let formerConsulGeneralOf: Predicate = "former_consul_general_of"
  public static let memberOf: Predicate = "member_of"
  public static let leaderOf: Predicate = "leader_of"
  public static let locatedIn: Predicate = "located_in"
  public static let ministerOf: Predicate = "minister_of"
  public static let ambassadorTo: Predicate = "ambassador_to"
  public static let spokespersonOf: Predicate = "spokesperson_of"
  public static let employeeOf: Predicate = "employee_of"
  public static let directorOf: Predicate = "director_of"
  public static let chairOf: Predicate = "chair_of"
  public static let headOf: Predicate = "head_of"
  public static let editorOf: Predicate = "editor_of"
  // Places
  public static let partOf: Predicate = "part_of"
  public static let livesIn: Predicate = "lives_in"
  public static let from: Predicate = "from"
  public static let citizenOf: Predicate = "citizen_of"
  // Violence
  public static let killed: Predicate = "killed"
  // Speech
  public static let mentioned: Predicate = "mentioned"
  public static let quotedIn: Predicate = "quoted_in"
  // Stances
  public static let supports: Predicate = "supports"
  public static let opposes: Predicate = "opposes"
  public static let alliedWith: Predicate = "allied_with"
  public static let attacked: Predicate = "attacked"

  /// The predicates listed in the graph JSON interchange format.
  public static let wellKnown: [Predicate] = [
    .organized, .moderated, .spokeAt, .hosted, .ceoOf, .boardMemberOf, .auditCommitteeMemberOf,
    .presidentOf, .founderOf, .advisorTo, .formerConsulGeneralOf, .memberOf, .leaderOf, .locatedIn,
    .quotedIn, .supports, .opposes, .alliedWith, .attacked, .ministerOf, .ambassadorTo,
    .spokespersonOf, .employeeOf, .mentioned,
  ]

  /// Whether `a p b` implies `b p a` (only `allied_with`).
  public var isSymmetric: Bool { self == .alliedWith }
}
