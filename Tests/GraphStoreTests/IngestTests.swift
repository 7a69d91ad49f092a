import DocumentModel
import Foundation
import GraphStore
import Testing

@Suite struct IngestTests {
  @Test(arguments: Backend.available) func addsThenSkipsUnchangedDocument(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let doc = speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")])
    #expect(try doc.ingest(into: store) == .added)
    #expect(try doc.ingest(into: store) == .unchanged)
    let stats = try store.statistics()
    #expect(stats.documents == 1)
    #expect(stats.entities == 2)
    #expect(stats.relations == 1)
  }

  @Test(arguments: Backend.available) func changedDocumentReplacesExactlyItsOwnFacts(_ backend: Backend) throws {
    let store = try backend.makeStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    try speechDocument("b", speaker: "Grace Hopper", countries: [("France", "FR")]).ingest(into: store)
    let changed = speechDocument("a", speaker: "Ada Lovelace", countries: [("Japan", "JP")], extra: "New.")
    #expect(try changed.ingest(into: store) == .updated)
    let rows = try store.mentions()
    #expect(
      rows.map { "\($0.speaker.name)>\($0.entity.name)" } == ["Ada Lovelace>Japan", "Grace Hopper>France"])
    // France survives through document b only.
    let france = try store.entity(named: "France")
    #expect(france.documents == ["b"])
    #expect(france.mentions.allSatisfy { $0.doc == "b" })
  }

  @Test(arguments: Backend.available) func removingDocumentDropsEntitiesAndRelationsLeftWithoutFacts(_ backend: Backend)
    throws
  {
    let store = try backend.makeStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    try speechDocument("b", speaker: "Grace Hopper", countries: [("France", "FR")]).ingest(into: store)
    #expect(try store.remove(documents: ["/docs/a.txt"]) == ["a"])
    #expect(throws: StoreError.self) { try store.entity(named: "Ada Lovelace") }
    #expect(
      try store.statistics()
        == StoreStatistics(documents: 1, entities: 2, relations: 1, mentions: 2, evidence: 1, decisions: 0))
    #expect(try integrityCheck(store) == ["ok"])
  }

  @Test(arguments: Backend.available) func removingByAnotherSpellingOfThePath(_ backend: Backend) throws {
    let store = try backend.makeStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    #expect(try store.remove(documents: ["/docs/./sub/../a.txt"]) == ["a"])
  }

  @Test(arguments: Backend.available) func removingUnknownDocumentFailsWithoutRemovingAnything(_ backend: Backend)
    throws
  {
    let store = try backend.makeStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    let error = #expect(throws: StoreError.self) { try store.remove(documents: ["a", "nope"]) }
    #expect(error?.code == .unknownDocument)
    #expect(try store.documents().map(\.id) == ["a"])
  }

  @Test(arguments: Backend.available) func countsAddUpAcrossDocuments(_ backend: Backend) throws {
    let store = try backend.makeStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    try speechDocument("b", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    let rows = try store.mentions()
    #expect(rows.count == 1)
    #expect(rows.first?.count == 2)
    #expect(rows.first?.documents == ["a", "b"])
    #expect(rows.first?.evidence?.doc == "a")
  }

  @Test func fileStoreUsesWALAndPassesIntegrityCheck() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("sub/graph.sqlite").path
    do {
      let store = try GraphStore(path: path)
      try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    }
    let reopened = try GraphStore(path: path)
    #expect(try reopened.journalMode() == "wal")
    #expect(try reopened.integrityCheck() == ["ok"])
    #expect(try reopened.documents().map(\.id) == ["a"])
  }

  @Test func unopenableFileIsAStoreError() throws {
    let error = #expect(throws: StoreError.self) { try GraphStore(path: "/proc/nonexistent/dir/graph.sqlite") }
    #expect(error?.code == .cannotOpen)
  }
}

func makeTemporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite struct ConcurrentOpenTests {
  @Test func manyOpenersOfANewFileAllSucceed() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("graph.sqlite").path
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      do { _ = try GraphStore(path: path) } catch { failures.add("\(error)") }
    }
    #expect(failures.all.isEmpty)
    #expect(try GraphStore(path: path).integrityCheck() == ["ok"])
  }
}

final class Failures: @unchecked Sendable {
  private var items: [String] = []
  private let lock = NSLock()
  func add(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}

@Suite struct BatchIngestTests {
  /// Loads a file as a document and "extracts" one person named after its first line.
  static let load: @Sendable (IngestSource) throws -> Document = { source in
    let text = try String(contentsOfFile: source.path, encoding: .utf8)
    if text.isEmpty { throw StoreError(.badDocument, "\(source.path): empty") }
    return Document(id: source.id, path: source.path, text: text)
  }
  static let extract: @Sendable (Document) throws -> KnowledgeGraph = { document in
    let name = String(document.text.prefix { $0 != "\n" })
    let mention = Mention(doc: document.id, start: 0, end: name.unicodeScalars.count, text: name)
    return KnowledgeGraph(entities: [Entity(kind: .person, name: name, mentions: [mention])])
  }

  @Test(arguments: Backend.available) func reportsAddedUnchangedUpdatedAndFailedAndKeepsGoing(_ backend: Backend) throws
  {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var sources: [IngestSource] = []
    for i in 0..<40 {
      let path = folder.appendingPathComponent("d\(i).txt").path
      try Data((i == 7 ? "" : "Person Number\(i)\n").utf8).write(to: URL(fileURLWithPath: path))
      sources.append(IngestSource(id: "d\(i)", path: path))
    }
    let store = try backend.makeStore()
    let progress = Failures()
    let first = store.ingest(sources, concurrency: 2, load: Self.load, extract: Self.extract) {
      progress.add("\($0.done)/\($0.total)")
    }
    #expect(first.summary == "added 39, updated 0, unchanged 0, failed 1")
    #expect(first.failures.first?.path.hasSuffix("d7.txt") == true)
    #expect(progress.all.last == "40/40")
    try Data("Someone Else\n".utf8).write(to: URL(fileURLWithPath: sources[3].path))
    let second = store.ingest(sources, concurrency: 2, load: Self.load, extract: Self.extract)
    #expect(second.summary == "added 0, updated 1, unchanged 38, failed 1")
    #expect(try store.statistics().entities == 39)
  }

  @Test(arguments: Backend.available) func sameIDFromAnotherExistingFileIsRefused(_ backend: Backend) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for sub in ["a", "b"] {
      try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
      try Data("Person \(sub)\n".utf8).write(to: folder.appendingPathComponent("\(sub)/doc.txt"))
    }
    let store = try backend.makeStore()
    let a = IngestSource(id: "doc", path: folder.appendingPathComponent("a/doc.txt").path)
    let b = IngestSource(id: "doc", path: folder.appendingPathComponent("b/doc.txt").path)
    #expect(store.ingest([a], load: Self.load, extract: Self.extract).added == ["doc"])
    let again = IngestSource(id: "doc", path: folder.appendingPathComponent("a/../a/doc.txt").path)
    #expect(store.ingest([again], load: Self.load, extract: Self.extract).unchanged == ["doc"])
    let clash = store.ingest([b], load: Self.load, extract: Self.extract)
    #expect(clash.failures.first?.message.contains("duplicate-document-id") == true)
  }
}
