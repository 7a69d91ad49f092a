import ArgumentParser
import DocumentModel
import Extraction
import Foundation

/// The result of reading and analysing a set of inputs.
public struct CorpusResult: Sendable {
  /// The merged graph of every document that could be read.
  public var graph: KnowledgeGraph
  /// Per-document analyses, in input order (only those that could be read; empty unless kept).
  public var documents: [AnalyzedDocument]
  /// The graph of each of ``documents``, in the same order: built once for the merge and kept for a
  /// store, so `build --db` does not build every graph a second time.
  public var documentGraphs: [KnowledgeGraph] = []
  /// Inputs that could not be read, with the reason.
  public var failures: [InputError]
}

/// Reads inputs and runs the extractor on all cores.
public enum Corpus {
  /// Discovers, reads and analyses `paths`, merging the graphs in a deterministic (path) order.
  ///
  /// Unreadable inputs are collected in ``CorpusResult/failures``; the rest are processed.
  ///
  /// - Throws: ``InputError`` from discovery (a missing path, an empty folder).
  public static func analyze(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes,
    keepDocuments: Bool = false
  ) throws -> CorpusResult {
    typealias Analysis = (analyzed: AnalyzedDocument?, graph: KnowledgeGraph)
    let files = try DocumentLoader.discover(paths)
    let segmentLength = extractor.pipeline.segmentLength
    var graph = KnowledgeGraph()
    var documents: [AnalyzedDocument] = []
    var documentGraphs: [KnowledgeGraph] = []
    var failures: [InputError] = []
    read(files, maxBytes: maxBytes) { document -> Analysis in
      if document.length <= segmentLength {
        let analyzed = extractor.analyze(document)
        return (keepDocuments ? analyzed : nil, analyzed.makeGraph())
      }
      // A long document's graph is its segments' graphs merged, as `build` spools it (`Extractor.graph(for:)`);
      // its analysis is made again only when it is kept.
      return (keepDocuments ? extractor.analyze(document) : nil, extractor.graph(for: document))
    } consume: { outcome in
      switch outcome {
      case .success(let analysis):
        if let analyzed = analysis.analyzed { documents.append(analyzed) }
        documentGraphs.append(analysis.graph)
      case .failure(let error):
        failures.append(error)
      }
    }
    // One merge of all the documents' graphs, not one per document over the growing graph.
    graph.merge(contentsOf: documentGraphs)
    if !keepDocuments { documentGraphs = [] }
    return CorpusResult(graph: graph, documents: documents, documentGraphs: documentGraphs, failures: failures)
  }
}

extension Corpus {
  /// What ``spool(_:extractor:maxBytes:into:)`` read.
  public struct SpoolResult: Sendable {
    /// How many documents were analysed into the spool.
    public var documents: Int
    /// Inputs that could not be read, with the reason.
    public var failures: [InputError]
  }

