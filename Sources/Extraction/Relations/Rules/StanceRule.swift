import DocumentModel

/// `stance`: "X supports Y", "X threatens Y" (`opposes`), "X attacked Y", "X launched an operation … against Y"
/// (`attacked`), "support for Y", "X is an ally of Y" (`allied_with`), and the passive "Y was supported by X";
/// subjects and objects are countries or organizations (a demonym acts for its country as a plural noun or
/// before "government", "regime", …). A negation between subject and verb ("does not support") cancels it.
struct StanceRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.stance
  /// Confidence of a stance.
  static let confidence = 0.75
  /// Nouns of attacks ("launched an operation against Y").
  static let attackNouns: Set<String> = RelationWords[.attackNouns]
  /// Words that end the search for an object.
  static let clauseBreakers: Set<String> = RelationWords[.clauseBreakers]

  func apply(word k: Int, in run: inout RelationRun) {
    if run.lexicon.stances[run.words[k].lower] != nil { run.stance(at: k) }
  }
}

extension RelationRun {
  /// The stance at the stance verb or noun at word `k`.
  mutating func stance(at k: Int) {
    guard let predicate = lexicon.stances[words[k].lower] else { return }
    let w = words[k].lower
    let sentence = sentenceRange(words[k].start)
    // Passive: "Y was (also) supported by X".
    if k + 1 < words.count && words[k + 1].lower == "by" {
      var a = k - 1
      while a >= 0 && ["also", "openly", "reportedly", "allegedly", "directly", "strongly"].contains(words[a].lower) {
        a -= 1
      }
      guard a >= 1, ["was", "were", "is", "are", "been", "being"].contains(words[a].lower) else { return }
      var negated = false
      var b = a - 1
      while b >= 0 && ["not", "never", "has", "have", "had"].contains(words[b].lower)
        || (b >= 0 && words[b].lower.hasSuffix("n't"))
      {
        if lexicon.negations.contains(words[b].lower) || words[b].lower.hasSuffix("n't") { negated = true }
        b -= 1
      }
      guard !negated, b >= 0, let patient = mentionEnding(at: b), isActorKind(patient),
        let (agent, end) = target(at: k + 2)
      else { return }
      add(agent, predicate, patient.entity, StanceRule.confidence, patient.start, words[end - 1].end, StanceRule.id)
      return
    }
    // Subject: an actor right before the verb, with only bridge words between.
    var s = k - 1
    var negated = false
    var bridged = 0
    // "does" + "n't": the word a contracted "n't" is written onto is part of the negation, and the two count
    // as one bridge word.
    while s >= 0 && (words[s].isWord || words[s].isClitic) && context.mention(atWord: s) == nil && bridged < 6
      && (lexicon.bridgeWords.contains(words[s].lower) || words[s].lower.hasSuffix("n't")
        || context.text.isCliticNot(s + 1))
    {
      if lexicon.negations.contains(words[s].lower) || words[s].lower.hasSuffix("n't") { negated = true }
      if !context.text.isCliticNot(s) { bridged += 1 }
      s -= 1
    }
    guard s >= 0, s >= context.text.wordIndex(atOrAfter: sentence.lowerBound), let subject = mentionEnding(at: s),
      isActorKind(subject)
    else { return }
    // "supports" never follows "the"/"an" directly as a noun unless "support for".
    var j = k + 1
    var window = 7
    switch w {
    case "support", "backing":
      guard j < words.count, words[j].lower == "for" || bridged == 0 else { return }
      if words[j].lower == "for" { j += 1 }
    case "ally", "allies", "alliance", "allied":
      guard j < words.count, ["of", "with", "to"].contains(words[j].lower) else { return }
      j += 1
    case "attack":
      guard bridged > 0 else { return }  // "X attack" is a noun phrase.
    case "launched":
      guard (j..<min(words.count, j + 3)).contains(where: { StanceRule.attackNouns.contains(words[$0].lower) }) else {
        return
      }
      window = 40
    default:
      break
    }
    guard !negated else { return }
    var objects: [EntityMention] = []
    var end = j
    while end < words.count && end < j + window && words[end].start < sentence.upperBound {
      let lw = words[end].lower
      if objects.isEmpty && (lw == "." || lw == ";" || StanceRule.clauseBreakers.contains(lw)) { break }
      if let m = context.mention(atWord: end), m.kind == .country || m.kind == .organization, m.entity != subject.entity
      {
        objects.append(m)
        end = wordAfter(m)
        // Coordinated objects: "Y and Z", "both Y and Z".
        if end + 1 < words.count, ["and", ","].contains(words[end].lower), let n = context.mention(atWord: end + 1),
          n.kind == .country || n.kind == .organization
        {
          objects.append(n)
          end = wordAfter(n)
        }
        break
      }
      end += 1
    }
    // Coordinated subjects: "Y and (the) X support Z".
    var subjects = [subject]
    var f = firstWord(of: subject) - 1
    if f >= 0 && words[f].lower == "the" { f -= 1 }
    if f >= 1, words[f].lower == "and", let other = mentionEnding(at: f - 1), isActorKind(other) {
      subjects.append(other)
    }
    for sub in subjects {
      for o in objects where o.entity != sub.entity {
        add(sub.entity, predicate, o.entity, StanceRule.confidence, sub.start, o.end, StanceRule.id)
      }
    }
  }

  func isActorKind(_ m: EntityMention) -> Bool {
    (m.kind == .country || m.kind == .organization) && isActor(m)
  }
}
