import DocumentModel
import Testing

@testable import Extraction

/// ``SpeakerNameRule``: unknown capitalized names next to a speech verb are people.
@Suite struct EntityRuleSpeakerNameTests {
  @Test func nameOpeningAClauseBeforeSaidIsASpeaker() throws {
    let doc = try RuleDocument("Later, Tovrek Amsel said the plan was ready.")
    let out = doc.run(SpeakerNameRule())
    #expect(doc.describe(out) == ["Tovrek Amsel=person@speaker-cue"])
  }

  @Test func nameAfterAnInvertedSpeechVerbIsASpeaker() throws {
    let doc = try RuleDocument("“It works,” said Dovra Kestrin.")
    let out = doc.run(SpeakerNameRule())
    #expect(doc.describe(out) == ["Dovra Kestrin=person@speaker-cue"])
  }

  @Test func loneSentenceInitialWordIsNotTaken() throws {
    let doc = try RuleDocument("Tovrek said nothing.")
    #expect(doc.run(SpeakerNameRule()).isEmpty)
  }
}
