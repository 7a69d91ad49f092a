import ArgumentParser
import DocumentModel
import Extraction
import Foundation
import GraphRendering
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph build`: text files in, graph files out.
  public struct Build: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "build",
      abstract: "Extract a graph from text files and write DOT, JSON and images.",
      discussion: """
        Reads .txt/.md files and folders (recursively), or - for standard input, and writes
        DIR/graph.json (the interchange format), DIR/graph.dot and the images asked for, plus a
        focused speakers diagram (DIR/speakers.*) and the drawing of who mentioned which country
        (DIR/who-mentioned.*) when anyone is quoted, and DIR/report.html (html: one self-contained
        page to explore the graph, see `entitygraph help report`).

        All files are made in a staging folder beside DIR and moved into DIR together once every
        one of them is written; a failed run changes nothing in DIR. Outputs of an earlier build that
        this one does not write (e.g. speakers.* when no one is quoted now) are removed, so DIR never
        mixes two runs.

        Exit codes: 0 success; 1 output written but some inputs skipped; 3 no readable input;
        4 rendering failed; 5 graph store failed; 6 missing system resource (ISO country data,
        Graphviz plugins) or output not writable (permissions, full disk).
        """)

    @Argument(help: "Text files, folders, or - for standard input.")
    var paths: [String]

    @Option(name: [.short, .long], help: "Output folder (created if missing).")
    var out: String = "output"

    @Option(
      name: .long, parsing: .upToNextOption,
      help: "Formats to write: json, dot, svg, png, pdf, html (several allowed).")
    var format: [String] = Self.defaultFormats

    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi.")
    var layout: String = "auto"

    @Option(help: "Largest input file in bytes.")
    var maxFileSize: Int = DocumentLoader.defaultMaxBytes

    @Option(help: "Seconds a single image render may take before it is abandoned.")
    var timeBudget: Double = 60

    @Option(
      help: "Also add the documents to this graph store (a SQLite file or postgres:// URL; incremental, like `ingest`)."
    )
    var db: String?

    /// What `build` writes when no --format is given.
    static let defaultFormats = ["json", "dot", "svg", "png", "html"]

    public init() {}

    public func validate() throws {
      let known: Set<String> = ["json", "dot", "svg", "png", "pdf", "html"]
      for f in format where !known.contains(f.lowercased()) {
        throw ValidationError("unknown format '\(f)'; use json, dot, svg, png, pdf or html")
      }
      if maxFileSize <= 0 { throw ValidationError("--max-file-size must be positive") }
      // NaN and infinity passed `<= 0` and crashed converting to milliseconds (issue 12).
      if !(timeBudget > 0 && timeBudget <= 86_400) {
        throw ValidationError("--time-budget must be a number of seconds above 0 and at most 86400")
      }
    }

    /// The command as it would be typed, for the report's "made with" line.
    var commandLine: String {
      var words = ["entitygraph", "build"] + paths + ["--out", out]
      if format != Self.defaultFormats { words += ["--format"] + format }
      if layout != "auto" { words += ["--layout", layout] }
      return ReportOutput.shellWords(words)
    }

    public func run() throws {
      let extractor = try Extractor.makeForCommand()
      let formats = Set(format.map { $0.lowercased() })
      // The report shows the texts and the store takes each document's graph: both need every analysis in
      // memory. Without them, the graph goes through a spool on disk (bounded memory, issue 12).
      let keepsDocuments = db != nil || formats.contains("html")
      let result =
        keepsDocuments
        ? try Corpus.analyzeForCommand(paths, extractor: extractor, maxBytes: maxFileSize, keepDocuments: true)
        : nil
      let directory = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
      // Every output is written into a staging folder beside --out (same file system) and only
      // moved into place once all of them exist, so a failed or interrupted build leaves the old
      // outputs as they were instead of a mix of new and old files (issue 12).
      let staging: BuildStaging
      do {
        staging = try BuildStaging(for: directory)
      } catch {
        Console.error("error: cannot create output folder \(out): \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      defer { staging.discard() }
      let source: GraphSource
      if let result {
        source = .memory(result)
      } else {
        let spool: GraphSpool
        do {
          spool = try GraphSpool(in: staging.folder)
        } catch {
          Console.error("error: cannot write to \(out): \(FileProblem(error))")
          throw ExitCode(ExitCodes.environment)
        }
        let read = try Corpus.spoolForCommand(paths, extractor: extractor, maxBytes: maxFileSize, into: spool)
        source = .spool(spool, failures: read.failures)
      }
      var names: [String] = []
      var totals: GraphSpool.Totals?
      var graph: KnowledgeGraph?
      do {
        if formats.contains("json") {
          let url = staging.folder.appendingPathComponent("graph.json")
          try DiagramOutput.writeAtomically(to: url) { totals = try source.writeJSON($0) }
          names.append(url.lastPathComponent)
        }
        if !formats.isDisjoint(with: BuildRendering.order.map(\.rawValue)) || totals == nil {
          graph = try source.graph()
        }
        if let graph {
          names += try BuildRendering.write(
            graph: graph, formats: formats, layout: layout, timeBudget: timeBudget, to: staging.folder
          ).map { URL(fileURLWithPath: $0).lastPathComponent }
        }
      } catch let error as BuildRendering.Failure {
        Console.error("error: \(error.message.replacingOccurrences(of: staging.folder.path, with: directory.path))")
        throw ExitCode(error.isOutputProblem ? ExitCodes.environment : ExitCodes.renderFailed)
      } catch {
        Console.error("error: cannot write to \(out): \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      source.removeFiles()
      if formats.contains("html") {
        let url = staging.folder.appendingPathComponent("report.html")
        let report = HTMLReport(
          graph: result!.graph, texts: ReportOutput.texts(of: result!.documents),
          metadata: ReportOutput.metadata(for: result!.graph, commandLine: commandLine))
        try ReportOutput.write(
          report, layout: LayoutEngine(rawValue: layout.lowercased()) ?? .auto, timeBudget: timeBudget, to: url,
          shownAs: directory.appendingPathComponent(url.lastPathComponent).path)
        names.append(url.lastPathComponent)
      }
      do {
        try staging.publish(names)
      } catch {
        Console.error("error: cannot move the outputs into \(out): \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      var written = names.map { directory.appendingPathComponent($0).path }
      if let db {
        do {
          let store = try StoreLocation.open(db, readOnly: false)
          for graph in result!.documentGraphs {
            try store.ingest(graph, for: graph.documents[0])
          }
          written.append(db)
        } catch {
          Console.error("error: graph store \(db): \(error)")
          throw ExitCode(ExitCodes.storeFailed)
        }
      }
      let counts =
        graph.map {
          GraphSpool.Totals(
            documents: $0.documents.count, entities: $0.entities.count, relations: $0.relations.count,
            quotes: $0.quotes.count)
        }
        ?? totals!
      Console.error(
        "\(counts.documents) document(s), \(counts.entities) entities, \(counts.relations) relations → "
          + written.joined(separator: ", "))
      if !source.failures.isEmpty { throw ExitCode(ExitCodes.partial) }
    }
  }
}

/// Where `build` takes the merged graph from: memory (when the documents are kept anyway) or a spool on disk.
private enum GraphSource {
  case memory(CorpusResult)
  case spool(GraphSpool, failures: [InputError])

  var failures: [InputError] {
    switch self {
    case .memory(let result): result.failures
    case .spool(_, let failures): failures
    }
  }

  func writeJSON(_ write: (Data) throws -> Void) throws -> GraphSpool.Totals {
    switch self {
    case .memory(let result):
      try result.graph.writeJSON(write)
      let g = result.graph
      return GraphSpool.Totals(
        documents: g.documents.count, entities: g.entities.count, relations: g.relations.count, quotes: g.quotes.count)
    case .spool(let spool, _):
      return try spool.writeJSON(write)
    }
  }

  func graph() throws -> KnowledgeGraph {
    switch self {
    case .memory(let result): result.graph
    case .spool(let spool, _): try spool.graph()
    }
  }

  func removeFiles() {
    if case .spool(let spool, _) = self { spool.removeFiles() }
  }
}
