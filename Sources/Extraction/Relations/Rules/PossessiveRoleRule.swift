import DocumentModel

/// `possessive-role`: "Y's CEO, X", "the organization's CEO, X" (a nominal resolves to the latest organization
/// whose name holds the noun), and a person's group "X's splinter Y", "X's party, Y" (X leads Y).
struct PossessiveRoleRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.possessiveRole
  /// Confidence of a possessive role.
  static let confidence = 0.8

  func finish(in run: inout RelationRun) { run.possessiveRoles() }
}

extension RelationRun {
  /// "Y's CEO, X", "the organization's CEO, X", and "X's splinter Y".
  mutating func possessiveRoles() {
    // The tokenizer writes the possessive as its own word ("Y" + "'s").
    for k in words.indices where context.text.isCliticS(k) {
      possessiveRole(clitic: k)
      personsGroup(clitic: k)
    }
  }

  /// "Y's CEO, X" at the possessive word `k` (`o`, the word before it, is the owner's).
  mutating func possessiveRole(clitic k: Int) {
    let o = k - 1
    guard let (p, next) = role(at: k + 1), next + 1 < words.count, words[next].lower == ",",
      let person = context.mention(atWord: next + 1), person.kind == .person
    else { return }
    var owner: EntityID?
    if let m = context.mention(atWord: o), m.kind == .organization || m.kind == .country, !m.isDemonym {
      owner = m.entity
    } else if o > 0, words[o - 1].lower == "the" {
      owner = context.resolveNominal(words[o].lower, before: words[o].start)
    }
    guard let owner, objectAllowed(p, owner) else { return }
    add(person.entity, p, owner, PossessiveRoleRule.confidence, words[o].start, person.end, PossessiveRoleRule.id)
  }

  /// Nouns of a group someone leads, between a person's possessive and the group's name ("X's faction Y").
  static let groupNouns: Set<String> = RelationWords[.groupNouns]

  /// "Wadi Haddad's splinter PFLP", "Roe's party, the Harbor League" at the possessive word `k`: a person's
  /// possessive, a group noun and an organization say that the person leads it.
  mutating func personsGroup(clitic k: Int) {
    guard let person = context.mention(atWord: k - 1), person.kind == .person, !person.isDemonym,
      k + 2 < words.count, Self.groupNouns.contains(words[k + 1].lower)
    else { return }
    var g = k + 2
    if words[g].lower == "," { g += 1 }
    if g < words.count, words[g].lower == "the" { g += 1 }
    guard g < words.count, let group = context.mention(atWord: g), group.kind == .organization,
      objectAllowed(.leaderOf, group.entity)
    else { return }
    add(
      person.entity, .leaderOf, group.entity, PossessiveRoleRule.confidence, person.start, group.end,
      PossessiveRoleRule.id)
  }
}
