import DocumentModel
import Testing

@testable import Extraction

/// ``ReportedEventRule``: the event an article reports on, named by a quoted title.
@Suite struct EntityRuleReportedEventTests {
  @Test func quotedTitleAfterAGatheringIsTheReportedEvent() throws {
    let doc = try RuleDocument("On May 3, 2024 the club hosted a webinar titled “Water for Quellbrook” online.")
    let out = doc.run(ReportedEventRule())
    #expect(doc.describe(out) == ["Water for Quellbrook=event@reported-event"])
    #expect(out.first?.canonical == "Water for Quellbrook")
    #expect(out.first?.attributes == ["title": "Water for Quellbrook", "type": "webinar", "date": "2024-05-03"])
  }

  @Test func quoteWithoutANamingCueIsNoEvent() throws {
    let doc = try RuleDocument("The club hosted a webinar on “Water for Quellbrook” online.")
    #expect(doc.run(ReportedEventRule()).isEmpty)
  }
}
