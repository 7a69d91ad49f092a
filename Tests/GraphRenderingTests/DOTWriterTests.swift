import DocumentModel
import GraphRendering
import Testing

@Suite struct DOTWriterTests {
  @Test func briefingMatchesGolden() {
    let dot = DOTWriter(options: .init(title: "Press briefing")).dotText(for: TestGraphs.briefing)
    GoldenFile.check(dot, suite: "DOTWriterTests", test: "briefingMatchesGolden")
  }

  @Test func chainWithoutLegendMatchesGolden() {
    let options = DOTWriter.Options(showsLegend: false, rankDirection: .topToBottom)
    let dot = DOTWriter(options: options).dotText(for: TestGraphs.chain)
    GoldenFile.check(dot, suite: "DOTWriterTests", test: "chainWithoutLegendMatchesGolden")
  }

  @Test func hostileNamesMatchGolden() {
    let graph = KnowledgeGraph(entities: [
      Entity(id: "person:a", kind: .person, name: "Say \"hi\" \\ bye"),
      Entity(id: "person:b", kind: .person, name: "line one\nline two"),
      Entity(id: "organization:c", kind: .organization, name: "<b>A & B</b> {node} -> edge"),
      Entity(id: "country:d", kind: .country, name: ""),
      Entity(id: "location:e", kind: .location, name: "שלום 👩‍👩‍👧 e\u{301}"),
      Entity(id: "event:f", kind: .event, name: "strict graph \\N \u{0}\t%"),
    ])
    let dot = DOTWriter(options: .init(maxLabelLength: nil, wrapWidth: nil)).dotText(for: graph)
    GoldenFile.check(dot, suite: "DOTWriterTests", test: "hostileNamesMatchGolden")
  }

  @Test func sameGraphGivesIdenticalText() {
    let graph = TestGraphs.random(nodes: 200, seed: 3)
    let rebuilt = KnowledgeGraph(entities: graph.entities.reversed(), relations: graph.relations.reversed())
    #expect(DOTWriter().dotText(for: graph) == DOTWriter().dotText(for: rebuilt))
  }

  @Test func nodeIdsFollowEntityIdOrderWithIdInTooltip() {
    let dot = DOTWriter().dotText(for: TestGraphs.chain)
    let nodeLines = dot.split(separator: "\n").filter {
      $0.hasPrefix("  n") && !$0.hasPrefix("  node") && !$0.contains("->")
    }
    #expect(nodeLines.count == 6)
    #expect(nodeLines.first?.hasPrefix("  n1 [label=\"Peru\", tooltip=\"country:peru\"") == true)
    #expect(nodeLines.last?.hasPrefix("  n6 [label=\"Eli Uhl\", tooltip=\"person:eli-uhl\"") == true)
  }

  @Test func legendListsOnlyKindsPresent() {
    let dot = DOTWriter().dotText(for: TestGraphs.chain)
    #expect(dot.contains(">person (ellipse)<"))
    #expect(dot.contains(">country (hexagon)<"))
    #expect(!dot.contains(">event ("))
    #expect(!DOTWriter(options: .init(showsLegend: false)).dotText(for: TestGraphs.chain).contains("Legend"))
  }

  @Test func mentionedEdgesShowCountAndGrowWithIt() {
    let dot = DOTWriter().dotText(for: TestGraphs.briefing)
    #expect(
      dot.contains("n7 -> n2 [label=\"×8\", tooltip=\"mentioned: He said \\\"Norway\\\" again.\", color=\"#9e9e9e\""))
    #expect(dot.contains("n6 -> n2 [label=\"×3\""))
    #expect(dot.contains("n6 -> n1 [tooltip=\"mentioned: \\\"Chile is ready.\\\"\""))  // count 1: no label
    #expect(dot.contains("n6 -> n5 [label=\"minister of\""))
    #expect(dot.contains("mentioned (×N: N times)"))
    let withoutCounts = DOTWriter(options: .init(showsEdgeCounts: false)).dotText(for: TestGraphs.briefing)
    #expect(!withoutCounts.contains("×"))
    #expect(!withoutCounts.contains("penwidth"))
  }

  @Test(arguments: [(1, "1"), (2, "1.75"), (3, "1.75"), (4, "2.5"), (8, "3.25"), (1_000, "5")])
  func penWidthGrowsWithCount(count: Int, width: String) {
    let graph = KnowledgeGraph(
      entities: [Entity(kind: .person, name: "A"), Entity(kind: .country, name: "B")],
      relations: [
        Relation(subject: "person:a", predicate: .mentioned, object: "country:b", confidence: 1, count: count)
      ])
    #expect(DOTWriter().dotText(for: graph).contains("penwidth=\"\(width)\""))
  }

  @Test func longNamesAreCutAndWrapped() {
    let graph = KnowledgeGraph(entities: [
      Entity(kind: .organization, name: "International Committee for the Study of Very Long Organization Names")
    ])
    let dot = DOTWriter(options: .init(maxLabelLength: 30, wrapWidth: 20)).dotText(for: graph)
    #expect(dot.contains("label=\"International\\nCommittee for…\""))
  }

  @Test func kindAndConfidenceOptionsFilter() {
    let options = DOTWriter.Options(kinds: [.person, .country], minConfidence: 0.5)
    let dot = DOTWriter(options: options).dotText(for: TestGraphs.briefing)
    #expect(!dot.contains("Ministry"))
    #expect(dot.contains("Norway"))
    #expect(dot.contains("label=\"×3\""))
    #expect(!dot.contains("label=\"×8\""))  // confidence 0.4
  }
}
