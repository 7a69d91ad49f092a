import DocumentModel
import Foundation
import Testing

@testable import GraphRendering

@Suite(.requiresGraphviz) struct DiagramOutputTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("eg-diagram-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesEveryFormatWithoutLeftovers() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let urls = try DiagramOutput.write(
      graph: TestGraphs.briefing, formats: [.dot, .svg, .png, .pdf], to: folder.appendingPathComponent("out"))
    #expect(urls.map(\.lastPathComponent) == ["graph.dot", "graph.svg", "graph.png", "graph.pdf"])
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
    #expect(names.sorted() == ["graph.dot", "graph.pdf", "graph.png", "graph.svg"])
    let dot = try String(contentsOf: urls[0], encoding: .utf8)
    #expect(dot == DOTWriter().dotText(for: TestGraphs.briefing))
  }

  /// An SVG, a PNG and a PDF of one diagram are drawn from one layout, with and without a time budget
  /// (issue 8: the layout is the slow part and ran once per format).
  @Test(arguments: [nil, Duration.seconds(60)]) func everyImageFormatSharesOneLayout(budget: Duration?) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let options = DOTWriter.Options(title: "one layout \(UUID().uuidString)")
    let dot = DOTWriter(options: options).dotText(for: TestGraphs.briefing)
    let urls = try DiagramOutput.write(
      graph: TestGraphs.briefing, formats: [.dot, .svg, .png, .pdf], options: options, timeBudget: budget, to: folder)
    #expect(GraphvizRenderer.recentLayoutCount(of: dot) == 1)
    #expect(urls.count == 4)
    let svg = try String(contentsOf: urls[1], encoding: .utf8)
    #expect(svg.contains("<svg"))
    let png = try Data(contentsOf: urls[2])
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let pdf = try Data(contentsOf: urls[3])
    #expect(pdf.starts(with: Array("%PDF".utf8)))
  }

  /// The child's framed output is split exactly; anything short, long or cut is refused.
  @Test func childOutputFramesAreSplitExactly() {
    func frame(_ parts: [[UInt8]]) -> Data {
      var data = Data()
      for p in parts {
        var n = UInt64(p.count)
        withUnsafeBytes(of: &n) { data.append(contentsOf: $0) }
        data.append(contentsOf: p)
      }
      return data
    }
    let two = frame([[1, 2, 3], []])
    #expect(GraphvizSession.unframe(two, count: 2) == [Data([1, 2, 3]), Data()])
    #expect(GraphvizSession.unframe(two, count: 1) == nil)
    #expect(GraphvizSession.unframe(two, count: 3) == nil)
    #expect(GraphvizSession.unframe(two.dropLast(), count: 2) == nil)
    #expect(GraphvizSession.unframe(Data(two.dropFirst(8)), count: 2) == nil)
  }

  @Test func failedRenderLeavesPreviousFileAlone() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let existing = folder.appendingPathComponent("graph.svg")
    try Data("old".utf8).write(to: existing)
    let big = TestGraphs.random(nodes: 400, edgesPerNode: 2.5)
    #expect(throws: RenderingError.self) {
      try DiagramOutput.write(
        graph: big, formats: [.svg], layout: .circo, timeBudget: .milliseconds(200), to: folder)
    }
    #expect(try String(contentsOf: existing, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["graph.svg"])
  }

  @Test func unwritableFolderIsReportedWithPath() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let blocker = folder.appendingPathComponent("file")
    try Data().write(to: blocker)
    #expect {
      try DiagramOutput.writeAtomically(Data("x".utf8), to: blocker.appendingPathComponent("graph.dot"))
    } throws: { error in
      guard let error = error as? RenderingError else { return false }
      return error.code == .writeFailed && error.description.contains("graph.dot")
    }
  }
}
