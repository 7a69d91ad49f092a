import DocumentModel
import Testing

@testable import Extraction

/// ``DatedEventRule``: events named by their date ("the March 3 attack").
@Suite struct EntityRuleDatedEventTests {
  @Test func dateAndEventNounNameAnEvent() throws {
    let doc = try RuleDocument("Survivors of the March 3 attack gathered.")
    let out = doc.run(DatedEventRule())
    #expect(doc.describe(out) == ["March 3 attack=event@dated-event"])
  }

  @Test func dateBeforeAnOrdinaryNounIsNoEvent() throws {
    let doc = try RuleDocument("Survivors of the March 3 meeting gathered.")
    #expect(doc.run(DatedEventRule()).isEmpty)
  }
}
