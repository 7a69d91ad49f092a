import DocumentModel
import Testing

@testable import Extraction

/// `ReportedSubjectRule`: reported speech goes to the subject of its cue verb.
@Suite struct AttributionRule_ReportedSubjectTests {
  @Test func theSubjectBeforeTheVerb() {
    let doc = attributeRuleFixture("Ilse Varga noted that the grain stores in Kenya were nearly empty.")
    let a = doc.attribution(of: "grain stores")
    #expect(a?.speaker == "Ilse Varga", "\(doc.debugDump())")
    #expect(a?.rule == .reportedSubject, "\(doc.debugDump())")
  }

  @Test func aPostposedClauseGoesToTheNameBeforeTheVerb() {
    let doc = attributeRuleFixture("The grain stores in Kenya are nearly empty, Tomas Brandt said.")
    #expect(doc.attribution(of: "grain stores")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func aPostposedClauseGoesToTheNameAfterAnInvertedVerb() {
    let doc = attributeRuleFixture("The grain stores in Kenya are nearly empty, said Tomas Brandt.")
    let a = doc.attribution(of: "grain stores")
    #expect(a?.speaker == "Tomas Brandt", "\(doc.debugDump())")
    #expect(a?.rule == .reportedSubject, "\(doc.debugDump())")
  }

  @Test func aHyphenatedNameIsOneSource() {
    // The tokenizer splits "Ortiz-Vega" in three; the postposed source still reads it as one name.
    let doc = attributeRuleFixture("The grain stores in Kenya are nearly empty, Lena Ortiz-Vega said.")
    #expect(doc.attribution(of: "grain stores")?.speaker == "Lena Ortiz-Vega", "\(doc.debugDump())")
  }
}
