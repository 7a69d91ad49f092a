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

  @Test func aCueSetOffByCommasReportsTheLongerSide() {
    let doc = attributeRuleFixture(
      "Tomas Brandt toured the port.\n\nOver the winter, he said, the grain stores in Kenya were nearly empty.")
    let q = doc.quote(containing: "grain stores")
    #expect(q.map { doc.document.text(from: $0.start, to: $0.end) } == "the grain stores in Kenya were nearly empty")
    #expect(doc.name(q?.speaker) == "Tomas Brandt", "\(doc.debugDump())")
    // A short side alone is no record.
    let short = attributeRuleFixture("Tomas Brandt toured the port. Not yet, he said, not yet.")
    #expect(short.quotes.filter { $0.form == .reported }.isEmpty, "\(short.debugDump())")
  }

  @Test func aLearnedVerbReportsItsObject() {
    // "endorsed" is one of the verbs learned from PolNeAR train (Scripts/select-topic-verbs.py).
    let doc = attributeRuleFixture("Ilse Varga endorsed the plan to rebuild the port in Chile.")
    let a = doc.attribution(of: "the plan to rebuild")
    #expect(a?.speaker == "Ilse Varga", "\(doc.debugDump())")
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Chile"]], "\(doc.debugDump())")
  }

  @Test func aFirstPersonSubjectBehindAModalIsNoNamedSpeaker() {
    // "I should say that": the writer speaks, not the people the sentence named before.
    let doc = attributeRuleFixture(
      "Lest you think my parents, Tomas and Vera Brandt, were idle, I should say that my father ran a mill in Kenya.")
    #expect(doc.attribution(of: "ran a mill")?.speaker == nil, "\(doc.debugDump())")
  }

  @Test func aRelativeWhoNamesTheNameRightBeforeIt() {
    let doc = attributeRuleFixture(
      "The panel heard from Tomas Brandt of the Harbor Trust, who said the cables in Kenya were fine.")
    #expect(doc.attribution(of: "cables in Kenya")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func aRelativeWhoAfterOtherWordsNamesNoEarlierPerson() {
    // "who" refers to the listeners, whom the graph does not name, not to Varga, the sentence's subject.
    let doc = attributeRuleFixture(
      "Ilse Varga hoped to calm nervous listeners in the Harbor District, who said the stores in Kenya were empty.")
    #expect(doc.attribution(of: "stores in Kenya")?.speaker == nil, "\(doc.debugDump())")
  }

  @Test func anInvertedVerbBeforeATitlePhraseAndAName() {
    let doc = attributeRuleFixture("The grain stores in Kenya are nearly empty, said Kenyan trade expert Tomas Brandt.")
    #expect(doc.attribution(of: "grain stores")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }
}
