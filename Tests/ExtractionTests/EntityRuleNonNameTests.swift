import DocumentModel
import Testing

@testable import Extraction

/// ``NonNameRule``: spans that look like names but name nothing are dropped.
@Suite struct EntityRuleNonNameTests {
  @Test func aLowerCaseWordOpeningAQuoteIsNoName() throws {
    let doc = try RuleDocument("She said: “Oh, the Quellbrook Institute is closed.”")
    let out = doc.run(
      NonNameRule(), [try doc.span("Oh", .location), try doc.span("Quellbrook Institute", .organization)])
    #expect(doc.describe(out) == ["Quellbrook Institute=organization@tagger"])
  }

  @Test func eraMarkersAfterAYearOrCenturyAreNoNames() throws {
    let doc = try RuleDocument("The town was founded in 300 BC and grew in the 7th century BCE. The BC Lions won.")
    let out = doc.run(
      NonNameRule(),
      [
        try doc.span("BC", .organization), try doc.span("BCE", .organization),
        try doc.span("BC", .organization, occurrence: 1),
      ])
    // "The BC Lions": no year before it, so the rule leaves it to the tagger.
    #expect(doc.describe(out) == ["BC=organization@tagger"])
  }

  @Test func aCountryCodeOnADollarSignIsACurrency() throws {
    let doc = try RuleDocument("Damages reached US$ 10 billion in the US last year.")
    let out = doc.run(NonNameRule(), [try doc.span("US", .country), try doc.span("US", .country, occurrence: 1)])
    #expect(doc.describe(out) == ["US=country@tagger"])
    #expect(out.first.map { doc.context.tokens[$0.first].start } == 38)
  }

  @Test func aLoneLegalFormSuffixIsNoName() throws {
    let doc = try RuleDocument("Counsel for Quellbrook Lottery Corporation, Inc. spoke first.")
    let out = doc.run(
      NonNameRule(),
      [try doc.span("Quellbrook Lottery Corporation", .organization), try doc.span("Inc.", .organization)])
    #expect(doc.describe(out) == ["Quellbrook Lottery Corporation=organization@tagger"])
  }

  @Test func anArticleWithLowerCaseWordsIsNoName() throws {
    let doc = try RuleDocument("The states ask the Court to deny relief.")
    let out = doc.run(NonNameRule(), [try doc.span("The states", .country)])
    #expect(out.isEmpty, "\(doc.describe(out))")
  }

  @Test func aLoneTitleRightBeforeANameIsPartOfIt() throws {
    let doc = try RuleDocument("In that case Justice Varga wrote the opinion, and the Justice agreed.")
    var title = try doc.span("Justice", .person)
    title.role = .role
    var later = try doc.span("Justice", .person, occurrence: 1)
    later.role = .role
    let out = doc.run(NonNameRule(), [title, try doc.span("Varga", .person), later])
    #expect(doc.describe(out) == ["Varga=person@tagger", "Justice=person@tagger/role"])
  }

  @Test func theStateWordHeadOfACountrysFormalNameIsNoNameOfItsOwn() throws {
    let doc = try RuleDocument("It happened under the Islamic Republic of Iran and in the Lund Republic of Ruritania.")
    var iran = try doc.span("Iran", .country)
    iran.country = 0
    let out = doc.run(
      NonNameRule(),
      [try doc.span("Islamic Republic", .location), iran, try doc.span("Lund Republic", .location)])
    // "Ruritania" is no country span here, so "Lund Republic" stays.
    #expect(doc.describe(out) == ["Iran=country@tagger", "Lund Republic=location@tagger"])
  }
}
