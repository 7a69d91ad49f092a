import DocumentModel

/// `appositive-role`: a role set off after a person's name, "X, the CEO of Y", "X, the chair and co-founder of Y",
/// "X, an advisor to Y", "X is the leader of Y" → the role's predicate (`ceo_of`, `president_of` + `founder_of`, …).
struct AppositiveRoleRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.appositiveRole
  /// Confidence of a role set off by a comma or a copula.
  static let confidence = 0.85

  func apply(person m: EntityMention, in run: inout RelationRun) { run.appositiveRole(m) }
}

extension RelationRun {
  /// "X, the CEO of Y", "X, the chair and co-founder of Y", "X is the leader of Y".
  mutating func appositiveRole(_ m: EntityMention) {
    var k = wordAfter(m)
    guard k < words.count else { return }
    if words[k].lower == "," {
      k += 1
    } else if ["is", "was", "serves", "served", "became", "remains"].contains(words[k].lower) {
      k += 1
      if k < words.count && words[k].lower == "as" { k += 1 }
    } else {
      return
    }
    if k < words.count && ["the", "a", "an", "its", "their"].contains(words[k].lower) { k += 1 }
    var former = false
    var mods = 0
    var predicates: [Predicate] = []
    while k < words.count && mods <= 4 {
      if words[k].lower == "former" { former = true }
      if let (p, next) = role(at: k) {
        predicates.append(p)
        k = next
        if k + 1 < words.count && (words[k].lower == "and" || words[k].lower == "&"), let (p2, n2) = role(at: k + 1) {
          predicates.append(p2)
          k = n2
        }
        break
      }
      guard words[k].isWord, context.mention(atWord: k) == nil else { return }
      k += 1
      mods += 1
    }
    guard !predicates.isEmpty, k < words.count, RelationRun.prepositions.contains(words[k].lower),
      let (object, end) = target(at: k + 1)
    else { return }
    for p in predicates {
      let pred = former && p == "consul_general_of" ? Predicate.formerConsulGeneralOf : p
      guard objectAllowed(pred, object) else { continue }
      add(m.entity, pred, object, AppositiveRoleRule.confidence, m.start, words[end - 1].end, AppositiveRoleRule.id)
    }
  }
}
