import DocumentModel
import Testing

@testable import Extraction

/// `UnresolvedSourceRule`: "“…,” he said" with no antecedent: no speaker, the source words kept.
@Suite struct SourceRule_UnresolvedSourceTests {
  @Test func aPronounWithNoAntecedent() {
    let doc = attributeRuleFixture("“We will rebuild the school before the winter,” he said.")
    let q = doc.quote(containing: "rebuild the school")
    #expect(q?.speaker == nil, "\(doc.debugDump())")
    #expect(q?.rule == .unresolvedSource, "\(doc.debugDump())")
    #expect(q?.confidence == UnresolvedSourceRule.confidence, "\(doc.debugDump())")
  }

  @Test func aPronounWithAnAntecedentResolves() {
    let doc = attributeRuleFixture(
      "Tomas Brandt toured the site. “We will rebuild the school before the winter,” he said.")
    #expect(doc.attribution(of: "rebuild the school")?.speaker == "Tomas Brandt", "\(doc.debugDump())")
  }
}
