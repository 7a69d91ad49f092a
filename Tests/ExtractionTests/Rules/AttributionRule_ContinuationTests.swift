import DocumentModel
import Testing

@testable import Extraction

/// `ContinuationRule`: a quote that opens its sentence with no cue keeps the current speaker.
@Suite struct AttributionRule_ContinuationTests {
  @Test func theNextQuoteKeepsTheFloor() {
    let doc = attributeRuleFixture(
      "“The wells are dry,” Ruth Okoye said. “We have asked Peru for two tankers of water.”")
    let a = doc.attribution(of: "two tankers")
    #expect(a?.speaker == "Ruth Okoye", "\(doc.debugDump())")
    #expect(a?.rule == .continuation, "\(doc.debugDump())")
  }

  @Test func aQuoteWithItsOwnCueDoesNotContinue() {
    let doc = attributeRuleFixture(
      "“The wells are dry,” Ruth Okoye said. “We have asked Peru for two tankers of water,” Tomas Brandt added.")
    #expect(doc.attribution(of: "two tankers")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func theFloorDoesNotReachThreeParagraphsOn() {
    let doc = attributeRuleFixture(
      """
      “The wells are dry,” Ruth Okoye said.
      The convoy left at noon.
      It reached the border by night.
      The drivers slept in their cabs.
      “We have asked Peru for two tankers of water and more pumps.”
      """)
    #expect(doc.attribution(of: "two tankers")?.rule != .continuation, "\(doc.debugDump())")
  }
}
