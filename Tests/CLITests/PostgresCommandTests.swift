import Foundation
import Testing

import TestSupport

/// Every store command gives the same output on a PostgreSQL database as on a SQLite file.
@Suite(.serialized, .disabled(if: PostgresWorkers.serverURL == nil, PostgresWorkers.skipReason))
struct PostgresCommandTests {
  @Test func everyStoreCommandAnswersAlikeOnBothBackends() throws {
    let bin = try #require(TestSupport.executable(), "build the entitygraph executable first")
    let dir = try TestSupport.makeTemporaryDirectory("pg-commands")
    defer { try? FileManager.default.removeItem(at: dir) }
    let corpus = dir.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    for (name, text) in StoreCommandTests.articles {
      try Data(text.utf8).write(to: corpus.appendingPathComponent(name))
    }
    let seeds = TestSupport.repositoryRoot.appendingPathComponent("seeds").path
    let stores = [dir.appendingPathComponent("graph.sqlite").path, try PostgresWorkers.makeDatabase()]

    func both(_ arguments: [String], output: String? = nil) throws -> [String] {
      try stores.enumerated().map { index, db in
        var words = arguments + ["--db", db]
        var file: String?
        if let output {
          file = dir.appendingPathComponent("\(index)-\(output)").path
          words += ["-o", file!]
        }
        let result = try TestSupport.run(bin, words)
        #expect(result.status == 0, "\(words.joined(separator: " ")): \(result.stderr)")
        if let file { return (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
        return result.stdout
      }
    }
    func expectSame(_ arguments: [String], output: String? = nil) throws {
      let answers = try both(arguments, output: output)
      #expect(answers[0] == answers[1], "\(arguments.joined(separator: " ")) differs")
      #expect(!answers[0].isEmpty, "\(arguments.joined(separator: " ")) printed nothing")
    }
    func queries() throws {
      try expectSame(["query", "mentions", "--format", "csv"])
      try expectSame(["query", "mentions", "--kind", "country", "--format", "json"])
      try expectSame(["query", "relations", "--format", "json"])
      try expectSame(["query", "entity", "Maria Okafor", "--format", "json"])
      try expectSame(["query", "neighbors", "Maria Okafor", "--depth", "2"])
      try expectSame(["query", "path", "Daniel Brandt", "Maria Okafor"])
      try expectSame(["export", "--format", "json"])
      try expectSame(["export", "--format", "graphml"])
      try expectSame(["quotes", "--format", "jsonl"])
      try expectSame(["export", "--format", "cypher", "--include-quotes"])
      try expectSame(["render", "--format", "dot", "--focus", "Maria Okafor", "--depth", "1"], output: "focus.dot")
    }

    try expectSame(["ingest", corpus.path, seeds])
    try queries()
    try expectSame(["ingest", corpus.path, seeds])  // unchanged: idempotent
    try expectSame(["merge", "Maria Okafor", "Daniel Brandt"])
    try queries()
    try expectSame(["split", "Maria Okafor"])
    try queries()
    try expectSame(["remove", "trade"])
    try queries()
  }
}
