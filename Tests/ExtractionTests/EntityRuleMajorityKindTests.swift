import DocumentModel
import Testing

@testable import Extraction

/// ``MajorityKindRule``: one kind per name in a document.
@Suite struct EntityRuleMajorityKindTests {
  @Test func majorityKindWinsAtEveryMention() throws {
    let doc = try RuleDocument("Quellbrook grew. Quellbrook hired. Quellbrook spoke.")
    let spans = [
      try doc.span("Quellbrook", .organization), try doc.span("Quellbrook", .organization, occurrence: 1),
      try doc.span("Quellbrook", .person, occurrence: 2),
    ]
    let out = doc.run(MajorityKindRule(), spans)
    #expect(doc.describe(out) == Array(repeating: "Quellbrook=organization@tagger", count: 3))
    #expect(out.allSatisfy { $0.votedKind == .organization })
  }
}
