import DocumentModel
import Testing

@testable import Extraction

/// ``ExactTypingRule``: trims proposed spans, types exact country names and demonyms, and turns a country
/// closing another name into that name.
@Suite struct EntityRuleExactTypingTests {
  @Test func exactCountryNameIsTypedCountry() throws {
    let doc = try RuleDocument("Rosa Vela visited Peru in June.")
    let out = doc.run(ExactTypingRule(), [try doc.span("Peru", .location)])
    #expect(doc.describe(out) == ["Peru=country@tagger"])
    #expect(out.first?.country != nil)
  }

  @Test func titleIsTrimmedFromAPersonName() throws {
    let doc = try RuleDocument("Yesterday President Rosa Vela arrived.")
    let out = doc.run(ExactTypingRule(), [try doc.span("President Rosa Vela", .person)])
    #expect(doc.describe(out) == ["Rosa Vela=person@tagger"])
  }

  @Test func demonymBecomesADemonymOfItsCountry() throws {
    let doc = try RuleDocument("Many voters praised Peruvian farmers.")
    let out = doc.run(ExactTypingRule(), [try doc.span("Peruvian", .organization)])
    #expect(doc.describe(out) == ["Peruvian=country@demonym/demonym"])
  }

  @Test func countryClosingANameIsThatName() throws {
    let doc = try RuleDocument("We heard Voice of Peru yesterday.")
    let out = doc.run(ExactTypingRule(), [try doc.span("Peru", .location)])
    #expect(doc.describe(out) == ["Voice of Peru=organization@of-country"])
  }

  @Test func spanWithoutACapitalIsDropped() throws {
    let doc = try RuleDocument("They said the plan works.")
    #expect(doc.run(ExactTypingRule(), [try doc.span("the plan", .organization)]).isEmpty)
  }

  @Test func aPlaceBeforeATitleIsAPlaceOfItsOwn() throws {
    let doc = try RuleDocument("Ohio Gov. Rosa Vela arrived. Parisa Gov. Ed Lane left.")
    let out = doc.run(
      ExactTypingRule(), [try doc.span("Ohio Gov. Rosa Vela", .person), try doc.span("Parisa Gov. Ed Lane", .person)])
    // "Parisa" is no place the gazetteers know: only the title is trimmed from that name.
    #expect(
      doc.describe(out) == ["Ohio=location@gazetteer", "Rosa Vela=person@tagger", "Parisa Gov. Ed Lane=person@tagger"])
  }
}
