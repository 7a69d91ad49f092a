import DocumentModel

/// `interview-turn`: a transcript label (`SMITH:`, `Q:`, `A:`) names the speaker of its turn: a person or
/// organization in the label, a person of the document whose name ends with it, the interviewer for `Q:`
/// (a person the narration presents as a journalist) and the interviewee for `A:` (the first person named).
struct InterviewTurnRule: AttributionRule {
  /// A `Q:` turn goes to the interviewer.
  static let questionerConfidence = 0.75
  /// A label that is a recognized name.
  static let nameConfidence = 0.9
  /// A label that ends a person's name ("SMITH:").
  static let surnameConfidence = 0.85
  /// An `A:` turn goes to the interviewee.
  static let answererConfidence = 0.8

  var id: QuoteRule? { .interviewTurn }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard run.isTurn(site.index) else { return nil }
    return AttributionOutcome(Attribution(run.turnSpeaker(site.index), rule: .interviewTurn))
  }
}

extension AttributionRun {
  /// The speaker of interview turn `i` from its label.
  mutating func turnSpeaker(_ i: Int) -> (EntityID, Evidence, Double)? {
    guard let cue = quotes[i].cue else { return nil }
    let label = cue.text.dropLast().trimmingCharacters(in: .whitespaces).lowercased()
    if ["q", "question", "interviewer"].contains(label) {
      return interviewer().map { ($0, cue, InterviewTurnRule.questionerConfidence) }
    }
    if let m = context.mentions(in: cue.start, cue.end).first(where: { $0.kind == .person || $0.kind == .organization })
    {
      return (m.entity, cue, InterviewTurnRule.nameConfidence)
    }
    // A surname label ("SMITH:") names a person of the document.
    if personNames == nil {
      // Sorted and lower-cased once per document, not once per turn.
      personNames = context.document.entities.values.sorted(by: { $0.id < $1.id }).filter { $0.kind == .person }.map {
        ($0.id, ([$0.name] + $0.aliases).map { $0.lowercased() })
      }
    }
    for (id, names) in personNames ?? [] {
      if names.contains(where: { $0 == label || $0.hasSuffix(" " + label) }) {
        return (id, cue, InterviewTurnRule.surnameConfidence)
      }
    }
    if ["a", "answer"].contains(label) {
      if turnInterviewee == nil {
        let firstTurn = quotes.indices.first(where: isTurn).map { quotes[$0].cue?.start ?? 0 } ?? 0
        // The first person the narration names before the interview, else anywhere outside the turns.
        turnInterviewee =
          context.mentions.first(where: {
            $0.kind == .person && container(ofOffset: $0.start) == nil && $0.start < firstTurn
          })?.entity
          ?? context.mentions.first(where: { $0.kind == .person && container(ofOffset: $0.start) == nil })?.entity
      }
      return turnInterviewee.map { ($0, cue, InterviewTurnRule.answererConfidence) }
    }
    return nil
  }

  /// Words that present a journalist or an interview in the narration before the turns.
  static let interviewerCues: Set<String> = SpeechWords[.interviewerCues]

  /// The person who asks the `Q:` turns: a person the narration before the first turn names in a sentence
  /// that presents an interview or a journalist ("Our editor, X, spoke with her"), other than the interviewee.
  mutating func interviewer() -> EntityID? {
    if let cached = turnInterviewer { return cached }
    let found = findInterviewer()
    turnInterviewer = .some(found)
    return found
  }

  mutating func findInterviewer() -> EntityID? {
    guard let firstTurn = quotes.indices.first(where: isTurn).flatMap({ quotes[$0].cue?.start }) else { return nil }
    if turnInterviewee == nil {
      turnInterviewee =
        context.mentions.first(where: {
          $0.kind == .person && container(ofOffset: $0.start) == nil && $0.start < firstTurn
        })?.entity
    }
    for m in context.mentions where m.kind == .person && m.start < firstTurn && m.entity != turnInterviewee {
      guard container(ofOffset: m.start) == nil else { continue }
      let para = text.paragraph(of: m.start)
      let s = text.sentenceStart(before: m.start, lower: para.lowerBound)
      let e = text.sentenceEnd(after: m.end, upper: para.upperBound)
      if context.wordIndices(s, e).contains(where: { Self.interviewerCues.contains(words[$0].lower) }) {
        return m.entity
      }
    }
    return nil
  }

  // MARK: - Subjects and pronouns
}
