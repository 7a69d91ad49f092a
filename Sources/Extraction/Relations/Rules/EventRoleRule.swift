import DocumentModel

/// `event-role`: an event verb, "Y hosted a conference", "organized by X", "moderated by X" (the event is the
/// event mentioned nearby, or the reported-on meeting).
struct EventRoleRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.eventRole
  /// Confidence of an event role.
  static let confidence = 0.85

  func apply(word k: Int, in run: inout RelationRun) {
    if run.lexicon.eventVerbs[run.words[k].lower] != nil { run.eventRole(at: k) }
  }
}

extension RelationRun {
  /// The event role at the event verb at word `k` ("organized by X", "Y hosted a conference").
  mutating func eventRole(at k: Int) {
    guard let predicate = lexicon.eventVerbs[words[k].lower] else { return }
    let sentence = sentenceRange(words[k].start)
    if k + 1 < words.count && words[k + 1].lower == "by" {
      // "organized by X": the event is the nearest event mentioned before, or the reported-on meeting.
      var j = k + 2
      while j < words.count && RelationRun.titleWords.contains(words[j].lower) { j += 1 }
      guard j < words.count, let agent = context.mention(atWord: j),
        agent.kind == .person || agent.kind == .organization
      else { return }
      let event =
        lastMention(.event, endingBy: words[k].start, from: sentence.lowerBound)?.entity
        ?? context.reportedEvent()
      guard let event else { return }
      if predicate == .hosted && agent.kind == .person { return }
      add(agent.entity, predicate, event, EventRoleRule.confidence, words[k].start, agent.end, EventRoleRule.id)
      return
    }
    // "Y hosted a conference".
    var s = k - 1
    while s >= 0 && words[s].isWord
      && ["also", "has", "have", "had", "jointly", "recently", "will"].contains(words[s].lower)
    { s -= 1 }
    guard s >= 0, let subject = mentionEnding(at: s), subject.kind == .person || subject.kind == .organization,
      !(predicate == .hosted && subject.kind == .person)
    else { return }
    var event: EntityID?
    var end = words[k].end
    for j in (k + 1)..<min(words.count, k + 7) {
      if let m = context.mention(atWord: j), m.kind == .event {
        event = m.entity
        end = m.end
        break
      }
      if meetingNouns.contains(words[j].lower) {
        event =
          context.mentions.first(where: {
            $0.kind == .event && $0.start >= words[j].start && $0.start < sentence.upperBound
          })?.entity
          ?? context.reportedEvent()
        end = words[j].end
        break
      }
      if !words[j].isWord { break }
    }
    guard let event else { return }
    add(subject.entity, predicate, event, EventRoleRule.confidence, subject.start, end, EventRoleRule.id)
  }
}
