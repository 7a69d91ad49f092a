import DocumentModel
import Testing

@testable import Extraction

/// ``OverlapRule``: overlapping spans are settled by ``MentionRule/overlapPriority``, then by length.
@Suite struct EntityRuleOverlapTests {
  @Test func headWordRuleBeatsTheTagger() throws {
    let doc = try RuleDocument("The Quell River Festival opened.")
    let spans = [
      try doc.span("Quell River", .location), try doc.span("Quell River Festival", .event, source: .eventHead),
    ]
    #expect(doc.describe(doc.run(OverlapRule(), spans)) == ["Quell River Festival=event@event-head"])
  }

  @Test func reportedEventBeatsAHeadWordRule() throws {
    let doc = try RuleDocument("The Quell River Festival opened.")
    let spans = [
      try doc.span("Quell River Festival", .event, source: .eventHead),
      try doc.span("River", .event, source: .reportedEvent),
    ]
    #expect(doc.describe(doc.run(OverlapRule(), spans)) == ["River=event@reported-event"])
  }

  @Test func longerSpanWinsATie() throws {
    let doc = try RuleDocument("The Quell River Festival opened.")
    let spans = [try doc.span("Quell", .location), try doc.span("Quell River", .location)]
    #expect(doc.describe(doc.run(OverlapRule(), spans)) == ["Quell River=location@tagger"])
  }
}
