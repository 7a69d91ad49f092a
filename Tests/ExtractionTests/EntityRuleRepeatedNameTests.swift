import DocumentModel
import Testing

@testable import Extraction

/// ``RepeatedNameRule``: unlabeled repeats of a tagged name.
@Suite struct EntityRuleRepeatedNameTests {
  @Test func repeatOfATaggedNameIsFound() throws {
    let doc = try RuleDocument("Brastow Labs grew fast. Later Brastow Labs hired staff.")
    let out = doc.run(RepeatedNameRule(), [try doc.span("Brastow Labs", .organization)])
    #expect(doc.describe(out) == ["Brastow Labs=organization@tagger", "Brastow Labs=organization@repeat"])
    #expect(out.last?.first == (try doc.span("Brastow Labs", .organization, occurrence: 1)).first)
  }

  @Test func repeatTakesTheVotedKind() throws {
    let doc = try RuleDocument("Brastow Labs grew fast. Later Brastow Labs hired staff.")
    var tagged = try doc.span("Brastow Labs", .person)
    tagged.votedKind = .organization
    let out = doc.run(RepeatedNameRule(), [tagged])
    #expect(doc.describe(out) == ["Brastow Labs=person@tagger", "Brastow Labs=organization@repeat"])
  }
}
