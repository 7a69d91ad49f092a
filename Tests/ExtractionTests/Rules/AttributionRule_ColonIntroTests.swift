import DocumentModel
import Testing

@testable import Extraction

/// `ColonIntroRule`: "X: “…”" — a name and a colon before the quote.
@Suite struct AttributionRule_ColonIntroTests {
  @Test func aNameAndAColon() {
    let doc = attributeRuleFixture("Ilse Varga: “We will not close the clinic.”")
    let a = doc.attribution(of: "close the clinic")
    #expect(a?.speaker == "Ilse Varga", "\(doc.debugDump())")
    #expect(a?.rule == .colonIntro, "\(doc.debugDump())")
  }

  @Test func tooManyOtherWordsAreNoIntroduction() {
    let doc = attributeRuleFixture(
      "Late on the second night of the long dry spell in Chile: “We will not close the clinic.”")
    #expect(doc.quote(containing: "close the clinic")?.rule != .colonIntro, "\(doc.debugDump())")
  }
}
