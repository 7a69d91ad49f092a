import DocumentModel
import Extraction
import Foundation
import GraphStore
import GraphStorePostgres
import Testing

@testable import EntityGraphCLI
import TestSupport

/// Issue 14's bars for many writers: concurrent `ingest` processes against one PostgreSQL database.
@Suite(.serialized, .disabled(if: PostgresWorkers.serverURL == nil, PostgresWorkers.skipReason))
struct PostgresWorkerTests {
  /// Four `ingest` processes, each over two of four folders (every document is given to two of them), commit
  /// each document once and build the same graph as one process on SQLite.
  @Test func fourConcurrentWorkersOverOverlappingFoldersGiveTheSameGraphAsOne() throws {
    let bin = try #require(TestSupport.executable(), "build the entitygraph executable first")
    let dir = try TestSupport.makeTemporaryDirectory("pg-workers")
    defer { try? FileManager.default.removeItem(at: dir) }
    let parts = try PostgresWorkers.writeCorpus(parts: 4, perPart: 40, in: dir)
    let url = try PostgresWorkers.makeDatabase()

    let workers = try (0..<4).map { i in
      try PostgresWorkers.start(bin, ["ingest", parts[i].path, parts[(i + 1) % 4].path, "--db", url], log: dir, i)
    }
    var added = 0
    var unchanged = 0
    for (process, log) in workers {
      process.waitUntilExit()
      let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      #expect(process.terminationStatus == 0, "\(output)")
      let numbers = PostgresWorkers.summary(output)
      added += numbers.added
      unchanged += numbers.unchanged
    }
    #expect(added == 160, "each document is committed by exactly one worker")
    #expect(unchanged == 160, "and found stored by the other worker it was given to")

    let sqlite = dir.appendingPathComponent("one.sqlite").path
    let one = try TestSupport.run(bin, ["ingest"] + parts.map(\.path) + ["--db", sqlite])
    #expect(one.status == 0, "\(one.stderr)")
    let shared = try PostgresGraphStore(url: url)
    let reference = try GraphStore(path: sqlite, readOnly: true)
    #expect(try shared.statistics() == reference.statistics())
    #expect(try shared.loadGraph() == reference.loadGraph())
    #expect(try shared.mentions() == reference.mentions())
    let duplicates = try shared.loadGraph().entities.map { "\($0.kind):\(EntityResolverKey.name($0.name))" }
    #expect(Set(duplicates).count == duplicates.count, "no entity is created twice")
  }

  /// `kill -9` of one of two workers mid-ingest; the other finishes, a rerun of the killed one completes:
  /// every document present once and whole, the same graph as one process.
  @Test func killedWorkerLosesNothingAndDoublesNothing() throws {
    let bin = try #require(TestSupport.executable(), "build the entitygraph executable first")
    let dir = try TestSupport.makeTemporaryDirectory("pg-kill")
    defer { try? FileManager.default.removeItem(at: dir) }
    let corpus = try PostgresWorkers.writeCorpus(parts: 1, perPart: 200, in: dir)[0]
    let url = try PostgresWorkers.makeDatabase()
    let store = try PostgresGraphStore(url: url)

    let (victim, victimLog) = try PostgresWorkers.start(bin, ["ingest", corpus.path, "--db", url], log: dir, 0)
    let deadline = Date().addingTimeInterval(120)
    while try Date() < deadline && victim.isRunning && store.statistics().documents < 10 { usleep(20_000) }
    let (survivor, survivorLog) = try PostgresWorkers.start(bin, ["ingest", corpus.path, "--db", url], log: dir, 1)
    usleep(300_000)
    let killedMidway = victim.isRunning
    kill(victim.processIdentifier, SIGKILL)
    victim.waitUntilExit()
    #expect(killedMidway, "the first worker ended before it could be killed: \(PostgresWorkers.text(victimLog))")
    survivor.waitUntilExit()
    #expect(survivor.terminationStatus == 0, "\(PostgresWorkers.text(survivorLog))")

    let rerun = try TestSupport.run(bin, ["ingest", corpus.path, "--db", url])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try store.statistics().documents == 200)

