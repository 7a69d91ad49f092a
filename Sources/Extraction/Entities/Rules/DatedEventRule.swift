import DocumentModel

/// Dated named events: "October 7 attack", "September 11 attacks".
struct DatedEventRule: EntityRule {
  let name = "dated-event"
  let writes: [MentionRule] = [.datedEvent]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    spans += datedEvents(c)
  }

  /// Dated named events: "October 7 attack", "September 11 attacks".
  func datedEvents(_ c: RecognitionContext) -> [NameSpan] {
    var out: [NameSpan] = []
    let n = c.tokens.count
    var i = 0
    while i + 2 < n {
      if c.isCapitalized(i), c.has(i, .time), c.tokens[i + 1].kind == .number, c.tokens[i + 2].kind == .word,
        c.has(i + 2, .eventWord), !c.isCapitalized(i + 2) || true
      {
        let w = c.lower(i + 2)
        if c.lexicon.ruleWords.datedEvents.contains(w) {
          out.append(NameSpan(first: i, end: i + 3, kind: .event, source: .datedEvent, confidence: 0.85))
          i += 3
          continue
        }
      }
      i += 1
    }
    return out
  }
}
