import DocumentModel
import Extraction
import Foundation
import GraphStore
import Testing

@testable import EntityGraphCLI
import TestSupport

/// issue 4's crash bar: `kill -9` in the middle of an ingest, then a rerun, leaves a sound, complete store.
@Suite(.serialized) struct StoreCrashTests {
  /// Generated articles: invented people and organizations talking about countries.
  static func writeCorpus(count: Int, to dir: URL) throws {
    let people = ["Maria Okafor", "Daniel Brandt", "Leila Moreau", "Tomas Lindqvist", "Priya Raman", "Kenji Mori"]
    let countries = ["France", "Brazil", "Kenya", "Canada", "Norway", "India", "Chile", "Egypt"]
    let orgs = ["the Northwind Council", "Harbor Energy", "the Civic Data Institute"]
    var state: UInt64 = 42
    func pick<T>(_ items: [T]) -> T {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return items[Int((state >> 33) % UInt64(items.count))]
    }
    for i in 0..<count {
      var sentences: [String] = []
      for _ in 0..<8 {
        let p = pick(people)
        let c = pick(countries)
        let o = pick(orgs)
        sentences.append(
          pick([
            "\(p) said, \"\(c) and \(pick(countries)) must act now.\"",
            "\(p), the director of \(o), visited \(c) on Monday.",
            "According to \(p), trade with \(c) grew last year.",
            "Officials in \(c) met \(o) in \(pick(countries)).",
          ]))
      }
      let name = String(format: "doc%04d.txt", i)
      try Data((sentences.joined(separator: " ") + "\n").utf8).write(to: dir.appendingPathComponent(name))
    }
  }

  @Test func killedIngestLeavesNoHalfDocumentAndRerunCompletesIt() throws {
    guard let bin = TestSupport.executable() else {
      Issue.record("entitygraph executable not found next to the test bundle; build it first")
      return
    }
    let dir = try TestSupport.makeTemporaryDirectory("crash")
    defer { try? FileManager.default.removeItem(at: dir) }
    let corpus = dir.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    let count = 240
    try Self.writeCorpus(count: count, to: corpus)
    let db = dir.appendingPathComponent("graph.sqlite").path

    let process = Process()
    process.executableURL = bin
    process.arguments = ["ingest", corpus.path, "--db", db]
    let log = dir.appendingPathComponent("ingest.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let logHandle = try FileHandle(forWritingTo: log)
    process.standardOutput = logHandle
    process.standardError = logHandle
    try process.run()
    // Wait until some documents are committed, then kill the writer without warning.
    let deadline = Date().addingTimeInterval(60)
    var committed = 0
    while Date() < deadline && process.isRunning {
      if FileManager.default.fileExists(atPath: db), let store = try? GraphStore(path: db) {
        committed = (try? store.statistics().documents) ?? 0
        if committed >= 10 { break }
      }
      usleep(20_000)
    }
    let killedMidway = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let childLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    #expect(committed >= 10, "a second process reads the store while the ingest writes (WAL)")
    #expect(killedMidway, "the ingest ended before it could be killed (saw \(committed) documents): \(childLog)")

    let interrupted = try GraphStore(path: db)
    #expect(try interrupted.integrityCheck() == ["ok"])
    let present = try interrupted.documents().map(\.id)
    #expect(present.count < count)
    let extractor = try Extractor()
    func expectComplete(_ store: GraphStore, _ id: String) throws {
      let text = try String(contentsOf: corpus.appendingPathComponent(id + ".txt"), encoding: .utf8)
      let graph = extractor.graph(for: Document(id: id, path: "", text: text))
      let stats = try store.statistics(forDocument: id)
      #expect(stats.entities == graph.entities.count, "document \(id) is half-present")
      #expect(stats.mentions == graph.entities.reduce(0) { $0 + $1.mentions.count })
      #expect(stats.relations == graph.relations.count)
      #expect(stats.evidence == graph.relations.reduce(0) { $0 + $1.evidence.count })
    }
    for id in present { try expectComplete(interrupted, id) }

    let rerun = try TestSupport.run(bin, ["ingest", corpus.path, "--db", db])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(rerun.stdout == "added \(count - present.count), updated 0, unchanged \(present.count), failed 0\n")
    let store = try GraphStore(path: db)
    #expect(try store.integrityCheck() == ["ok"])
    let all = try store.documents().map(\.id)
    #expect(all.count == count)
    for id in all.shuffled().prefix(20) { try expectComplete(store, id) }
  }
}

/// Cross-document merge never changes what one document says: the sample article's `mentions` answers are the
/// same alone and inside a store with other documents.
@Suite struct StoreInvarianceTests {
  @Test func mentionsOfADocumentAreTheSameAloneAndInABiggerStore() throws {
    let seeds = TestSupport.repositoryRoot.appendingPathComponent("seeds")
    let files = (try? DocumentLoader.discover([seeds.path])) ?? []
    guard let seed = files.first else {
      Issue.record("no seeds/ folder in the repository")
      return
    }
    let extractor = try Extractor()
    let document = try DocumentLoader.read(seed)
    let alone = extractor.graph(for: document)
    let expected = Set(
      alone.relations.filter { $0.predicate == .mentioned }.map {
        "\(alone.entity($0.subject)!.name) -> \(alone.entity($0.object)!.name) x\($0.count)"
      })
    #expect(!expected.isEmpty, "the sample article quotes speakers who mention countries")
    let dir = try TestSupport.makeTemporaryDirectory("invariance")
    defer { try? FileManager.default.removeItem(at: dir) }
    try StoreCrashTests.writeCorpus(count: 30, to: dir)
    let store = try GraphStore()
    let others = try DocumentLoader.discover([dir.path])
    let report = IngestRun.ingest(others + [seed], into: store, extractor: extractor, showProgress: false)
    #expect(report.failures.isEmpty)
    let rows = try store.mentions(MentionsQuery(document: seed.id))
    #expect(Set(rows.map { "\($0.speaker.name) -> \($0.entity.name) x\($0.count)" }) == expected)
    let view = try store.documentGraph(seed.id)
    #expect(view.entities == alone.entities)
    #expect(view.relations == alone.relations)
  }
}
