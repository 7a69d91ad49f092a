import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Relations and quote records name their producer with a typed rule id, and a relation stated many times
/// merges its evidence exactly once.
@Suite struct RelationProvenanceTests {
  func evidence(_ start: Int) -> Evidence { Evidence(doc: "d", start: start, end: start + 3, text: "abc", sentence: 0) }

  func relation(_ confidence: Double, _ evidence: [Evidence]) -> Relation {
    Relation(
      subject: EntityID(rawValue: "person:mara-quill"), predicate: .employeeOf,
      object: EntityID(rawValue: "organization:kelmarsh-trust"),
      confidence: confidence, evidence: evidence, source: RelationRule.relationModel.rawValue)
  }

  @Test func collectorMergesEvidenceOnceSortedAndCounted() {
    var c = RelationCollector()
    c.add(relation(0.5, [evidence(40)]))
    c.add(relation(0.9, [evidence(10), evidence(40)]))
    c.add(relation(0.7, [evidence(10)]))
    let r = c.relations
    #expect(r.count == 1)
    #expect(r[0].evidence.map(\.start) == [10, 40])
    #expect(r[0].count == 2)
    #expect(r[0].confidence == 0.9)
  }

  @Test func ruleStageKeepsTheFirstConfidence() {
    var c = RelationCollector(keepsFirstConfidence: true)
    c.add(relation(0.5, [evidence(40)]))
    c.add(relation(0.9, [evidence(10)]))
    #expect(c.relations[0].confidence == 0.5)
    #expect(c.relations[0].evidence.map(\.start) == [10, 40])
  }

  @Test func aRelationStatedOnceKeepsItsCount() {
    var c = RelationCollector()
    var r = relation(0.5, [evidence(4)])
    r.count = 3
    c.add(r)
    #expect(c.relations[0].count == 3)
  }

  @Test func aListOfTheSameNamesGivesOneRelationWithAllItsEvidence() {
    var c = RelationCollector()
    for k in 0..<20_000 { c.add(relation(0.5, [evidence(20_000 - k)])) }
    let r = c.relations
    #expect(r.count == 1)
    #expect(r[0].count == 20_000)
    #expect(r[0].evidence.first?.start == 1)
  }

  @Test func everyRelationAndQuoteSourceIsATypedRule() throws {
    let text = """
      Mara Quill, the chief executive of the Kelmarsh Trust, told the Dunmore Tribune that Ruritania must act. \
      “We will not wait for Ostland,” Quill said at the Dunmore Summit, which was organized by the Kelmarsh Trust. \
      Officials said the talks would resume.
      """
    let analyzed = try Extractor().pipeline.run(Document(id: "d", text: text))
    let relationRules = Set(RelationRule.allCases.map(\.rawValue))
    #expect(!analyzed.relations.isEmpty)
    for r in analyzed.relations { #expect(relationRules.contains(r.source), "relation source \(r.source)") }
    let quoteRules = Set(QuoteRule.allCases.map(\.rawValue))
    let records = analyzed.quoteRecords()
    #expect(!records.isEmpty)
    for q in records { #expect(quoteRules.contains(q.source), "quote source \(q.source)") }
  }
}