    let extractor = try Extractor()
    for id in try store.documents().map(\.id) {
      let text = try String(contentsOf: corpus.appendingPathComponent(id + ".txt"), encoding: .utf8)
      let graph = extractor.graph(for: Document(id: id, path: "", text: text))
      let stats = try store.statistics(forDocument: id)
      #expect(stats.entities == graph.entities.count, "document \(id) is half-present or doubled")
      #expect(stats.mentions == graph.entities.reduce(0) { $0 + $1.mentions.count })
      #expect(stats.relations == graph.relations.count)
      #expect(stats.evidence == graph.relations.reduce(0) { $0 + $1.evidence.count })
    }
    let sqlite = dir.appendingPathComponent("one.sqlite").path
    #expect(try TestSupport.run(bin, ["ingest", corpus.path, "--db", sqlite]).status == 0)
    let reference = try GraphStore(path: sqlite, readOnly: true)
    #expect(try store.statistics().entities == reference.statistics().entities, "no entity doubled")
    #expect(try store.mentions() == reference.mentions())
  }
}

/// Helpers of the worker tests.
enum PostgresWorkers {
  static var serverURL: String? {
    ProcessInfo.processInfo.environment["ENTITYGRAPH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
  }

  static var skipReason: Comment {
    let reason =
      ProcessInfo.processInfo.environment["ENTITYGRAPH_POSTGRES_UNAVAILABLE"]
      ?? "ENTITYGRAPH_TEST_POSTGRES is not set; run `make test` (or Scripts/with-postgres.sh swift test)"
    return Comment(rawValue: "PostgreSQL suite skipped: \(reason)")
  }

  static func makeDatabase() throws -> String {
    let server = try #require(serverURL)
    let name = "w_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    return try PostgresGraphStore.createDatabase(named: name, onServerOf: server)
  }

  /// `parts` folders of generated articles (the crash test's generator), with distinct file names.
  static func writeCorpus(parts: Int, perPart: Int, in dir: URL) throws -> [URL] {
    let all = dir.appendingPathComponent("all")
    try FileManager.default.createDirectory(at: all, withIntermediateDirectories: true)
    try StoreCrashTests.writeCorpus(count: parts * perPart, to: all)
    var folders: [URL] = []
    for part in 0..<parts {
      let folder = dir.appendingPathComponent("p\(part)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for i in (part * perPart)..<((part + 1) * perPart) {
        let name = String(format: "doc%04d.txt", i)
        try FileManager.default.moveItem(at: all.appendingPathComponent(name), to: folder.appendingPathComponent(name))
      }
      folders.append(folder)
    }
    return folders
  }

  static func start(_ bin: URL, _ arguments: [String], log dir: URL, _ index: Int) throws -> (Process, URL) {
    let process = Process()
    process.executableURL = bin
    process.arguments = arguments
    let log = dir.appendingPathComponent("worker\(index)-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    return (process, log)
  }

  static func text(_ log: URL) -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  /// The numbers of `added N, updated N, unchanged N, failed N`.
  static func summary(_ output: String) -> (added: Int, unchanged: Int) {
    guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("added ") }) else { return (0, 0) }
    let words = line.replacingOccurrences(of: ",", with: "").split(separator: " ")
    func number(after word: String) -> Int {
      guard let i = words.firstIndex(of: Substring(word)), i + 1 < words.count else { return 0 }
      return Int(words[i + 1]) ?? 0
    }
    return (number(after: "added"), number(after: "unchanged"))
  }
}

/// Names as the resolver compares them (case, accents and a leading "the" ignored), to spot duplicates.
enum EntityResolverKey {
  static func name(_ name: String) -> String {
    name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
