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

  @Test func aPersonsGroupIsLedByThePerson() {
    let (lines, doc) = relationRuleFixture("Ilse Varga joined Tomas Brandt's splinter Harbor Trust in 1975.")
    #expect(lines == ["Tomas Brandt leader_of Harbor Trust"], "\(doc.debugDump())")
  }

  @Test func aPersonsOtherPossessionIsNoGroup() {
    let (lines, doc) = relationRuleFixture("Ilse Varga read Tomas Brandt's report on the Harbor Trust.")
    #expect(lines.isEmpty, "\(doc.debugDump())")
  }
}
