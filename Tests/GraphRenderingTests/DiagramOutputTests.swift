import DocumentModel
import Foundation
import GraphRendering
import Testing

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
