import DocumentModel

/// `title-before-name`: an organization or country and a role written before a person's name, "Y chief X",
/// "Former Y Consul General X", "Y Foreign Minister X".
struct TitleBeforeNameRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.titleBeforeName
  /// Confidence of a title written before the name.
  static let confidence = 0.8

  func apply(person m: EntityMention, in run: inout RelationRun) { run.titleBeforeName(m) }
}

extension RelationRun {
  /// "Y chief X", "Former Y Consul General Dr. X".
  mutating func titleBeforeName(_ m: EntityMention) {
    var k = firstWord(of: m)
    while k > 0 && RelationRun.titleWords.contains(words[k - 1].lower) { k -= 1 }
    guard let (p, roleStart) = role(endingBefore: k) else { return }
    var j = roleStart
    var mods = 0
    while j > 0 && mods < 2 && words[j - 1].isWord && words[j - 1].isCapitalized
      && context.mention(atWord: j - 1) == nil
      && words[j - 1].lower != "former"
    {
      j -= 1
      mods += 1
    }
    guard j > 0, let y = mentionEnding(at: j - 1), y.kind == .organization || y.kind == .country else { return }
    let yStart = firstWord(of: y)
    let former = yStart > 0 && words[yStart - 1].lower == "former"
    let pred = former && p == "consul_general_of" ? Predicate.formerConsulGeneralOf : p
    guard objectAllowed(pred, y.entity) else { return }
    add(
      m.entity, pred, y.entity, TitleBeforeNameRule.confidence, words[former ? yStart - 1 : yStart].start, m.end,
      TitleBeforeNameRule.id)
  }
}
