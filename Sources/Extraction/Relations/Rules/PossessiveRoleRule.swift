import DocumentModel

/// `possessive-role`: "Y's CEO, X", "the organization's CEO, X" (a nominal resolves to the latest organization
/// whose name holds the noun).
struct PossessiveRoleRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.possessiveRole
  /// Confidence of a possessive role.
  static let confidence = 0.8

  func finish(in run: inout RelationRun) { run.possessiveRoles() }
}

extension RelationRun {
  /// "Y's CEO, X", "the organization's CEO, X".
  mutating func possessiveRoles() {
    // The tokenizer writes the possessive as its own word ("Y" + "'s"): `k` is the "'s", `o` the owner's word.
    for k in words.indices where context.text.isCliticS(k) {
      let o = k - 1
      guard let (p, next) = role(at: k + 1), next + 1 < words.count, words[next].lower == ",",
        let person = context.mention(atWord: next + 1), person.kind == .person
      else { continue }
      var owner: EntityID?
      if let m = context.mention(atWord: o), m.kind == .organization || m.kind == .country, !m.isDemonym {
        owner = m.entity
      } else if o > 0, words[o - 1].lower == "the" {
        owner = context.resolveNominal(words[o].lower, before: words[o].start)
      }
      guard let owner, objectAllowed(p, owner) else { continue }
      add(person.entity, p, owner, PossessiveRoleRule.confidence, words[o].start, person.end, PossessiveRoleRule.id)
    }
  }
}
