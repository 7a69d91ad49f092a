import DocumentModel
import Testing

@testable import Extraction

/// ``OrganizationCueRule``: organization evidence anywhere in a document types every mention.
@Suite struct EntityRuleOrganizationCueTests {
  @Test func appositiveCompanyMakesEveryMentionAnOrganization() throws {
    let doc = try RuleDocument("Velko, a company from the north, grew. Velko hired staff.")
    let spans = [try doc.span("Velko", .person), try doc.span("Velko", .person, occurrence: 1)]
    let out = doc.run(OrganizationCueRule(), spans)
    #expect(doc.describe(out) == ["Velko=organization@tagger", "Velko=organization@tagger"])
  }

  @Test func roleOfANameMakesItAnOrganization() throws {
    let doc = try RuleDocument("She is the CEO of Velko now.")
    let out = doc.run(OrganizationCueRule(), [try doc.span("Velko", .location)])
    #expect(doc.describe(out) == ["Velko=organization@tagger"])
  }

  @Test func nameWithoutACueKeepsItsKind() throws {
    let doc = try RuleDocument("Velko grew. Velko hired staff.")
    let out = doc.run(OrganizationCueRule(), [try doc.span("Velko", .person)])
    #expect(doc.describe(out) == ["Velko=person@tagger"])
  }
}
