/// A node of the graph: a person, organization, country, location or event.
public struct Entity: Codable, Hashable, Sendable, Identifiable {
  /// Deterministic identifier, `kind:slug`.
  public var id: EntityID
  public var kind: EntityKind
  /// Canonical name: titles, leading "the" and possessives removed ("Maria Lopez").
  public var name: String
  /// Other surface forms seen for this entity ("Dr. Maria Lopez", "Lopez"), sorted, without `name`.
  public var aliases: [String]
  /// Every occurrence, sorted by document and offset.
  public var mentions: [Mention]
  /// Extra facts such as `iso_alpha2`, `date`, `title`; sorted keys in every export.
  public var attributes: [String: String]
  /// How sure the extractor is that this is a real entity of this kind, 0...1.
  public var confidence: Double

  public init(
    id: EntityID? = nil, kind: EntityKind, name: String, aliases: [String] = [],
    mentions: [Mention] = [], attributes: [String: String] = [:], confidence: Double = 1
  ) {
    self.id = id ?? EntityID(kind: kind, name: name)
    self.kind = kind
    self.name = name
    self.aliases = aliases
    self.mentions = mentions
    self.attributes = attributes
    self.confidence = confidence
  }

  /// Adds the aliases and mentions of `other` (same entity) to this one, keeping everything sorted.
  public mutating func absorb(_ other: Entity) { absorb(contentsOf: [other]) }

  /// ``absorb(_:)`` of each of `others` in order, with the mentions joined and sorted once.
  public mutating func absorb(contentsOf others: [Entity]) {
    guard !others.isEmpty else { return }
    var seen = Set(mentions)
    for other in others {
      seen.formUnion(other.mentions)
      absorbDescription(of: other)
    }
    mentions = seen.sorted()
  }

  /// Adds what `other` (same entity) says about it, but not its mentions: its name and aliases as aliases
  /// (sorted), the attributes this one lacks, and the higher confidence.
  public mutating func absorbDescription(of other: Entity) {
    aliases = Array(Set(aliases + other.aliases + [other.name]).subtracting([name])).sorted()
    for (k, v) in other.attributes where attributes[k] == nil { attributes[k] = v }
    confidence = max(confidence, other.confidence)
  }
}
