import DocumentModel
import Testing

@testable import Extraction

/// `AttributionRun.dropPronounSpeakersOutOfFocus`: a pronoun source keeps its speaker only when it agrees with
/// the speaker in focus, the last named source before it.
@Suite struct AttributionPass_SpeakerFocusTests {
  @Test func aPronounThatAgreesWithTheFocusKeepsItsSpeaker() {
    let doc = attributeRuleFixture(
      "Tomas Brandt said the bridge would open in May.\n\n“We are ready for the first trucks,” he said.")
    #expect(doc.attribution(of: "first trucks")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func aCompetingAntecedentLeavesThePronounWithoutASpeaker() {
    // "she" resolves to the last sentence subject, Okoye, two paragraphs back; the last named source is Varga.
    let doc = attributeRuleFixture(
      "Ilse Varga said the bridge would open in May.\n\nRuth Okoye toured the site on Monday.\n\n"
        + "Engineers found cracks in the cables.\n\n“The bridge is not ready for trucks,” she said.")
    let q = doc.quote(containing: "not ready for trucks")
    #expect(q?.speaker == nil, "\(doc.debugDump())")
    #expect(q?.rule == .ambiguousPronoun, "\(doc.debugDump())")
    #expect(q?.confidence == 0, "\(doc.debugDump())")
    // The words that name the source at the quote stay.
    #expect(q?.speakerMention.map { doc.document.text(from: $0.lowerBound, to: $0.upperBound) } == "she")
    // No `mentioned` edge rests on the guess.
    #expect(
      !doc.relations.contains {
        $0.predicate == .mentioned && $0.subject == EntityID(kind: .person, name: "Ruth Okoye")
      })
  }

  @Test func anAntecedentRightBeforeThePronounNamesTheSpeaker() {
    // The subject of the sentence before ("Okoye rose to reply.") and "X, …, who said" are not ambiguous.
    let doc = attributeRuleFixture(
      "Ilse Varga said the bridge would open in May.\n\n"
        + "Ruth Okoye rose to reply. “The bridge is not ready for trucks,” she said.\n\n"
        + "The panel also heard from Tomas Brandt, the chief engineer of the Harbor Trust, who said the cables were fine."
    )
    #expect(doc.attribution(of: "not ready for trucks")?.speaker == "Ruth Okoye", "\(doc.debugDump())")
    #expect(doc.attribution(of: "the cables were fine")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func sheNeverNamesAManOfTheNameList() {
    let doc = attributeRuleFixture("Tomas Brandt praised the crew, but she said: “We are late with the cables.”")
    let q = doc.quote(containing: "late with the cables")
    #expect(q?.speaker == nil, "\(doc.debugDump())")
  }

  @Test func aNameTheRecognizerMissedTakesTheFocus() {
    let doc = attributeRuleFixture(
      "Tomas Brandt said the bridge would open in May.\n\nMarek Dunn said the plan had failed.\n\n"
        + "“It is over for the whole project,” he said.")
    #expect(doc.quote(containing: "whole project")?.speaker == nil, "\(doc.debugDump())")
    #expect(doc.quote(containing: "whole project")?.rule == .ambiguousPronoun, "\(doc.debugDump())")
  }

  @Test func unnamedSourcesArePassedOver() {
    let doc = attributeRuleFixture(
      "Tomas Brandt said the bridge would open in May.\n\nOfficials said the plan had failed.\n\n"
        + "“It is not over for the whole project,” he said.")
    #expect(doc.attribution(of: "whole project")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func thePersonPresentedAsTheNextSpeakerTakesTheFocus() {
    // The title between "was" and the name does not hide the introduction.
    let doc = attributeRuleFixture(
      "Ilse Varga said the bridge would open in May.\n\n"
        + "The next speaker was Dr. Tomas Brandt, who discussed the budget. He said: “We are short of money.”")
    #expect(doc.attribution(of: "short of money")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func aSpeechVerbInsideANameIsNoCue() {
    // "States" in "the United States" is not the verb "states": the quoted phrase belongs to the reported clause.
    let doc = attributeRuleFixture(
      "Tomas Brandt toured the port. He said the United States would take other measures “to show resolve.”",
      ruleEntities + [.country("United States")])
    #expect(doc.attribution(of: "show resolve")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }

  @Test func aGroupOfPeopleIsNoAntecedentOfHe() {
    let doc = attributeRuleFixture(
      "Tomas Brandt opened the museum on Saturday.\n\nAfrican-Americans, he said, can “build like anyone in Kenya.”")
    #expect(doc.attribution(of: "build like anyone")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }
}
