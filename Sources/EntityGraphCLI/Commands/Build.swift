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
      abstract: "Extract a graph from text files and write DOT, JSON and images.",
      discussion: """
        Reads .txt/.md files and folders (recursively), or - for standard input, and writes
        DIR/graph.json (the interchange format), DIR/graph.dot and the images asked for, plus a
        focused speakers diagram (DIR/speakers.*) and the drawing of who mentioned which country
        (DIR/who-mentioned.*) when anyone is quoted, and DIR/report.html (html: one self-contained
        page to explore the graph, see `entitygraph help report`).

        Exit codes: 0 success; 1 output written but some inputs skipped; 3 no readable input;
        4 rendering failed; 5 graph store failed; 6 missing system resource (ISO country data,
        Graphviz plugins).
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
      help: "Also add the documents to this graph store (a SQLite file or postgres:// URL; incremental, like `ingest`).")
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
      let result = try Corpus.analyzeForCommand(
        paths, extractor: extractor, maxBytes: maxFileSize, keepDocuments: db != nil || formats.contains("html"))
      let directory = URL(fileURLWithPath: out, isDirectory: true)
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      } catch {
        Console.error("error: cannot create output folder \(out): \(error.localizedDescription)")
        throw ExitCode(ExitCodes.environment)
      }
      var written: [String] = []
      do {
        if formats.contains("json") {
          let url = directory.appendingPathComponent("graph.json")
          try result.graph.jsonData().write(to: url, options: .atomic)
          written.append(url.path)
        }
        written += try BuildRendering.write(
          graph: result.graph, formats: formats, layout: layout, timeBudget: timeBudget, to: directory)
      } catch let error as BuildRendering.Failure {
        Console.error("error: \(error.message)")
        throw ExitCode(ExitCodes.renderFailed)
      } catch {
        Console.error("error: cannot write to \(out): \(error)")
        throw ExitCode(ExitCodes.environment)
      }
      if formats.contains("html") {
        let url = directory.appendingPathComponent("report.html")
        let report = HTMLReport(
          graph: result.graph, texts: ReportOutput.texts(of: result.documents),
          metadata: ReportOutput.metadata(for: result.graph, commandLine: commandLine))
        try ReportOutput.write(
          report, layout: LayoutEngine(rawValue: layout.lowercased()) ?? .auto, timeBudget: timeBudget, to: url)
        written.append(url.path)
      }
      if let db {
        do {
          let store = try StoreLocation.open(db, readOnly: false)
          for analyzed in result.documents {
            let graph = analyzed.makeGraph()
            try store.ingest(graph, for: graph.documents[0])
          }
          written.append(db)
        } catch {
          Console.error("error: graph store \(db): \(error)")
          throw ExitCode(ExitCodes.storeFailed)
        }
      }
      let g = result.graph
      Console.error(
        "\(g.documents.count) document(s), \(g.entities.count) entities, \(g.relations.count) relations → "
          + written.joined(separator: ", "))
      if !result.failures.isEmpty { throw ExitCode(ExitCodes.partial) }
    }
  }
}
