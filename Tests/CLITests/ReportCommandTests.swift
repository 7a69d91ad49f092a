import DocumentModel
import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

/// `entitygraph report` through the real executable (issue 13).
@Suite(.serialized) struct ReportCommandTests {
  let binary = TestSupport.executable()

  func article(_ text: String) throws -> URL {
    let dir = try TestSupport.makeTemporaryDirectory("report-in")
    let url = dir.appendingPathComponent("summit.txt")
    try Data(text.utf8).write(to: url)
    return url
  }

  static let text = """
    "Norway and Chile must lead," said Nadia Okonkwo-Varga, the minister, at the Blue Harbour Summit.
    "Chile is ready," Okonkwo-Varga added.
    """

  @Test func writesOneSelfContainedPageWithTheTextAndTheCommand() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let input = try article(Self.text)
    let out = try TestSupport.makeTemporaryDirectory("report-out").appendingPathComponent("r.html")
    let r = try TestSupport.run(bin, ["report", input.path, "-o", out.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Content-Security-Policy"))
    #expect(html.contains("class=\"node\"") && html.contains("Okonkwo-Varga"))
    #expect(html.contains("at the Blue Harbour Summit"), "the document text is embedded")
    #expect(html.contains("entitygraph report \(input.path) -o \(out.path)"))
  }

  @Test func graphInputReadsTheTextBackOnlyWhenItsHashStillMatches() throws {
    let bin = try #require(binary)
    let input = try article(Self.text)
    let dir = try TestSupport.makeTemporaryDirectory("report-graph")
    #expect(try TestSupport.run(bin, ["build", input.path, "--out", dir.path, "--format", "json"]).status == 0)
    let graph = dir.appendingPathComponent("graph.json").path
    let first = dir.appendingPathComponent("a.html")
    #expect(try TestSupport.run(bin, ["report", "--graph", graph, "-o", first.path]).status == 0)
    #expect(try String(contentsOf: first, encoding: .utf8).contains("at the Blue Harbour Summit"))
    try Data("changed since".utf8).write(to: input)
    let second = dir.appendingPathComponent("b.html")
    #expect(try TestSupport.run(bin, ["report", "--graph", graph, "-o", second.path]).status == 0)
    let html = try String(contentsOf: second, encoding: .utf8)
    #expect(!html.contains("at the Blue Harbour Summit") && !html.contains("changed since"))
  }

  @Test func buildWritesTheReportAndTheWhoMentionedDrawing() throws {
    let bin = try #require(binary)
    let input = try article(Self.text)
    let dir = try TestSupport.makeTemporaryDirectory("report-build")
    let r = try TestSupport.run(bin, ["build", input.path, "--out", dir.path, "--format", "json", "svg", "html"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let who = try String(contentsOf: dir.appendingPathComponent("who-mentioned.svg"), encoding: .utf8)
    #expect(who.contains("<svg") && who.contains("Norway"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.html").path))
  }

  @Test(arguments: [
    [] as [String], ["a.txt", "--db", "x.sqlite"], ["--db", "x.sqlite", "--graph", "g.json"],
    ["a.txt", "--time-budget", "0"],
  ])
  func rejectsInvalidArguments(_ arguments: [String]) {
    #expect(throws: (any Error).self) {
      _ = try EntityGraphCommand.parseAsRoot(["report"] + arguments + ["-o", "r.html"])
    }
  }

  @Test func missingStoreIsAStoreFailure() throws {
    let bin = try #require(binary)
    let r = try TestSupport.run(bin, ["report", "--db", "/no/such/store.sqlite", "-o", "/tmp/never.html"])
    #expect(r.status == ExitCodes.storeFailed)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never.html"))
  }
}