  /// Files analysed at once by ``spool(_:extractor:maxBytes:into:)``: enough to keep every core busy, few enough
  /// that their graphs are small.
  static let spoolWindow = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)

  /// Discovers, reads and analyses `paths` like ``analyze(_:extractor:maxBytes:keepDocuments:)``, but
  /// hands each document's graph to `spool` in path order as soon as it is built, instead of merging them all in
  /// memory: a few files are analysed at once on all cores, and a document longer than a segment is analysed
  /// segment by segment, each segment's graph spooled before the next is made. Memory stays that of a few
  /// documents or one segment, whatever the size of the input (issue 12).
  ///
  /// - Throws: ``InputError`` from discovery; the spool's error when it cannot write its files.
  public static func spool(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes, into spool: GraphSpool
  ) throws -> SpoolResult {
    enum Outcome: Sendable {
      case graph(KnowledgeGraph)
      case long(Document)
    }
    let files = try DocumentLoader.discover(paths)
    let segmentLength = extractor.pipeline.segmentLength
    var result = SpoolResult(documents: 0, failures: [])
    var first = 0
    while first < files.count {
      let window = Array(files[first..<min(files.count, first + spoolWindow)])
      first += window.count
      try read(window, maxBytes: maxBytes) { document -> Outcome in
        document.length > segmentLength ? .long(document) : .graph(extractor.graph(for: document))
      } consume: { outcome in
        switch outcome {
        case .success(.graph(let graph)):
          try spool.add(graph)
          result.documents += 1
        case .success(.long(let document)):
          try extractor.graphs(of: document) { try spool.add($0) }
          result.documents += 1
        case .failure(let error):
          result.failures.append(error)
        }
      }
    }
    return result
  }

  /// Reads `files` and runs `work` on each document, on all cores, then hands the outcomes to `consume` in file
  /// order, each taken out of the list first, so it is freed once consumed (an unreadable file is its error).
  static func read<T: Sendable>(
    _ files: [InputFile], maxBytes: Int, _ work: @Sendable (Document) -> T,
    consume: (Result<T, InputError>) throws -> Void
  ) rethrows {
    let results = Mutex<[Int: Result<T, InputError>]>([:])
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let outcome: Result<T, InputError>
      do {
        outcome = .success(work(try DocumentLoader.read(files[i], maxBytes: maxBytes)))
      } catch let error as InputError {
        outcome = .failure(error)
      } catch {
        outcome = .failure(InputError(.unreadable, path: files[i].path, "\(error)"))
      }
      results.withLock { $0[i] = outcome }
    }
    var all = results.withLock { held in
      defer { held = [:] }
      return held
    }
    for i in files.indices { try consume(all.removeValue(forKey: i)!) }
  }

  /// ``spool(_:extractor:maxBytes:into:)`` for a command, reporting like
  /// ``analyzeForCommand(_:extractor:maxBytes:keepDocuments:)``; a spool that cannot write its files
  /// is an output problem (``ExitCodes/environment``).
  static func spoolForCommand(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes, into spool: GraphSpool
  ) throws -> SpoolResult {
    let result: SpoolResult
    do {
      result = try Self.spool(paths, extractor: extractor, maxBytes: maxBytes, into: spool)
    } catch let error as InputError {
      Console.error("error: \(error)")
      throw ExitCode(ExitCodes.noInput)
    } catch {
      Console.error("error: cannot write the graph's temporary files in \(spool.folder.path): \(FileProblem(error))")
      throw ExitCode(ExitCodes.environment)
    }
    try report(failures: result.failures, nothingRead: result.documents == 0)
    return result
  }

  /// Prints the skipped inputs, and fails with ``ExitCodes/noInput`` when nothing could be read.
  static func report(failures: [InputError], nothingRead: Bool) throws {
    for failure in failures { Console.error("skipped: \(failure)") }
    if nothingRead {
      Console.error("error: none of the inputs could be read; nothing written")
      throw ExitCode(ExitCodes.noInput)
    }
  }
}

/// A minimal lock-protected value (Synchronization's `Mutex` needs newer deployment targets on macOS).
final class Mutex<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  init(_ value: Value) { self.value = value }
  func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}

// MARK: - Command helpers

extension DocumentLoader {
  /// ``discover(_:)`` for a command: a missing path or an empty folder goes to stderr and the command exits with
  /// ``ExitCodes/noInput``.
  static func discoverForCommand(_ paths: [String]) throws -> [InputFile] {
    do {
      return try discover(paths)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitCodes.noInput)
    }
  }
}

extension Extractor {
  /// The default extractor for a command: on failure the reason goes to stderr and the command exits
  /// with ``ExitCodes/environment`` (a missing model, gazetteer or ISO country data).
  static func makeForCommand() throws -> Extractor {
    do {
      return try Extractor()
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitCodes.environment)
    }
  }
}

extension Corpus {
  /// What ``mapForCommand(_:extractor:maxBytes:_:)`` made.
  struct MapResult<Output: Sendable>: Sendable {
    /// What `render` returned for each document that could be read, in input order.
    var outputs: [Output]
    /// Inputs that could not be read, with the reason.
    var failures: [InputError]
  }

  /// Discovers, reads and analyses `paths` on all cores, handing each analysis to `render` as soon as it is made
  /// and keeping only what `render` returns, in input order: for a command that prints something per document
  /// and needs neither graphs nor the analyses afterwards (`mentions`). Reports like
  /// ``analyzeForCommand(_:extractor:maxBytes:keepDocuments:)``.
  static func mapForCommand<Output: Sendable>(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes,
    _ render: @Sendable (AnalyzedDocument) -> Output
  ) throws -> MapResult<Output> {
    let files = try DocumentLoader.discoverForCommand(paths)
    var result = MapResult<Output>(outputs: [], failures: [])
    read(files, maxBytes: maxBytes) {
      render(extractor.analyze($0))
    } consume: { outcome in
      switch outcome {
      case .success(let output): result.outputs.append(output)
      case .failure(let error): result.failures.append(error)
      }
    }
    try report(failures: result.failures, nothingRead: result.outputs.isEmpty)
    return result
  }

  /// ``analyze(_:extractor:maxBytes:keepDocuments:)`` for a command: discovery errors and skipped files
  /// go to stderr, and the command exits with ``ExitCodes/noInput`` when nothing could be read.
  static func analyzeForCommand(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes,
    keepDocuments: Bool = false
  ) throws -> CorpusResult {
    let result: CorpusResult
    do {
      result = try analyze(paths, extractor: extractor, maxBytes: maxBytes, keepDocuments: keepDocuments)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitCodes.noInput)
    }
    try report(failures: result.failures, nothingRead: result.graph.documents.isEmpty)
    return result
  }
}
