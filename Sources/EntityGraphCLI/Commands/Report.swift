import ArgumentParser
import DocumentModel
import Extraction
import Foundation
import GraphRendering
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph report`: one self-contained HTML file to explore a graph in a browser.
  public struct Report: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write one self-contained HTML report to explore the graph in a browser.",
      discussion: """
        The report holds the diagram laid out by Graphviz (pan, zoom, click a node or an edge, filters, \
        search), who mentioned which country (a table and a drawing), the quotes of each speaker, and each \
        document's text with its mentions and quotes marked. Every style and script is inline and the page \
        loads nothing from the network. Graphs of more than 300 entities open on a focused view.

        With --db or --graph, the texts are read from the documents' paths when the files are still there \
        and unchanged (same SHA-256), up to --max-text-bytes in all; documents without a text show their \
        mention and evidence snippets only.

        Examples:
          entitygraph report seeds -o report.html
          entitygraph report --db graph.sqlite -o report.html
          entitygraph report --graph output/graph.json -o report.html

        Exit codes: 0 success; 1 written, but some inputs skipped; 3 no readable input; 4 rendering failed; \
        5 graph store failed; 6 output not writable or a system resource missing; 64 invalid arguments.
        """)

    @Argument(help: "Text files, folders, or - for standard input.")
    var paths: [String] = []

    @OptionGroup var store: StoreOption

    @Option(help: "Read the graph from a graph JSON file (as `build` writes it) instead.")
    var graph: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "The HTML file to write.")
    var output: String

    @Option(help: "Layout engine for the diagram: auto, dot, neato, fdp, sfdp, circo, twopi.")
    var layout: LayoutEngine = .auto

    @Option(help: "Seconds one diagram's layout may take before it is abandoned.")
    var timeBudget: Double = 60

    @Option(help: "Largest input file in bytes.")
    var maxFileSize: Int = DocumentLoader.defaultMaxBytes

    @Option(help: "With --db or --graph: the most bytes of document text to embed.")
    var maxTextBytes: Int = ReportOutput.defaultMaxTextBytes

    public init() {}

    public func validate() throws {
      let sources = [!paths.isEmpty, store.db != nil, graph != nil].filter { $0 }.count
      if sources > 1 { throw ValidationError("give one of PATH..., --db FILE or --graph FILE") }
      if sources == 0 && StoreLocation.fromEnvironment == nil {
        throw ValidationError("give text files to analyse, --db FILE|URL or --graph FILE")
      }
      if maxTextBytes < 0 { throw ValidationError("--max-text-bytes must not be negative") }
      if output.isEmpty { throw ValidationError("-o needs a file name") }
      if !(timeBudget > 0 && timeBudget <= 86_400) {
        throw ValidationError("--time-budget must be a number of seconds above 0")
      }
      if maxFileSize <= 0 { throw ValidationError("--max-file-size must be positive") }
    }

    /// The command as it would be typed, for the page's "made with" line.
    var commandLine: String {
      var words = ["entitygraph", "report"] + paths
      if let db = store.db { words += ["--db", db] }
      if let graph { words += ["--graph", graph] }
      words += ["-o", output]
      if layout != .auto { words += ["--layout", layout.rawValue] }
      return ReportOutput.shellWords(words)
    }

    public func run() throws {
      var graph: KnowledgeGraph
      var texts: [String: String] = [:]
      var skipped = false
      if let db = paths.isEmpty && self.graph == nil ? store.location : nil {
        let graphStore = try store.open()
        graph = try withStoreErrors { try graphStore.loadGraph() }
        if graph.documents.isEmpty {
          Console.error("error: \(db): the store holds no documents")
          throw ExitCode(ExitCodes.noInput)
        }
        texts = ReportOutput.texts(readingPathsOf: graph, maxBytes: maxTextBytes)
      } else if let path = self.graph {
        do {
          graph = try KnowledgeGraph(jsonData: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
          Console.error("error: \(path): not a readable graph JSON file: \(EntityGraphCommand.Render.reason(error))")
          throw ExitCode(ExitCodes.noInput)
        }
        texts = ReportOutput.texts(readingPathsOf: graph, maxBytes: maxTextBytes)
      } else {
        let extractor = try Extractor.makeForCommand()
        let result = try Corpus.analyzeForCommand(
          paths, extractor: extractor, maxBytes: maxFileSize, keepDocuments: true)
        graph = result.graph
        texts = ReportOutput.texts(of: result.documents)
        skipped = !result.failures.isEmpty
      }
      let report = HTMLReport(
        graph: graph, texts: texts,
        metadata: ReportOutput.metadata(for: graph, commandLine: commandLine))
      try ReportOutput.write(report, layout: layout, timeBudget: timeBudget, to: URL(fileURLWithPath: output))
      Console.error(
        "\(graph.documents.count) document(s), \(graph.entities.count) entities, \(graph.relations.count) relations → \(output)"
      )
      if skipped { throw ExitCode(ExitCodes.partial) }
    }
  }
}

/// What `report` and `build` share: the page's metadata, the texts, and writing the file.
enum ReportOutput {
  /// The most text `report --db/--graph` embeds unless told otherwise: about 2,500 articles. The texts of a
  /// 10,000-article store (~16 MB of the generated benchmark corpus) made the page take over 3 s to open.
  static let defaultMaxTextBytes = 4_000_000

  /// The texts of the graph's documents read from their paths, for those whose file is still there and
  /// has the SHA-256 the graph lists, in document order until `maxBytes` are used.
  static func texts(readingPathsOf graph: KnowledgeGraph, maxBytes: Int) -> [String: String] {
    var texts: [String: String] = [:]
    var used = 0
    for info in graph.documents where !info.path.isEmpty && info.path != "-" && !info.sha256.isEmpty {
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: info.path)), used + data.count <= maxBytes,
        let text = try? DocumentLoader.decode(data, path: info.path),
        SHA256.hex(of: text.utf8) == info.sha256
      else { continue }
      texts[info.id] = text
      used += data.count
    }
    return texts
  }

  /// The texts of analysed documents by document id.
  static func texts(of documents: [AnalyzedDocument]) -> [String: String] {
    Dictionary(documents.map { ($0.document.id, $0.document.text) }, uniquingKeysWith: { first, _ in first })
  }

  static func metadata(for graph: KnowledgeGraph, commandLine: String) -> HTMLReport.Metadata {
    let title = graph.documents.count == 1 ? graph.documents[0].id : "\(graph.documents.count) documents"
    let version = EntityGraphCommand.configuration.version
    return HTMLReport.Metadata(title: title, toolVersion: "entitygraph \(version)", commandLine: commandLine)
  }

  /// Lays out the report's diagrams and writes the page atomically; errors go to stderr as exit codes.
  /// `shownAs` is the path named in messages when `url` is a staging file (`build`).
  static func write(
    _ report: HTMLReport, layout: LayoutEngine, timeBudget: Double, to url: URL, shownAs: String? = nil
  ) throws {
    let shown = shownAs ?? url.path
    let html: String
    do {
      html = try report.htmlText(layout: layout, timeBudget: .milliseconds(Int64((timeBudget * 1_000).rounded(.up))))
    } catch let error as RenderingError {
      Console.error("error: \(shown): \(error)")
      throw ExitCode(
        error.code == .pluginsMissing || error.code == .contextUnavailable
          ? ExitCodes.environment : ExitCodes.renderFailed)
    } catch {
      Console.error("error: \(shown): cannot encode the report's data: \(error)")
      throw ExitCode(ExitCodes.renderFailed)
    }
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try DiagramOutput.writeAtomically(Data(html.utf8), to: url)
    } catch {
      Console.error("error: \(shown): cannot write: \(FileProblem(error))")
      throw ExitCode(ExitCodes.environment)
    }
  }

  /// Words joined with spaces, each quoted for a POSIX shell when it needs it.
  static func shellWords(_ words: [String]) -> String {
    words.map { word in
      let plain =
        !word.isEmpty
        && word.unicodeScalars.allSatisfy {
          CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0)
        }
      return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
  }
}
