import DocumentModel
import Extraction
import Foundation
import GraphRendering
import GraphStore
import Testing

@testable import EntityGraphCLI
import TestSupport

/// The concurrent paths in one process, for `Scripts/sanitize.sh` (ThreadSanitizer): the corpus
/// analysed on all cores, a batch ingest with several workers into one file store while another
/// connection reads it, and renders from many tasks through the Graphviz lock.
@Suite(.serialized) struct ConcurrencyTests {
  static func writeArticles(_ count: Int, to dir: URL) throws {
    let people = ["Mara Quill", "Ivo Brand", "Lena Ost", "Tomas Vell"]
    let countries = ["France", "Brazil", "Kenya", "Canada", "Norway", "Chile"]
    for i in 0..<count {
      let text = (0..<6).map { k in
        "\(people[(i + k) % people.count]) said, “\(countries[(i * 3 + k) % countries.count]) must act.” "
          + "\(people[(i + k + 1) % people.count]) visited \(countries[(i + k) % countries.count])."
      }.joined(separator: " ")
      try Data((text + "\n").utf8).write(to: dir.appendingPathComponent(String(format: "a%03d.txt", i)))
    }
  }

  /// `build --db` stores the graphs the build already made: one per document kept, each equal to its
  /// analysis's graph, and together the merged graph (issue 8: every graph was built twice).
  @Test func keptDocumentGraphsAreTheOnesMerged() throws {
    let dir = try TestSupport.makeTemporaryDirectory("document-graphs")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.writeArticles(5, to: dir)
    let extractor = try Extractor()
    let kept = try Corpus.analyze([dir.path], extractor: extractor, keepDocuments: true)
    #expect(kept.documentGraphs.count == 5 && kept.documents.count == 5)
    #expect(kept.documentGraphs == kept.documents.map { $0.makeGraph() })
    var merged = KnowledgeGraph()
    for graph in kept.documentGraphs { merged.merge(graph) }
    #expect(merged == kept.graph)
    let dropped = try Corpus.analyze([dir.path], extractor: extractor)
    #expect(dropped.documentGraphs.isEmpty && dropped.documents.isEmpty && dropped.graph == kept.graph)
  }

  @Test func concurrentAnalysisAndIngestGiveTheSequentialResult() throws {
    let dir = try TestSupport.makeTemporaryDirectory("concurrency")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.writeArticles(24, to: dir)
    let extractor = try Extractor()
    let analysed = try Corpus.analyze([dir.path], extractor: extractor)
    #expect(analysed.failures.isEmpty && analysed.graph.documents.count == 24)

    let files = try DocumentLoader.discover([dir.path])
    let path = dir.appendingPathComponent("store.sqlite").path
    let store = try GraphStore(path: path)
    let reader = try GraphStore(path: path)
    let reads = Task.detached { () -> Int in
      var count = 0
      for _ in 0..<20 {
        count += (try? reader.mentions().count) ?? 0
        try? await Task.sleep(for: .milliseconds(5))
      }
      return count
    }
    let report = IngestRun.ingest(files, into: store, extractor: extractor, jobs: 4, showProgress: false)
    #expect(report.failures.isEmpty && report.added.count == 24)
    _ = try awaitResult(reads)
    let sequential = try GraphStore()
    _ = IngestRun.ingest(files, into: sequential, extractor: extractor, jobs: 1, showProgress: false)
    #expect(try store.loadGraph() == sequential.loadGraph())
  }

  @Test func rendersFromManyTasksAreSerialisedByTheLock() async throws {
    let graph = TestSupport.makeGraph(
      text: "Mara Quill met Ivo Brand in Kenya.",
      entities: [("Mara Quill", .person), ("Ivo Brand", .person), ("Kenya", .country)])
    let dot = DOTWriter().dotText(for: graph)
    let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<12 {
        group.addTask {
          let budget: Duration? = index.isMultiple(of: 2) ? .seconds(60) : nil
          return try GraphvizRenderer.render(dot: dot, format: .svg, layout: .dot, timeBudget: budget).count
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(sizes.count == 12 && sizes.allSatisfy { $0 > 300 })
  }

  /// Waits for a task from synchronous code.
  func awaitResult<T: Sendable>(_ task: Task<T, Never>) throws -> T {
    let box = LockedBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
      box.value = await task.value
      done.signal()
    }
    done.wait()
    return try #require(box.value)
  }
}

final class LockedBox<T>: @unchecked Sendable {
  private var stored: T?
  private let lock = NSLock()
  var value: T? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
