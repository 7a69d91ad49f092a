import DocumentModel
import GraphRendering
import Testing

@Suite struct GraphSelectionTests {
  @Test(arguments: [(0, ["person:cai-sun"]), (1, ["person:bo-reyes", "person:cai-sun", "person:dee-tarn"])])
  func focusKeepsNeighbourhoodUpToDepth(depth: Int, expected: [String]) {
    let focused = focusedGraph(TestGraphs.chain, on: "person:cai-sun", depth: depth)
    #expect(focused.entities.map(\.id.rawValue) == expected)
    #expect(focused.relations.count == max(0, expected.count - 1))
  }

  @Test func focusFollowsEdgesBothWays() {
    let focused = focusedGraph(TestGraphs.chain, on: "person:eli-uhl", depth: 4)
    #expect(focused.entities.count == 5)
    #expect(focused.entity("country:peru") == nil)
  }

  @Test func focusOnMissingEntityIsEmpty() {
    #expect(focusedGraph(TestGraphs.chain, on: "person:nobody", depth: 3).entities.isEmpty)
  }

  @Test(arguments: [
    ("nadia okonkwo-varga", ["person:nadia-okonkwo-varga"]),
    ("MINISTER OKONKWO-VARGA", ["person:nadia-okonkwo-varga"]),
    ("Tomas  Ferreira", ["person:tomas-ferreira"]),
    ("valparaiso", ["location:valparaiso"]),
    ("okonkwo", ["person:nadia-okonkwo-varga"]),
    ("Atlantis", []),
    ("  ", []),
  ])
  func namesMatchIgnoringCaseAndDiacritics(name: String, expected: [String]) {
    #expect(entityIDs(matching: name, in: TestGraphs.briefing).map(\.rawValue) == expected)
  }

  @Test func exactMatchWinsOverPartial() {
    let graph = KnowledgeGraph(entities: [
      Entity(kind: .country, name: "Niger"), Entity(kind: .country, name: "Nigeria"),
    ])
    #expect(entityIDs(matching: "niger", in: graph) == ["country:niger"])
  }

  @Test func speakersViewKeepsOnlyMentions() {
    let speakers = speakersGraph(TestGraphs.briefing)
    #expect(Set(speakers.relations.map(\.predicate)) == [.mentioned])
    #expect(
      speakers.entities.map(\.id.rawValue)
        == ["country:chile", "country:norway", "person:nadia-okonkwo-varga", "person:tomas-ferreira"])
  }

  @Test func filtersByKindAndConfidence() {
    let filtered = filteredGraph(TestGraphs.briefing, kinds: [.person, .country], minConfidence: 0.5)
    #expect(Set(filtered.entities.map(\.kind)) == [.person, .country])
    #expect(filtered.relations.allSatisfy { $0.confidence >= 0.5 })
    #expect(filtered.relations.count == 2)
    #expect(filteredGraph(TestGraphs.briefing, kinds: nil, minConfidence: 0) == TestGraphs.briefing)
  }
}
