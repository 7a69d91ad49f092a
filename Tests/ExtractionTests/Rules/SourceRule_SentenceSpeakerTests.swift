import DocumentModel
import Testing

@testable import Extraction

/// `SentenceSpeakerRule`: a quote the narration runs into goes to the sentence's subject.
@Suite struct SourceRule_SentenceSpeakerTests {
  @Test func narrationRunsIntoTheQuote() {
    let doc = attributeRuleFixture(
      "Ilse Varga shared her worry with the donors, “the wells will fail before the spring.”")
    let q = doc.quote(containing: "wells will fail")
    #expect(doc.name(q?.speaker) == "Ilse Varga", "\(doc.debugDump())")
    #expect(q?.rule == .sentenceSubject, "\(doc.debugDump())")
    #expect(q?.confidence == SentenceSpeakerRule.runInSubjectConfidence, "\(doc.debugDump())")
  }
}
