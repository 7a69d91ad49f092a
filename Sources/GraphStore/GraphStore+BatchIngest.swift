import DocumentModel
import Foundation

/// One input of a batch ingest: a document id and where to read it from.
public struct IngestSource: Sendable, Hashable {
  /// The document id (file name without extension).
  public var id: String
  /// The path, as given (`-` for standard input).
  public var path: String

  public init(id: String, path: String) {
    self.id = id
    self.path = path
  }
}

/// Progress of a batch ingest, reported after each document is committed or skipped.
public struct IngestProgress: Sendable, Equatable {
  public var done: Int
  public var total: Int
  public var added = 0
  public var updated = 0
  public var unchanged = 0
  public var failed = 0
}

/// What a batch ingest did.
public struct IngestReport: Sendable, Equatable {
  public var added: [String] = []
  public var updated: [String] = []
  public var unchanged: [String] = []
  /// Inputs that could not be read, analysed or stored, with the reason; the others were still ingested.
  public var failures: [IngestFailure] = []
  /// Words (white-space separated) in the documents analysed (added or updated).
  public var words = 0
  /// UTF-8 bytes of the documents analysed.
  public var bytes = 0
  /// Wall-clock seconds the writer spent committing documents.
  public var writeSeconds = 0.0
  /// CPU seconds the writer thread spent committing documents.
  public var writeCPUSeconds = 0.0

  /// `added 3, updated 1, unchanged 10, failed 0`.
  public var summary: String {
    "added \(added.count), updated \(updated.count), unchanged \(unchanged.count), failed \(failures.count)"
  }
}

/// An input skipped by a batch ingest.
public struct IngestFailure: Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var message: String
  public var description: String { "\(path): \(message)" }

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
}

extension GraphStoring {
  /// Reads, analyses and stores many documents: analysis runs on `concurrency` threads while a writer commits
  /// finished documents in input order, each in its own transaction.
  ///
  /// A document whose content hash is already stored is skipped without being analysed (unless `force`). A
  /// document that fails to load, analyse or store is reported in ``IngestReport/failures`` and the rest go on.
  /// At most two chunks of documents are held in memory at a time. Each document is claimed
  /// (``GraphStoring/claim(document:wait:)``) before it is analysed and released once committed; documents that
  /// another worker holds are left for a second pass that waits for those claims, and then finds them stored
  /// (`unchanged`) or, if that worker died, analyses them itself.
  ///
  /// ```swift
  /// let report = store.ingest(sources, load: { try DocumentLoader.read($0) }, extract: extractor.graph(for:))
  /// print(report.summary)
  /// ```
  /// - Parameters:
  ///   - sources: the inputs, in the order to commit them.
  ///   - concurrency: analysis threads (default: all cores).
  ///   - force: re-analyse unchanged documents too.
  ///   - load: reads one input (throws a readable error for a bad file).
  ///   - extract: the document's own graph.
  ///   - progress: called on the writer thread after each document.
  public func ingest(
    _ sources: [IngestSource], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
    load: @escaping @Sendable (IngestSource) throws -> Document,
    extract: @escaping @Sendable (Document) throws -> KnowledgeGraph,
    progress: (@Sendable (IngestProgress) -> Void)? = nil
  ) -> IngestReport {
    let report = Locked(IngestReport())
    let counters = Locked(IngestProgress(done: 0, total: sources.count))
    var seenIDs: [String: String] = [:]
    var duplicates: [Int: String] = [:]
    for (i, source) in sources.enumerated() {
      if let other = seenIDs[source.id], other != source.path {
        duplicates[i] = "document id '\(source.id)' is also the id of \(other); rename one of them"
      } else {
        seenIDs[source.id] = source.path
      }
    }
    let deferred = ingestPass(
      Array(sources.indices), sources: sources, duplicates: duplicates, waitForClaims: false,
      concurrency: concurrency, force: force, load: load, extract: extract, report: report, counters: counters,
      progress: progress)
    if !deferred.isEmpty {
      _ = ingestPass(
        deferred, sources: sources, duplicates: duplicates, waitForClaims: true, concurrency: concurrency,
        force: force, load: load, extract: extract, report: report, counters: counters, progress: progress)
    }
    return report.withLock { $0 }
  }

