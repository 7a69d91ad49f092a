import DocumentModel
import Testing

@testable import Extraction

/// `InterviewTurnRule`: a transcript label names the speaker of its turn.
@Suite struct AttributionRule_InterviewTurnTests {
  @Test func aSurnameLabelNamesItsSpeaker() {
    let doc = attributeRuleFixture(
      """
      Ruth Okoye spoke with our reporter about the harvest.
      OKOYE: The rains came late this year and the wells are low.
      BRANDT: We will send more trucks before the summer ends.
      """)
    let a = doc.attribution(of: "rains came late")
    #expect(a?.speaker == "Ruth Okoye", "\(doc.debugDump())")
    #expect(a?.rule == .interviewTurn, "\(doc.debugDump())")
  }

  @Test func oneLabelAloneIsNoInterview() {
    let doc = attributeRuleFixture(
      "Ruth Okoye arrived early.\nOKOYE: The rains came late this year and the wells are low.")
    #expect(doc.quotes.allSatisfy { $0.rule != .interviewTurn }, "\(doc.debugDump())")
  }
}
