import DocumentModel
import Testing

@testable import Extraction

/// `StanceRule`: "X supports Y", "Y was supported by X"; a negation cancels it.
@Suite struct RelationRule_StanceTests {
  @Test func anActiveStance() {
    let (lines, doc) = relationRuleFixture("Peru supports Kenya in the talks.")
    #expect(lines == ["Peru supports Kenya"], "\(doc.debugDump())")
    #expect(doc.relations.first?.source == RelationRule.stance.rawValue)
    #expect(doc.relations.first?.confidence == StanceRule.confidence)
  }

  @Test func aPassiveStance() {
    let (lines, doc) = relationRuleFixture("Kenya was supported by Chile in the talks.")
    #expect(lines == ["Chile supports Kenya"], "\(doc.debugDump())")
  }

  @Test(arguments: ["Peru does not support Kenya.", "Peru doesn't support Kenya.", "Peru doesn’t support Kenya."])
  func aNegationCancelsTheStance(text: String) {
    let (lines, doc) = relationRuleFixture(text)
    #expect(lines.isEmpty, "\(doc.debugDump())")
  }
}
