import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

/// Issue 12: the forked layout child must not outlive the `entitygraph` process that started it,
/// nor its time budget, even when the parent ignores SIGINT and is then killed with SIGKILL, or is
/// stopped and cannot kill the child itself.
@Suite(.serialized) struct LayoutChildLifetimeTests {
  let binary = TestSupport.executable()

  /// A random graph circo needs well over a minute for (as in GraphvizRendererTests).
  static func slowDOT(nodes: Int = 400, edges: Int = 1_000) -> String {
    var state: UInt64 = 7
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(nodes))
    }
    var lines = ["graph G {"]
    for _ in 0..<edges { lines.append("  n\(next()) -- n\(next()) [label=\"e\"];") }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  /// The pids whose parent is `parent` (from /proc).
  static func children(of parent: pid_t) -> [pid_t] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return names.compactMap { name -> pid_t? in
      guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 2 && pid_t(fields[1]) == parent ? pid : nil
    }
  }

  /// Whether `pid` still runs (a zombie waiting to be reaped counts as gone).
  static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(after: close)...].split(separator: " ").first
    return state != "Z" && state != "X"
  }

  static func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(50_000)
    }
    return condition()
  }

  /// Starts `entitygraph render` of a slow graph with SIGINT ignored (as `nohup`/`&` would) and
  /// returns the process and the pid of its layout child.
  func startSlowRender(budget: String, in dir: URL) throws -> (Process, pid_t)? {
    let bin = try #require(binary)
    let dot = dir.appendingPathComponent("slow.dot")
    try Data(Self.slowDOT().utf8).write(to: dot)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    let command = "trap '' INT; exec \"$0\" render \"$1\" --layout circo --time-budget \"$2\" --format svg -o \"$3\""
    process.arguments = ["-c", command, bin.path, dot.path, budget, dir.appendingPathComponent("slow.svg").path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var child: pid_t?
    _ = Self.waitUntil(30) {
      child = Self.children(of: process.processIdentifier).first
      return child != nil
    }
    guard let child else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      Issue.record("no layout child appeared")
      return nil
    }
    return (process, child)
  }

  @Test func layoutChildDiesWithAKilledParent() throws {
    let dir = try TestSupport.makeTemporaryDirectory("child-parent")
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let (process, child) = try startSlowRender(budget: "120", in: dir) else { return }
    #expect(Self.isRunning(child))
    kill(process.processIdentifier, SIGKILL)
    let ended = Self.waitUntil(5) { !Self.isRunning(child) }
    if !ended { kill(child, SIGKILL) }
    process.waitUntilExit()
    #expect(ended, "the layout child \(child) kept running after its parent was killed")
  }

  @Test func layoutChildEnforcesItsOwnBudget() throws {
    let dir = try TestSupport.makeTemporaryDirectory("child-budget")
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let (process, child) = try startSlowRender(budget: "1", in: dir) else { return }
    // A stopped parent cannot kill the child at the deadline; the child must end by itself.
    kill(process.processIdentifier, SIGSTOP)
    let ended = Self.waitUntil(10) { !Self.isRunning(child) }
    if !ended { kill(child, SIGKILL) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(ended, "the layout child \(child) ran past its 1 s budget while its parent was stopped")
  }

  /// The renderer drains the child's pipes while it runs: a multi-megabyte result (far over a pipe's
  /// 64 KB) comes back whole and quickly instead of blocking the child's write until the deadline.
  @Test func bigResultFromTheChildIsNotBlockedOnThePipe() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("child-big")
    defer { try? FileManager.default.removeItem(at: dir) }
    var lines = ["digraph G {"]
    for i in 0..<100 { lines.append("  n\(i) [label=\"\(String(repeating: "x", count: 20_000))\"];") }
    lines.append("}")
    let dot = dir.appendingPathComponent("wide.dot")
    try Data(lines.joined(separator: "\n").utf8).write(to: dot)
    let out = dir.appendingPathComponent("wide.svg")
    let started = Date()
    let r = try TestSupport.run(
      bin, ["render", dot.path, "--layout", "sfdp", "--time-budget", "30", "--format", "svg", "-o", out.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let size = (try? Data(contentsOf: out).count) ?? 0
    #expect(size > 1_000_000)
    #expect(Date().timeIntervalSince(started) < 25)
  }
}
