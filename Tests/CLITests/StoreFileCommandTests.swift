import Foundation
import Testing

import TestSupport

/// Issue 12, store items, through the built binary: read-only stores are queryable, a missing `--db` folder
/// is an error, and a store from a newer version is refused with the store exit code.
@Suite struct StoreFileCommandTests {
  /// Runs the binary as a user who cannot write the store: `nobody` when the tests run as root (root ignores
  /// file modes), else the current user.
  static func runWithoutWriteAccess(_ bin: URL, _ arguments: [String]) throws -> TestSupport.ProcessOutput {
    if getuid() == 0 {
      return try TestSupport.run(
        URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "nobody", "--", bin.path] + arguments)
    }
    return try TestSupport.run(bin, arguments)
  }

  @Test func readOnlyStoreInAReadOnlyFolderIsQueryableExportableAndRenderable() throws {
    let bin = try #require(TestSupport.executable(), "build the entitygraph executable first")
    let dir = try TestSupport.makeTemporaryDirectory("readonly")
    defer {
      _ = try? TestSupport.run(URL(fileURLWithPath: "/bin/chmod"), ["-R", "u+w", dir.path])
      try? FileManager.default.removeItem(at: dir)
    }
    let folder = dir.appendingPathComponent("store")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = folder.appendingPathComponent("graph.sqlite").path
    let seeds = TestSupport.repositoryRoot.appendingPathComponent("seeds").path
    let ingest = try TestSupport.run(bin, ["ingest", seeds, "--db", db])
    #expect(ingest.status == 0, "\(ingest.stderr)")
    let expected = try TestSupport.run(bin, ["query", "mentions", "--db", db, "--format", "csv"])
    let output = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: output.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)

    let mentions = try Self.runWithoutWriteAccess(bin, ["query", "mentions", "--db", db, "--format", "csv"])
    #expect(mentions.status == 0, "\(mentions.stderr)")
    #expect(mentions.stdout == expected.stdout)
    let entity = try Self.runWithoutWriteAccess(bin, ["query", "relations", "--db", db])
    #expect(entity.status == 0, "\(entity.stderr)")
    let export = try Self.runWithoutWriteAccess(bin, ["export", "--db", db, "--format", "json"])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("\"entities\""))
    let svg = output.appendingPathComponent("graph.dot").path
    let render = try Self.runWithoutWriteAccess(bin, ["render", "--db", db, "--format", "dot", "-o", svg])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(FileManager.default.fileExists(atPath: svg))
    // Writing still fails, with the store's exit code.
    let remove = try Self.runWithoutWriteAccess(bin, ["remove", "x", "--db", db])
    #expect(remove.status == 5)
    #expect(remove.stderr.contains("read-only"), "\(remove.stderr)")
  }

  @Test func dbInAMissingFolderFailsWithAClearMessageAndCreatesNothing() throws {
    let bin = try #require(TestSupport.executable(), "build the entitygraph executable first")
    let dir = try TestSupport.makeTemporaryDirectory("nofolder")
    defer { try? FileManager.default.removeItem(at: dir) }
    let seeds = TestSupport.repositoryRoot.appendingPathComponent("seeds").path
    let db = dir.appendingPathComponent("typo/graphs/graph.sqlite").path
    let result = try TestSupport.run(bin, ["ingest", seeds, "--db", db])
    #expect(result.status == 5)
    #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
    #expect(result.stderr.contains("mkdir -p"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo").path))
  }

  @Test func environmentVariableNamesTheStoreWhenDBIsAbsent() throws {
    let bin = try #require(TestSupport.executable(), "build the entitygraph executable first")
    let dir = try TestSupport.makeTemporaryDirectory("envdb")
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("graph.sqlite").path
    let seeds = TestSupport.repositoryRoot.appendingPathComponent("seeds").path
    let env = URL(fileURLWithPath: "/usr/bin/env")
    let ingest = try TestSupport.run(env, ["ENTITYGRAPH_DB=\(db)", bin.path, "ingest", seeds])
    #expect(ingest.status == 0, "\(ingest.stderr)")
    let viaEnvironment = try TestSupport.run(
      env, ["ENTITYGRAPH_DB=\(db)", bin.path, "query", "mentions", "--format", "csv"])
    let viaOption = try TestSupport.run(bin, ["query", "mentions", "--db", db, "--format", "csv"])
    #expect(viaEnvironment.status == 0, "\(viaEnvironment.stderr)")
    #expect(viaEnvironment.stdout == viaOption.stdout)
    #expect(!viaOption.stdout.isEmpty)
    let none = try TestSupport.run(env, ["-u", "ENTITYGRAPH_DB", bin.path, "query", "mentions"])
    #expect(none.status != 0)
  }
}
