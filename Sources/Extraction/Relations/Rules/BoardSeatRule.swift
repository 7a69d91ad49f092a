import DocumentModel

/// `board-seat`: a seat verb and a board or committee, "X, who serves on the board of Y", "who sits on Y's
/// audit committee"; the person is the nearest one before the verb in its sentence.
struct BoardSeatRule: RelationRuleUnit {
  /// The `source` of the relations this rule writes.
  static let id = RelationRule.boardSeat
  /// Confidence of a seat.
  static let confidence = 0.85
  /// The verbs that hold a seat.
  static let verbs: Set<String> = RelationWords[.seatVerbs]

  func apply(word k: Int, in run: inout RelationRun) {
    if Self.verbs.contains(run.words[k].lower) { run.seat(at: k) }
  }
}

extension RelationRun {
  /// "X, who serves on the board of Y", "who sits on Y's audit committee".
  mutating func seat(at k: Int) {
    guard k + 1 < words.count, words[k + 1].lower == "on" else { return }
    var j = k + 2
    var owner: EntityID?
    if j < words.count && words[j].lower == "the" { j += 1 }
    // "Y's board" / "the company's audit committee".
    if j + 1 < words.count && context.text.isCliticS(j + 1) {
      if let m = context.mention(atWord: j), m.kind == .organization {
        owner = m.entity
      } else {
        owner = context.resolveNominal(words[j].lower, before: words[j].start)
      }
      j += 2
    } else if let m = context.mention(atWord: j), m.kind == .organization {
      owner = m.entity
      j = wordAfter(m)
    }
    var predicate: Predicate?
    var after = j
    for n in [3, 2, 1] where j + n <= words.count {
      if let phrase = phrase(j..<(j + n)), let p = lexicon.seats[phrase] {
        predicate = p
        after = j + n
        break
      }
    }
    guard let predicate else { return }
    if owner == nil, after < words.count, words[after].lower == "of",
      let (o, end) = target(at: after + 1, kinds: [.organization])
    {
      owner = o
      after = end
    }
    guard let owner else { return }
    // The person: the nearest person mention before the verb in the sentence.
    let sentence = sentenceRange(words[k].start)
    guard let person = lastMention(.person, endingBy: words[k].start, from: sentence.lowerBound)
    else { return }
    add(
      person.entity, predicate, owner, BoardSeatRule.confidence, words[k].start, words[max(after - 1, k)].end,
      BoardSeatRule.id)
  }
}
