import DocumentModel
import Testing

@testable import Extraction

/// ``KnownNameRule``: untagged names WordNet knows as one kind of thing, and acronyms amid plain text.
@Suite struct EntityRuleKnownNameTests {
  @Test func wordNetOrganizationIsFound() throws {
    let doc = try RuleDocument("Officials blamed Abu Sayyaf for it.")
    let out = doc.run(KnownNameRule())
    #expect(doc.describe(out) == ["Abu Sayyaf=organization@known-name"])
  }

  @Test func acronymAfterTheIsGuessedAnOrganization() throws {
    let doc = try RuleDocument("Funds went to the ZQXV last year.")
    let out = doc.run(KnownNameRule())
    #expect(doc.describe(out) == ["ZQXV=organization@acronym-guess"])
  }

  @Test func coveredTokensAreSkipped() throws {
    let doc = try RuleDocument("Funds went to the ZQXV last year.")
    let out = doc.run(KnownNameRule(), [try doc.span("ZQXV", .person)])
    #expect(doc.describe(out) == ["ZQXV=person@tagger"])
  }

  @Test func aLowerCaseWordOpeningASentenceIsNoStateAbbreviation() throws {
    // WordNet knows "OH" and "OR" as states; "Oh" and "Or" opening a sentence are ordinary words.
    let doc = try RuleDocument("Oh, the trip was long. Or maybe it was short. The office is in OH now.")
    let out = doc.run(KnownNameRule())
    #expect(doc.describe(out) == ["OH=location@known-name"])
  }
}
