import DocumentModel
import Testing

@testable import Extraction

/// `BoardSeatRule`: "X, who serves on the board of Y", "who sits on Y's audit committee".
@Suite struct RelationRule_BoardSeatTests {
  @Test func theBoardOfAnOrganization() {
    let (lines, doc) = relationRuleFixture("Ruth Okoye, who serves on the board of the Harbor Trust, voted no.")
    #expect(lines == ["Ruth Okoye board_member_of Harbor Trust"], "\(doc.debugDump())")
    #expect(doc.relations.first?.source == RelationRule.boardSeat.rawValue)
  }

  @Test func aPossessiveCommittee() {
    let (lines, doc) = relationRuleFixture("Ruth Okoye, who sits on Harbor Trust's audit committee, voted no.")
    #expect(lines == ["Ruth Okoye audit_committee_member_of Harbor Trust"], "\(doc.debugDump())")
  }
}
