import DocumentModel
import Testing

@testable import Extraction

/// `PhraseVerbSubjectRule`: "X called it a “disgrace”" — a partial quote goes to the phrase verb's subject.
@Suite struct SourceRule_PhraseVerbSubjectTests {
  @Test func calledItAPhrase() {
    let doc = attributeRuleFixture("Ilse Varga called the plan a “costly mistake” on Monday.")
    let q = doc.quote(containing: "costly mistake")
    #expect(doc.name(q?.speaker) == "Ilse Varga", "\(doc.debugDump())")
    #expect(q?.rule == .phraseVerbSubject, "\(doc.debugDump())")
    #expect(q?.kind == .partial, "\(doc.debugDump())")
  }
}
