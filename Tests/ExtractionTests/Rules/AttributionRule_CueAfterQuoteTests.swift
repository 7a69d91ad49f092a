import DocumentModel
import Testing

@testable import Extraction

/// `CueAfterQuoteRule`: a cue after the quote in its sentence.
@Suite struct AttributionRule_CueAfterQuoteTests {
  @Test func nameThenVerb() {
    let doc = attributeRuleFixture("“The wells are dry,” Ruth Okoye said.")
    let a = doc.attribution(of: "wells are dry")
    #expect(a?.speaker == "Ruth Okoye", "\(doc.debugDump())")
    #expect(a?.rule == .cueAfterQuote, "\(doc.debugDump())")
  }

  @Test func verbThenName() {
    let doc = attributeRuleFixture("“The wells are dry,” said Ruth Okoye.")
    #expect(doc.attribution(of: "wells are dry")?.speaker == "Ruth Okoye", "\(doc.debugDump())")
  }

  @Test func verbThenOrganization() {
    let doc = attributeRuleFixture("“The wells are dry,” said the Delta Relief Agency.")
    #expect(doc.attribution(of: "wells are dry")?.speaker == "Delta Relief Agency", "\(doc.debugDump())")
  }

  @Test func aQuoteWithNoCueAndNoFloorHasNoSpeaker() {
    let doc = attributeRuleFixture("“The wells are dry.” The rain did not come.")
    #expect(doc.quote(containing: "wells are dry")?.speaker == nil, "\(doc.debugDump())")
  }
}
