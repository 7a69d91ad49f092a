import ArgumentParser
import DocumentModel
import Extraction
import Foundation
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph ingest PATH... --db FILE`: add or update documents in a graph store.
  public struct Ingest: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "ingest",
      abstract: "Add text files to a graph store, incrementally (unchanged files are skipped).",
      discussion: """
        Reads .txt/.md files and folders (recursively), or - for standard input. A file whose content \
        hash is already stored is skipped; a changed one replaces exactly its own facts. Files are \
        analysed on all cores and each is committed in its own transaction, so an interrupted ingest \
        can simply be run again. A bad file is reported and skipped. Prints a progress bar on a \
        terminal and one summary line: added / updated / unchanged / failed.

        Exit codes: 0 success; 1 some files skipped; 3 no readable input; 5 store error; \
        6 missing system resource.
        """)

    @Argument(help: "Text files, folders, or - for standard input.")
    var paths: [String]
    @OptionGroup var store: StoreOption
    @Flag(help: "Re-analyse files even when their content is unchanged.")
    var force = false
    @Option(help: "Analysis threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Largest input file in bytes.")
    var maxFileSize: Int = DocumentLoader.defaultMaxBytes

    public init() {}

    public func validate() throws {
      if store.location == nil {
        throw ValidationError("--db FILE|URL is required (or set \(StoreLocation.environmentVariable))")
      }
      if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
      if maxFileSize <= 0 { throw ValidationError("--max-file-size must be positive") }
    }

    public func run() throws {
      let files = try DocumentLoader.discoverForCommand(paths)
      let graphStore = try store.open(mustExist: false)
      let extractor = try Extractor.makeForCommand()
      let report = IngestRun.ingest(
        files, into: graphStore, extractor: extractor, jobs: jobs, force: force, maxBytes: maxFileSize,
        showProgress: Console.stderrIsTerminal)
      for failure in report.failures { Console.error("skipped: \(failure)") }
      Console.out(report.summary + "\n")
      if !report.failures.isEmpty {
        throw ExitCode(report.failures.count == files.count ? ExitCodes.noInput : ExitCodes.partial)
      }
    }
  }
}

/// Glue between the input loader, the extractor and the store's batch ingest.
enum IngestRun {
  static func ingest(
    _ files: [InputFile], into store: any GraphStoring, extractor: Extractor,
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
    maxBytes: Int = DocumentLoader.defaultMaxBytes, showProgress: Bool
  ) -> IngestReport {
    var byPath: [String: InputFile] = [:]
    for file in files { byPath[file.path] = file }
    let inputs = byPath
    let bar = showProgress ? ProgressBar(total: files.count) : nil
    var progress: (@Sendable (IngestProgress) -> Void)?
    if let bar { progress = { bar.update($0) } }
    let load: @Sendable (IngestSource) throws -> Document = { source in
      try DocumentLoader.read(inputs[source.path] ?? InputFile(path: source.path, id: source.id), maxBytes: maxBytes)
    }
    let extract: @Sendable (Document) throws -> KnowledgeGraph = { document in extractor.graph(for: document) }
    let report = store.ingest(
      files.map { IngestSource(id: $0.id, path: $0.path) }, concurrency: jobs, force: force, load: load,
      extract: extract, progress: progress)
    bar?.finish()
    return report
  }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let lock = NSLock()
  private var lastDraw = Date.distantPast
  private var lastProgress: IngestProgress?

  init(total: Int) { self.total = total }

  func update(_ progress: IngestProgress) {
    lock.lock()
    defer { lock.unlock() }
    lastProgress = progress
    let now = Date()
    if now.timeIntervalSince(lastDraw) < 0.1 && progress.done < total { return }
    lastDraw = now
    draw(progress)
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if let lastProgress { draw(lastProgress) }
    FileHandle.standardError.write(Data("\n".utf8))
  }

  private func draw(_ p: IngestProgress) {
    let width = 30
    let filled = total == 0 ? width : p.done * width / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line =
      "\r[\(bar)] \(p.done)/\(total)  added \(p.added)  updated \(p.updated)  unchanged \(p.unchanged)  failed \(p.failed)"
    FileHandle.standardError.write(Data(line.utf8))
  }
}
