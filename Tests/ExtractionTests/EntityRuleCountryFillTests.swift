import DocumentModel
import Testing

@testable import Extraction

/// ``CountryFillRule``: countries and demonyms nothing else covers.
@Suite struct EntityRuleCountryFillTests {
  @Test func missedCountryIsFilledIn() throws {
    let doc = try RuleDocument("Talks in Peru ended.")
    let out = doc.run(CountryFillRule())
    #expect(doc.describe(out) == ["Peru=country@gazetteer"])
  }

  @Test func countryClosingANameIsThatName() throws {
    let doc = try RuleDocument("Funds from the Bank of Peru arrived.")
    let out = doc.run(CountryFillRule())
    #expect(doc.describe(out) == ["Bank of Peru=organization@of-country"])
  }

  @Test func missedDemonymIsFilledIn() throws {
    let doc = try RuleDocument("Many Peruvian farmers protested.")
    let out = doc.run(CountryFillRule())
    #expect(doc.describe(out) == ["Peruvian=country@demonym/demonym"])
  }

  @Test func countryInsideAnotherNameIsLeft() throws {
    let doc = try RuleDocument("Talks in Peru ended.")
    let out = doc.run(CountryFillRule(), [try doc.span("Peru", .location)])
    #expect(doc.describe(out) == ["Peru=location@tagger"])
  }
}
