import DocumentModel
import Testing

@testable import Extraction

/// ``GroupListRule``: groups of people named in lists, and religion adjectives that are modifiers.
@Suite struct EntityRuleGroupListTests {
  @Test func wordListedWithDemonymsIsAGroup() throws {
    let doc = try RuleDocument("Yesterday Iranians, Talysh and Velkans marched.")
    let out = doc.run(GroupListRule(), [try doc.span("Velkans", .person)])
    #expect(doc.describe(out) == ["Velkans=person@tagger/group"])
  }

  @Test func religionAdjectiveBeforeANounIsDropped() throws {
    let doc = try RuleDocument("They visited a Buddhist temple.")
    var span = try doc.span("Buddhist", .person)
    span.role = .group
    #expect(doc.run(GroupListRule(), [span]).isEmpty)
  }
}
