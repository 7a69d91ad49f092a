import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

/// Issue 12: a failed or interrupted `build` must not leave a mix of new and old files in --out, a
/// full disk is an output error (6) not a rendering error (4), and file errors are one clear line
/// with a code, not Foundation's error dump.
@Suite(.serialized) struct BuildOutputConsistencyTests {
  let binary = TestSupport.executable()

  static let quoted = "Maria Lopez, the CEO of Norte Labs, said: “Chile and Peru matter.”\n"
  static let plain = "Officials of the Harbour Council met in Kelvale. Ana Ruiz of Tellmark visited Peru.\n"

  func files(in folder: URL) -> [String: Data] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var out: [String: Data] = [:]
    for name in names { out[name] = try? Data(contentsOf: folder.appendingPathComponent(name)) }
    return out
  }

  /// Folders beside `out` that a build left behind (its staging folder).
  func leftovers(beside out: URL) -> [String] {
    let parent = out.deletingLastPathComponent()
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
      .filter { $0.hasPrefix(".\(out.lastPathComponent).build-") }
  }

  @Test func failedRenderLeavesTheEarlierOutputsUntouched() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("consistency")
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = dir.appendingPathComponent("first.txt")
    let second = dir.appendingPathComponent("second.txt")
    try Data(Self.quoted.utf8).write(to: first)
    try Data(Self.plain.utf8).write(to: second)
    let out = dir.appendingPathComponent("out")
    var r = try TestSupport.run(bin, ["build", first.path, "--out", out.path, "--format", "json", "dot", "svg"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let before = files(in: out)
    #expect(before["graph.json"] != nil && before["graph.svg"] != nil)

    // The layout fails after the JSON could have been written: nothing in --out may change.
    r = try TestSupport.run(
      bin, ["build", second.path, "--out", out.path, "--format", "json", "dot", "svg", "--layout", "nonesuch"])
    #expect(r.status == ExitCodes.renderFailed, "stderr: \(r.stderr)")
    #expect(files(in: out) == before, "a failed build changed \(out.path)")
    #expect(leftovers(beside: out).isEmpty)
  }

  @Test func outputsOfAnEarlierRunThatThisRunDoesNotWriteAreRemoved() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("consistency-stale")
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = dir.appendingPathComponent("first.txt")
    let second = dir.appendingPathComponent("second.txt")
    try Data(Self.quoted.utf8).write(to: first)
    try Data(Self.plain.utf8).write(to: second)
    let out = dir.appendingPathComponent("out")
    var r = try TestSupport.run(bin, ["build", first.path, "--out", out.path, "--format", "json", "dot"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    #expect(files(in: out)["speakers.dot"] != nil)
    try Data("notes".utf8).write(to: out.appendingPathComponent("notes.txt"))
    r = try TestSupport.run(bin, ["build", second.path, "--out", out.path, "--format", "json", "dot"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let after = files(in: out)
    #expect(after["speakers.dot"] == nil, "speakers.dot of the first run is still beside the second run's graph")
    #expect(after["notes.txt"] != nil, "files that are not build outputs stay")
    #expect(String(decoding: after["graph.json"] ?? Data(), as: UTF8.self).contains("Tellmark"))
    #expect(leftovers(beside: out).isEmpty)
  }

  /// A build killed with SIGKILL leaves its staging folder; the next build removes it.
  @Test func stagingFolderOfAKilledBuildIsRemovedByTheNextBuild() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("consistency-killed")
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("a.txt")
    try Data(Self.quoted.utf8).write(to: input)
    let out = dir.appendingPathComponent("out")
    // A pid that cannot be running: above the kernel's pid_max.
    let abandoned = dir.appendingPathComponent(".out.build-99999999-1")
    try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
    try Data("half".utf8).write(to: abandoned.appendingPathComponent("graph.json"))
    let r = try TestSupport.run(bin, ["build", input.path, "--out", out.path, "--format", "json"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    #expect(leftovers(beside: out).isEmpty)
  }

  /// A 200 KB tmpfs fills up during the build: exit 6 with the reason, nothing in --out.
  @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
  func fullDiskIsAnOutputErrorAndLeavesNothingHalfWritten() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("consistency-full")
    defer { try? FileManager.default.removeItem(at: dir) }
    let mount = dir.appendingPathComponent("small")
    try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
    let status = try TestSupport.run(
      URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=200k", "tmpfs", mount.path]
    ).status
    try #require(status == 0, "could not mount a tmpfs")
    defer { _ = try? TestSupport.run(URL(fileURLWithPath: "/bin/umount"), [mount.path]) }
    let out = mount.appendingPathComponent("out")
    let r = try TestSupport.run(bin, ["build", "seeds", "--out", out.path], in: TestSupport.repositoryRoot)
    #expect(r.status == ExitCodes.environment, "stderr: \(r.stderr)")
    #expect(r.stderr.contains("no space left on device"), "stderr: \(r.stderr)")
    #expect(!r.stderr.contains("Error Domain"))
    #expect(files(in: out).isEmpty)
    #expect(leftovers(beside: out).isEmpty)
  }

  /// Runs `bin` as an unprivileged user when the tests run as root (root ignores file modes).
  func runUnprivileged(_ bin: URL, _ arguments: [String]) throws -> TestSupport.ProcessOutput {
    guard getuid() == 0 else { return try TestSupport.run(bin, arguments) }
    let command = ([bin.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    return try TestSupport.run(
      URL(fileURLWithPath: "/bin/su"), ["nobody", "-s", "/bin/sh", "-c", command.joined(separator: " ")])
  }

  @Test func permissionErrorsAreOneLineWithACode() throws {
    let bin = try #require(binary)
    let dir = try TestSupport.makeTemporaryDirectory("consistency-perm")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
    let input = dir.appendingPathComponent("a.txt")
    try Data(Self.quoted.utf8).write(to: input)
    let locked = dir.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
    let secret = dir.appendingPathComponent("graph.json")
    try Data("{}".utf8).write(to: secret)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
    let dot = dir.appendingPathComponent("g.dot")
    try Data("digraph { a -> b }".utf8).write(to: dot)
    let runs = [
      try runUnprivileged(bin, ["build", input.path, "--out", locked.appendingPathComponent("out").path]),
      try runUnprivileged(
        bin, ["render", secret.path, "--format", "svg", "-o", dir.appendingPathComponent("x.svg").path]),
      try runUnprivileged(
        bin, ["render", dot.path, "--format", "svg", "-o", locked.appendingPathComponent("x.svg").path]),
    ]
    for r in runs {
      #expect(r.status != 0)
      #expect(r.stderr.contains("permission denied ["), "stderr: \(r.stderr)")
      #expect(!r.stderr.contains("Error Domain") && !r.stderr.contains("NSUnderlyingError"), "stderr: \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
    }
  }
}
