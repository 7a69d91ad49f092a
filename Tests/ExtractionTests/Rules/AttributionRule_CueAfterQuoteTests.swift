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

  @Test func aTitlePhraseWithAPlaceBeforeTheNameGoesToThePerson() {
    let doc = attributeRuleFixture(
      "“It is a disgrace,” said Kenya-based grain trader Tomas Brandt.\n\n"
        + "“Nobody asked us” said Harbor resident Ilse Varga, angered by the vote.\n\n"
        + "“We will see,” said former tech executive Ruth Okoye during the debate.")
    #expect(doc.attribution(of: "disgrace")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
    #expect(doc.attribution(of: "Nobody asked")?.speaker == "Ilse Varga", "\(doc.debugDump())")
    #expect(doc.attribution(of: "We will see")?.speaker == "Ruth Okoye", "\(doc.debugDump())")
  }

  @Test func aClauseBeforeThePersonIsNoTitlePhrase() {
    let doc = attributeRuleFixture("“It is over,” said the plan would help Tomas Brandt.")
    #expect(doc.attribution(of: "It is over")?.speaker != "Tomas Brandt", "\(doc.debugDump())")
  }
}
