import DocumentModel
import Foundation
import Testing

import TestSupport

/// The committed `output/` must be what `entitygraph build seeds --out output` writes today.
@Suite struct OutputFreshnessTests {
  @Test func committedOutputMatchesAFreshBuild() throws {
    let bin = try #require(TestSupport.executable(), "entitygraph executable not built")
    let root = TestSupport.repositoryRoot
    let out = try TestSupport.makeTemporaryDirectory("fresh-output")
    let r = try TestSupport.run(bin, ["build", "seeds", "--out", out.path, "--format", "json", "dot"], in: root)
    #expect(r.status == 0, "build failed: \(r.stderr)")
    for name in ["graph.json", "graph.dot"] {
      let committed = try String(contentsOf: root.appendingPathComponent("output/\(name)"), encoding: .utf8)
      let fresh = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
      #expect(
        committed == fresh,
        "output/\(name) is stale: run `make demo` and commit output/ (first differing line: \(firstDifference(committed, fresh)))"
      )
    }
  }

  @Test func buildIsDeterministic() throws {
    let bin = try #require(TestSupport.executable())
    let root = TestSupport.repositoryRoot
    var outputs: [[Data]] = []
    for _ in 0..<2 {
      let out = try TestSupport.makeTemporaryDirectory("determinism")
      let r = try TestSupport.run(bin, ["build", "seeds", "--out", out.path, "--format", "json", "dot"], in: root)
      #expect(r.status == 0)
      outputs.append(try ["graph.json", "graph.dot"].map { try Data(contentsOf: out.appendingPathComponent($0)) })
    }
    #expect(outputs[0] == outputs[1])
  }

  func firstDifference(_ a: String, _ b: String) -> String {
    let la = a.split(separator: "\n", omittingEmptySubsequences: false)
    let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(la.count, lb.count) {
      let x = i < la.count ? String(la[i]) : "<end>"
      let y = i < lb.count ? String(lb[i]) : "<end>"
      if x != y { return "line \(i + 1): committed \(x.prefix(120)) vs fresh \(y.prefix(120))" }
    }
    return "none"
  }
}
