import DocumentModel
import Testing

@testable import Extraction

/// ``HeadedNameRule``: capitalized names headed by an event or organization word that nothing covers.
@Suite struct EntityRuleHeadedNameTests {
  @Test func eventHeadEndsAnEvent() throws {
    let doc = try RuleDocument("Historians of the Zarovian Revolution met.")
    let out = doc.run(HeadedNameRule())
    #expect(doc.describe(out) == ["Zarovian Revolution=event@event-head"])
  }

  @Test func eventPrefixOpensAnEvent() throws {
    let doc = try RuleDocument("Cyclone Quella hit the coast.")
    let out = doc.run(HeadedNameRule())
    #expect(doc.describe(out) == ["Cyclone Quella=event@event-head"])
  }

  @Test func organizationHeadEndsAnOrganization() throws {
    let doc = try RuleDocument("She now leads the Harbor Workers Council in town.")
    let out = doc.run(HeadedNameRule())
    #expect(doc.describe(out) == ["Harbor Workers Council=organization@org-head"])
  }

  @Test func taggedPersonInsideIsLeftAlone() throws {
    let doc = try RuleDocument("She now leads the Harbor Workers Council in town.")
    let tagged = try doc.span("Harbor Workers", .person)
    let out = doc.run(HeadedNameRule(), [tagged])
    #expect(doc.describe(out) == ["Harbor Workers=person@tagger"])
  }
}
