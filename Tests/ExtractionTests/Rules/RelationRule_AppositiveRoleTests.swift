import DocumentModel
import Testing

@testable import Extraction

/// `AppositiveRoleRule`: "X, the CEO of Y", "X is the leader of Y".
@Suite struct RelationRule_AppositiveRoleTests {
  @Test func aRoleSetOffByCommas() {
    let (lines, doc) = relationRuleFixture("Ilse Varga, the director of the Harbor Trust, opened the meeting.")
    #expect(lines == ["Ilse Varga leader_of Harbor Trust"], "\(doc.debugDump())")
    #expect(doc.relations.first?.source == RelationRule.appositiveRole.rawValue)
    #expect(doc.relations.first?.confidence == AppositiveRoleRule.confidence)
  }

  @Test func aHyphenatedRoleIsOneRole() {
    // "co-founder" is three tokens; the role list holds it as one word.
    let (lines, doc) = relationRuleFixture("Tomas Brandt, the co-founder of the Harbor Trust, spoke first.")
    #expect(lines == ["Tomas Brandt founder_of Harbor Trust"], "\(doc.debugDump())")
  }

  @Test func noRoleNoRelation() {
    let (lines, doc) = relationRuleFixture("Ilse Varga, a friend of the Harbor Trust, opened the meeting.")
    #expect(lines.isEmpty, "\(doc.debugDump())")
  }
}