  /// One pass over `indices` of `sources`; returns the indices another worker had claimed (when not waiting).
  private func ingestPass(
    _ indices: [Int], sources: [IngestSource], duplicates: [Int: String], waitForClaims: Bool, concurrency: Int,
    force: Bool, load: @escaping @Sendable (IngestSource) throws -> Document,
    extract: @escaping @Sendable (Document) throws -> KnowledgeGraph, report: Locked<IngestReport>,
    counters: Locked<IngestProgress>, progress: (@Sendable (IngestProgress) -> Void)?
  ) -> [Int] {
    let threads = max(1, concurrency)
    let chunkSize = max(16, threads * 16)
    let writer = DispatchQueue(label: "GraphStore.ingest.writer")
    let pending = DispatchGroup()
    var deferred: [Int] = []
    var start = 0
    while start < indices.count {
      let chunkIndices = Array(indices[start..<min(start + chunkSize, indices.count)])
      start += chunkIndices.count
      let chunk = chunkIndices.map { sources[$0] }
      let duplicateMessages = chunkIndices.map { duplicates[$0] }
      let prepared = Locked([Prepared?](repeating: nil, count: chunk.count))
      let next = Locked(0)
      DispatchQueue.concurrentPerform(iterations: min(threads, chunk.count)) { _ in
        while true {
          let i = next.withLock { value -> Int in
            defer { value += 1 }
            return value
          }
          if i >= chunk.count { break }
          let item: Prepared
          if let message = duplicateMessages[i] {
            item = .failed(IngestFailure(path: chunk[i].path, message: message))
          } else {
            item = self.prepare(chunk[i], force: force, waitForClaim: waitForClaims, load: load, extract: extract)
          }
          prepared.withLock { $0[i] = item }
        }
      }
      let items = prepared.withLock { $0 }
      for (i, item) in items.enumerated() {
        if case .claimedElsewhere? = item { deferred.append(chunkIndices[i]) }
      }
      pending.wait()
      pending.enter()
      writer.async {
        defer { pending.leave() }
        for (source, item) in zip(chunk, items) {
          var outcome: IngestOutcome?
          var failure: IngestFailure?
          var size = (words: 0, bytes: 0)
          switch item {
          case .claimedElsewhere?: continue
          case .unchanged?: outcome = .unchanged
          case .failed(let f)?: failure = f
          case .analysed(let info, let graph, let words, let bytes)?:
            let started = DispatchTime.now().uptimeNanoseconds
            let startedCPU = GraphStore.threadCPUSeconds()
            do {
              outcome = try self.ingest(graph, for: info, force: force)
              size = (words, bytes)
            } catch {
              failure = IngestFailure(path: source.path, message: "\(error)")
            }
            self.releaseClaim(document: info.id)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let cpu = GraphStore.threadCPUSeconds() - startedCPU
            report.withLock {
              $0.writeSeconds += elapsed
              $0.writeCPUSeconds += cpu
            }
          case nil: failure = IngestFailure(path: source.path, message: "not analysed")
          }
          report.withLock { r in
            switch outcome {
            case .added?: r.added.append(source.id)
            case .updated?: r.updated.append(source.id)
            case .unchanged?: r.unchanged.append(source.id)
            case nil: break
            }
            if let failure { r.failures.append(failure) }
            r.words += size.words
            r.bytes += size.bytes
          }
          let snapshot = counters.withLock { c -> IngestProgress in
            c.done += 1
            switch outcome {
            case .added?: c.added += 1
            case .updated?: c.updated += 1
            case .unchanged?: c.unchanged += 1
            case nil: c.failed += 1
            }
            return c
          }
          progress?(snapshot)
        }
      }
    }
    pending.wait()
    return deferred
  }

  private func prepare(
    _ source: IngestSource, force: Bool, waitForClaim: Bool, load: @Sendable (IngestSource) throws -> Document,
    extract: @Sendable (Document) throws -> KnowledgeGraph
  ) -> Prepared {
    var claimed: String?
    do {
      let document = try load(source)
      let bytes = Array(document.text.utf8)
      let info = DocumentInfo(
        id: document.id, path: document.path, sha256: SHA256.hex(of: bytes), length: document.length)
      guard try claim(document: info.id, wait: waitForClaim) else { return .claimedElsewhere }
      claimed = info.id
      if let stored = try self.document(id: info.id) {
        if !GraphStore.isSameFile(stored.path, info.path) && stored.path != "-"
          && FileManager.default.fileExists(atPath: stored.path)
        {
          releaseClaim(document: info.id)
          return .failed(
            IngestFailure(
              path: source.path,
              message: StoreError(
                .duplicateDocumentID,
                "document id '\(info.id)' already belongs to \(stored.path); rename one of them or remove it first"
              ).description))
        }
        // A second pass with `force` re-analyses only what no other worker has just stored.
        if (!force || waitForClaim) && stored.sha256 == info.sha256 {
          releaseClaim(document: info.id)
          return .unchanged
        }
      }
      let graph = try extract(document)
      return .analysed(info, graph, words: GraphStore.wordCount(bytes), bytes: bytes.count)
    } catch {
      if let claimed { releaseClaim(document: claimed) }
      return .failed(IngestFailure(path: source.path, message: "\(error)"))
    }
  }
}

/// What the analysis threads hand to the writer.
private enum Prepared: Sendable {
  case unchanged
  case claimedElsewhere
  case failed(IngestFailure)
  case analysed(DocumentInfo, KnowledgeGraph, words: Int, bytes: Int)
}

extension GraphStore {
  /// Whether two paths name the same file (relative, `./`, `..` and symbolic links resolved).
  package static func isSameFile(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    func resolved(_ path: String) -> String {
      URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
    return resolved(a) == resolved(b)
  }

  /// CPU time of the calling thread.
  package static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// White-space separated words in UTF-8 bytes.
  package static func wordCount(_ bytes: [UInt8]) -> Int {
    var words = 0
    var inWord = false
    for byte in bytes {
      let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if !isSpace && !inWord { words += 1 }
      inWord = !isSpace
    }
    return words
  }
}

/// A lock-protected value shared between ingest threads.
package final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  package init(_ value: Value) { self.value = value }
  package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
