import DocumentModel
import Testing

@testable import Extraction

/// `CueBeforeQuoteRule`: a cue before the quote in its sentence.
@Suite struct AttributionRule_CueBeforeQuoteTests {
  @Test func aNameAndAVerbBeforeTheQuote() {
    let doc = attributeRuleFixture("Tomas Brandt told the crowd: “The trucks will leave at dawn.”")
    let a = doc.attribution(of: "trucks will leave")
    #expect(a?.speaker == "Tomas Brandt", "\(doc.debugDump())")
    #expect(a?.rule == .cueBeforeQuote, "\(doc.debugDump())")
  }

  @Test func aPronounBeforeTheQuote() {
    let doc = attributeRuleFixture("Ruth Okoye visited the depot. She added, “We counted every sack twice.”")
    #expect(doc.attribution(of: "every sack")?.speaker == "Ruth Okoye", "\(doc.debugDump())")
  }

  @Test func accordingToBeforeTheQuote() {
    let doc = attributeRuleFixture("According to Ilse Varga, “the roads are open again.”")
    let a = doc.attribution(of: "roads are open")
    #expect(a?.speaker == "Ilse Varga", "\(doc.debugDump())")
    #expect(a?.rule == .cueBeforeQuote, "\(doc.debugDump())")
  }

  @Test func aCueParagraphEndingWithAColonIntroducesTheNextParagraphsQuote() {
    let doc = attributeRuleFixture(
      "Ilse Varga opened the hearing. Tomas Brandt answered her questions.\n\nHe said:\n\n"
        + "“The bridge will open in May, and the trucks will follow.”")
    let a = doc.attribution(of: "bridge will open")
    #expect(a?.speaker == "Tomas Brandt", "\(doc.debugDump())")
    #expect(a?.rule == .cueBeforeQuote, "\(doc.debugDump())")
  }
}
