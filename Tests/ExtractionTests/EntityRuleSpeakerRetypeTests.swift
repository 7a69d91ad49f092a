import DocumentModel
import Testing

@testable import Extraction

/// ``SpeakerRetypeRule``: tagged places that a speech verb presents as speakers are people.
@Suite struct EntityRuleSpeakerRetypeTests {
  @Test func placeBeforeASpeechVerbIsRetypedAPerson() throws {
    let doc = try RuleDocument("“We won,” said Zelmira Brastow.")
    let out = doc.run(SpeakerRetypeRule(), [try doc.span("Zelmira Brastow", .location)])
    #expect(doc.describe(out) == ["Zelmira Brastow=person@speaker-cue"])
  }

  @Test func placeWithoutASpeechVerbStays() throws {
    let doc = try RuleDocument("They drove to Zelmira Brastow today.")
    let out = doc.run(SpeakerRetypeRule(), [try doc.span("Zelmira Brastow", .location)])
    #expect(doc.describe(out) == ["Zelmira Brastow=location@tagger"])
  }
}
