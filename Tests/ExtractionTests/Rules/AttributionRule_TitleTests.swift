import DocumentModel
import Testing

@testable import Extraction

/// `TitleRule`: words in quote marks after "titled", "called", … are a name, not speech.
@Suite struct AttributionRule_TitleTests {
  @Test func aTitleIsNotSpeech() {
    let doc = attributeRuleFixture("Ilse Varga wrote a report titled “Rivers Without Bridges” last year.")
    let q = doc.quote(containing: "Rivers Without")
    #expect(q?.isSpeech == false, "\(doc.debugDump())")
    #expect(q?.speaker == nil, "\(doc.debugDump())")
    #expect(doc.quoteRecords().isEmpty, "\(doc.debugDump())")
  }

  @Test func aQuoteAfterOtherWordsIsSpeech() {
    let doc = attributeRuleFixture("Ilse Varga said: “Rivers without bridges cut villages off.”")
    #expect(doc.quote(containing: "Rivers without")?.isSpeech == true, "\(doc.debugDump())")
  }
}
