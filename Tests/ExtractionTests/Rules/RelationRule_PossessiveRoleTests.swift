import DocumentModel
import Testing

@testable import Extraction

/// `PossessiveRoleRule`: "Y's CEO, X" (the tokenizer writes "'s" as its own token).
@Suite struct RelationRule_PossessiveRoleTests {
  @Test func anOrganizationsRole() {
    let (lines, doc) = relationRuleFixture("The Harbor Trust's director, Ilse Varga, opened the meeting.")
    #expect(lines == ["Ilse Varga leader_of Harbor Trust"], "\(doc.debugDump())")
    #expect(doc.relations.first?.source == RelationRule.possessiveRole.rawValue)
  }

  @Test func aCurlyApostrophe() {
    let (lines, doc) = relationRuleFixture("The Harbor Trust’s director, Ilse Varga, opened the meeting.")
    #expect(lines == ["Ilse Varga leader_of Harbor Trust"], "\(doc.debugDump())")
  }

  @Test func noCommaNoRole() {
    let (lines, doc) = relationRuleFixture("The Harbor Trust's director met Ilse Varga.")
    #expect(lines.isEmpty, "\(doc.debugDump())")
  }
}
