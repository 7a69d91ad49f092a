import DocumentModel
import Testing

@testable import Extraction

/// `EventRoleRule`: "Y hosted a conference", "moderated by X".
@Suite struct RelationRule_EventRoleTests {
  let entities = ruleEntities + [.event("Dry Rivers Forum", attributes: ["title": "Dry Rivers Forum"])]

  @Test func anOrganizationHostsTheEvent() {
    let (lines, doc) = relationRuleFixture("The Harbor Trust hosted the Dry Rivers Forum in March.", entities)
    #expect(lines == ["Harbor Trust hosted Dry Rivers Forum"], "\(doc.debugDump())")
    #expect(doc.relations.first?.source == RelationRule.eventRole.rawValue)
  }

  @Test func aPersonModeratesTheEvent() {
    let (lines, doc) = relationRuleFixture("The Dry Rivers Forum was moderated by Ilse Varga.", entities)
    #expect(lines == ["Ilse Varga moderated Dry Rivers Forum"], "\(doc.debugDump())")
  }
}
