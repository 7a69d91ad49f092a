import DocumentModel
import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

/// `entitygraph render` through the real executable: every format from JSON and DOT, focus views,
/// and clear failures for bad graphs.
@Suite(.serialized) struct RenderCommandTests {
  let binary = TestSupport.executable()

  func graphFile() throws -> URL {
    let graph = TestSupport.makeGraph(
      text: "Ana \"Q\" Silva of Norte\\Labs visited Chile and Peru.",
      entities: [("Ana \"Q\" Silva", .person), ("Norte\\Labs", .organization), ("Chile", .country), ("Peru", .country)])
    var g = graph
    g.add(
      Relation(subject: "person:ana-q-silva", predicate: .memberOf, object: "organization:norte-labs", confidence: 0.9))
    g.add(Relation(subject: "person:ana-q-silva", predicate: .mentioned, object: "country:chile", confidence: 0.8))
    let url = try TestSupport.makeTemporaryDirectory("render-in").appendingPathComponent("graph.json")
    try g.jsonData().write(to: url)
    return url
  }

  @Test(arguments: [("svg", Data("<svg".utf8)), ("png", Data([0x89, 0x50, 0x4E, 0x47])), ("pdf", Data("%PDF".utf8))])
  func rendersEachImageFormatFromJSON(_ format: String, _ signature: Data) throws {
    let bin = try #require(binary)
    let out = try TestSupport.makeTemporaryDirectory("render-out").appendingPathComponent("g.\(format)")
    let r = try TestSupport.run(bin, ["render", try graphFile().path, "--format", format, "-o", out.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let data = try Data(contentsOf: out)
    #expect(data.count > 500)
    if format == "svg" {
      #expect(String(decoding: data, as: UTF8.self).contains("<svg"))
    } else {
      #expect(data.prefix(signature.count) == signature)
    }
  }

  @Test func rendersADOTFileAndAFocusedView() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("render-dot")
    let dot = dir.appendingPathComponent("g.dot")
    var r = try TestSupport.run(
      bin, ["render", try graphFile().path, "--format", "dot", "-o", dot.path, "--focus", "silva"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let text = try String(contentsOf: dot, encoding: .utf8)
    #expect(text.contains("Chile") && !text.contains("Peru"))
    let svg = dir.appendingPathComponent("g.svg")
    r = try TestSupport.run(bin, ["render", dot.path, "--format", "svg", "-o", svg.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
  }

  @Test func unknownFocusNameFailsClearly() throws {
    let bin = try #require(binary)
    let out = try TestSupport.makeTemporaryDirectory("render-focus").appendingPathComponent("g.svg")
    let r = try TestSupport.run(
      bin, ["render", try graphFile().path, "--format", "svg", "-o", out.path, "--focus", "Nobody"])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains("Nobody"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test(arguments: [("broken.json", "{ not json"), ("broken.dot", "digraph { a -> }")])
  func brokenGraphFilesAreNamedAndNothingIsWritten(_ name: String, _ content: String) throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("render-bad")
    let input = dir.appendingPathComponent(name)
    try Data(content.utf8).write(to: input)
    let out = dir.appendingPathComponent("out.svg")
    let r = try TestSupport.run(bin, ["render", input.path, "--format", "svg", "-o", out.path])
    #expect(r.status != 0)
    #expect(r.stderr.contains(name), "stderr: \(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
