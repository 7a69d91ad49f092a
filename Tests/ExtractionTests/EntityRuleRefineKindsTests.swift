import DocumentModel
import Testing

@testable import Extraction

/// ``RefineKindsRule``: gazetteer knowledge and name structure override the proposed kind.
@Suite struct EntityRuleRefineKindsTests {
  @Test func loneTitleIsARole() throws {
    let doc = try RuleDocument("Later the President spoke briefly.")
    let out = doc.run(RefineKindsRule(), [try doc.span("President", .person)])
    #expect(doc.describe(out) == ["President=person@tagger/role"])
  }

  @Test func organizationHeadWordMakesAnOrganization() throws {
    let doc = try RuleDocument("She joined the Quellbrook Institute last year.")
    let out = doc.run(RefineKindsRule(), [try doc.span("Quellbrook Institute", .person)])
    #expect(doc.describe(out) == ["Quellbrook Institute=organization@tagger"])
  }

  @Test func organizationNameRunsOnThroughFor() throws {
    let doc = try RuleDocument("He runs the Quellbrook Council for Fair Trade now.")
    let out = doc.run(RefineKindsRule(), [try doc.span("Quellbrook Council", .organization)])
    #expect(doc.describe(out) == ["Quellbrook Council for Fair Trade=organization@tagger"])
  }

  @Test func religiousCommunityIsAGroup() throws {
    let doc = try RuleDocument("Local Buddhists gathered at dawn.")
    let out = doc.run(RefineKindsRule(), [try doc.span("Buddhists", .organization)])
    #expect(doc.describe(out) == ["Buddhists=person@tagger/group"])
  }

  @Test func hyphenatedPluralDemonymIsAGroup() throws {
    let doc = try RuleDocument("Many African-Americans voted early.")
    let out = doc.run(RefineKindsRule(), [try doc.span("African-Americans", .organization)])
    #expect(doc.describe(out) == ["African-Americans=person@tagger/group"])
  }

  @Test func anEventWordOpeningANameMakesAnEvent() throws {
    let doc = try RuleDocument("Cyclone Nadia reached the coast on Monday.")
    let out = doc.run(RefineKindsRule(), [try doc.span("Cyclone Nadia", .organization)])
    #expect(doc.describe(out) == ["Cyclone Nadia=event@tagger"])
  }
}
