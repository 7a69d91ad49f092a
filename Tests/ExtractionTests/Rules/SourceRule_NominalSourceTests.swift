import DocumentModel
import Testing

@testable import Extraction

/// `NominalSourceRule`: a speech verb whose subject names no entity keeps that phrase as the source.
@Suite struct SourceRule_NominalSourceTests {
  @Test func officialsSaid() {
    let doc = attributeRuleFixture("“The roads are closed again,” officials said.")
    let q = doc.quote(containing: "roads are closed")
    #expect(q?.speaker == nil, "\(doc.debugDump())")
    #expect(q?.rule == .nominalSource, "\(doc.debugDump())")
    #expect(q?.confidence == NominalSourceRule.confidence, "\(doc.debugDump())")
    #expect(
      q.flatMap { $0.speakerMention }.map { doc.document.text(from: $0.lowerBound, to: $0.upperBound) } == "officials")
  }

  @Test func aNamedSpeakerIsNoNominalSource() {
    let doc = attributeRuleFixture("“The roads are closed again,” Ruth Okoye said.")
    #expect(doc.quote(containing: "roads are closed")?.rule == .cueAfterQuote, "\(doc.debugDump())")
  }

  @Test func aNominalAfterTheVerbEndsAtTheComma() {
    // The quote goes on after the comma: the source is the phrase before it, headed by "senator".
    let doc = attributeRuleFixture("“It is a disgrace,” said the Ruritanian senator, “because it hurts farmers.”")
    let q = doc.quote(containing: "disgrace")
    #expect(q?.rule == .nominalSource, "\(doc.debugDump())")
    #expect(
      q.flatMap { $0.speakerMention }.map { doc.document.text(from: $0.lowerBound, to: $0.upperBound) }
        == "the Ruritanian senator")
  }
}
