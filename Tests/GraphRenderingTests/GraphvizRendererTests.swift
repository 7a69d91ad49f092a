import DocumentModel
import Foundation
import GraphRendering
import Testing

@Suite(.requiresGraphviz) struct GraphvizRendererTests {
  static let briefingDOT = DOTWriter(options: .init(title: "Briefing")).dotText(for: TestGraphs.briefing)

  @Test(arguments: [
    (OutputFormat.svg, Array("<svg".utf8)),
    (OutputFormat.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    (OutputFormat.pdf, Array("%PDF".utf8)),
    (OutputFormat.dot, Array("digraph".utf8)),
  ])
  func rendersFormatWithSignature(format: OutputFormat, signature: [UInt8]) throws {
    let data = try GraphvizRenderer.render(dot: Self.briefingDOT, format: format, layout: .dot)
    #expect(data.count > 1_000 && data.count < 2_000_000)
    if format == .svg {
      #expect(String(decoding: data, as: UTF8.self).contains("<svg"))
    } else {
      #expect(Array(data.prefix(signature.count)) == signature)
    }
  }

  @Test func laidOutDOTHasPositions() throws {
    let data = try GraphvizRenderer.render(dot: Self.briefingDOT, format: .dot, layout: .neato)
    #expect(String(decoding: data, as: UTF8.self).contains("pos=\""))
  }

  @Test(arguments: [LayoutEngine.dot, .neato, .fdp, .sfdp, .circo, .twopi, .auto])
  func everyEngineRendersSVG(layout: LayoutEngine) throws {
    let svg = try GraphvizRenderer.render(dot: Self.briefingDOT, format: .svg, layout: layout)
    #expect(String(decoding: svg, as: UTF8.self).contains("Nadia Okonkwo"))
  }

  @Test func availableLayoutsIncludeTheEnginesWeOffer() throws {
    let layouts = try GraphvizRenderer.availableLayouts()
    for engine in LayoutEngine.allCases where engine != .auto {
      #expect(layouts.contains(engine.rawValue))
    }
  }

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    let first = try GraphvizRenderer.render(dot: Self.briefingDOT, format: .svg)
    let second = try GraphvizRenderer.render(dot: Self.briefingDOT, format: .svg)
    #expect(first == second)
  }

  @Test func syntaxErrorIsReportedWithGraphvizMessage() {
    #expect {
      try GraphvizRenderer.render(dot: "digraph { a -> ; }", format: .svg)
    } throws: { error in
      guard let error = error as? RenderingError else { return false }
      return error.code == .syntax && error.graphvizMessages.contains("syntax error")
    }
  }

  @Test func renderingStillWorksAfterAFailure() throws {
    _ = try? GraphvizRenderer.render(dot: "graph {", format: .png)
    let svg = try GraphvizRenderer.render(dot: "digraph { a -> b }", format: .svg, layout: .dot)
    #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
  }

  @Test(arguments: [(40, LayoutEngine.dot), (41, .neato), (1_500, .neato), (3_000, .sfdp)])
  func autoPicksEngineBySize(nodes: Int, expected: LayoutEngine) throws {
    let dot = DOTWriter().dotText(for: TestGraphs.random(nodes: nodes, edgesPerNode: 0.5))
    #expect(try GraphvizRenderer.resolvedLayout(dot: dot, layout: .auto) == expected)
  }

  @Test func renderWithBudgetMatchesInProcessRender() throws {
    let inProcess = try GraphvizRenderer.render(dot: Self.briefingDOT, format: .svg, layout: .dot)
    let inChild = try GraphvizRenderer.render(
      dot: Self.briefingDOT, format: .svg, layout: .dot, timeBudget: .seconds(60))
    #expect(inChild == inProcess)
  }

  @Test func budgetedRenderReportsLayoutErrors() {
    #expect {
      try GraphvizRenderer.render(dot: "digraph {", format: .svg, timeBudget: .seconds(5))
    } throws: { ($0 as? RenderingError)?.code == .syntax }
  }

  /// circo needs over a minute for a few hundred random nodes; a small budget must end it.
  @Test func tinyBudgetOnBigCircoGraphTimesOut() throws {
    let dot = DOTWriter().dotText(for: TestGraphs.random(nodes: 400, edgesPerNode: 2.5))
    let started = ContinuousClock.now
    #expect {
      try GraphvizRenderer.render(dot: dot, format: .svg, layout: .circo, timeBudget: .milliseconds(300))
    } throws: { ($0 as? RenderingError)?.code == .timeout }
    // The child is killed at the deadline; well under the minute the layout would take.
    #expect(ContinuousClock.now - started < .seconds(20))
  }

  /// Issue 12: the advice on a timeout is true for the engine that timed out (sfdp was told to try sfdp).
  @Test func sfdpTimeoutDoesNotAdviseSfdp() throws {
    let dot = DOTWriter().dotText(for: TestGraphs.random(nodes: 3_000, edgesPerNode: 2))
    #expect {
      try GraphvizRenderer.render(dot: dot, format: .svg, layout: .sfdp, timeBudget: .milliseconds(200))
    } throws: { error in
      guard let error = error as? RenderingError, error.code == .timeout else { return false }
      return !error.message.contains("such as sfdp") && error.message.contains("focused view")
        && error.message.contains("0.2 s")
    }
  }

  @Test func concurrentRendersAreSerialisedSafely() async throws {
    let results = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<8 {
        group.addTask {
          let format: OutputFormat = index.isMultiple(of: 2) ? .svg : .png
          let budget: Duration? = index % 3 == 0 ? .seconds(60) : nil
          return try GraphvizRenderer.render(dot: Self.briefingDOT, format: format, timeBudget: budget).count
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 8 && results.allSatisfy { $0 > 1_000 })
  }
}
