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
  /// Unreadable inputs are collected in ``CorpusResult/failures``; the rest are processed. With
  /// `makesGraphs` false no graph is built or merged (``CorpusResult/graph`` stays empty), for a caller that
  /// reads only the kept documents.
  ///
  /// - Throws: ``InputError`` from discovery (a missing path, an empty folder).
  public static func analyze(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes,
    keepDocuments: Bool = false, makesGraphs: Bool = true
  ) throws -> CorpusResult {
    let files = try DocumentLoader.discover(paths)
    let results = Mutex<[Int: Result<AnalyzedDocument, InputError>]>([:])
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let outcome: Result<AnalyzedDocument, InputError>
      do {
        let document = try DocumentLoader.read(files[i], maxBytes: maxBytes)
        outcome = .success(extractor.analyze(document))
      } catch let error as InputError {
        outcome = .failure(error)
      } catch {
        outcome = .failure(InputError(.unreadable, path: files[i].path, "\(error)"))
      }
      results.withLock { $0[i] = outcome }
    }
    var graph = KnowledgeGraph()
    var documents: [AnalyzedDocument] = []
    var documentGraphs: [KnowledgeGraph] = []
    var failures: [InputError] = []
    // Taken out one by one, so each analysis is freed once its graph is merged (unless it is kept).
    var all = results.withLock { held in
      defer { held = [:] }
      return held
    }
    for i in files.indices {
      switch all.removeValue(forKey: i)! {
      case .success(let analyzed) where !makesGraphs:
        if keepDocuments { documents.append(analyzed) }
      case .success(let analyzed):
        let documentGraph = analyzed.makeGraph()
        graph.merge(documentGraph)
        if keepDocuments {
          documents.append(analyzed)
          documentGraphs.append(documentGraph)
        }
      case .failure(let error):
        failures.append(error)
      }
    }
    return CorpusResult(graph: graph, documents: documents, documentGraphs: documentGraphs, failures: failures)
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
  /// ``analyze(_:extractor:maxBytes:keepDocuments:)`` for a command: discovery errors and skipped files
  /// go to stderr, and the command exits with ``ExitCodes/noInput`` when nothing could be read.
  static func analyzeForCommand(
    _ paths: [String], extractor: Extractor, maxBytes: Int = DocumentLoader.defaultMaxBytes,
    keepDocuments: Bool = false, makesGraphs: Bool = true
  ) throws -> CorpusResult {
    let result: CorpusResult
    do {
      result = try analyze(
        paths, extractor: extractor, maxBytes: maxBytes, keepDocuments: keepDocuments, makesGraphs: makesGraphs)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitCodes.noInput)
    }
    for failure in result.failures { Console.error("skipped: \(failure)") }
    if result.graph.documents.isEmpty && result.documents.isEmpty {
      Console.error("error: none of the inputs could be read; nothing written")
      throw ExitCode(ExitCodes.noInput)
    }
    return result
  }
}
