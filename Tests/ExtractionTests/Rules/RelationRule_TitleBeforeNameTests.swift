import DocumentModel
import Testing

@testable import Extraction

/// `TitleBeforeNameRule`: "Y chief X", "Y Foreign Minister X".
@Suite struct RelationRule_TitleBeforeNameTests {
  @Test func anOrganizationAndARoleBeforeTheName() {
    let (lines, doc) = relationRuleFixture("Harbor Trust chief Ilse Varga opened the meeting.")
    #expect(lines == ["Ilse Varga leader_of Harbor Trust"], "\(doc.debugDump())")
    #expect(doc.relations.first?.source == RelationRule.titleBeforeName.rawValue)
  }

  @Test func aCountryAndAMinistryTitle() {
    let (lines, doc) = relationRuleFixture("Peru Foreign Minister Tomas Brandt flew home.")
    #expect(lines == ["Tomas Brandt minister_of Peru"], "\(doc.debugDump())")
  }
}
