import DocumentModel
import Testing

@testable import Extraction

/// ``SurnameRule``: a surname alone stands for the full name found earlier.
@Suite struct EntityRuleSurnameTests {
  @Test func surnameAloneIsThePerson() throws {
    let doc = try RuleDocument("Ana Brastow spoke first. Later, Brastow left.")
    let out = doc.run(SurnameRule(), [try doc.span("Ana Brastow", .person)])
    #expect(doc.describe(out) == ["Ana Brastow=person@tagger", "Brastow=person@surname"])
  }

  @Test func surnameNextToAnotherCapitalizedWordIsNotTaken() throws {
    let doc = try RuleDocument("Ana Brastow spoke first. Then Brastow left.")
    let out = doc.run(SurnameRule(), [try doc.span("Ana Brastow", .person)])
    #expect(doc.describe(out) == ["Ana Brastow=person@tagger"])
  }
}
