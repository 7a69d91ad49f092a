import DocumentModel
import Testing

@testable import Extraction

/// ``PersonPartRule``: the last word of a person's full name alone is that person.
@Suite struct EntityRulePersonPartTests {
  @Test func lastWordOfAFullNameIsThatPerson() throws {
    let doc = try RuleDocument("Ana Brastow spoke. Brastow left.")
    let spans = [try doc.span("Ana Brastow", .person), try doc.span("Brastow", .organization, occurrence: 1)]
    let out = doc.run(PersonPartRule(), spans)
    #expect(doc.describe(out) == ["Ana Brastow=person@tagger", "Brastow=person@tagger"])
  }
}
