import ArgumentParser
import DocumentModel
import Foundation
import GraphRendering
import GraphStore

extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}

extension EntityGraphCommand {
  /// `entitygraph render`: draws a graph (JSON or DOT) as SVG, PNG, PDF or DOT.
  public struct Render: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "render",
      abstract: "Draw a graph (graph JSON or DOT) as SVG, PNG, PDF or DOT with Graphviz, in-process.",
      discussion: """
        A JSON input is drawn with entity kinds styled and a legend; --focus, --kinds,
        --min-confidence and --speakers select part of it first. A DOT input is laid out as it is.
        With --format dot, a JSON input gives the diagram's DOT text and a DOT input gives DOT with
        the layout's positions. The output file is replaced atomically (never half-written).

        Examples:
          entitygraph render output/graph.json --format svg -o graph.svg
          entitygraph render output/graph.json --focus "Jane Doe" --depth 1 --format png -o jane.png
          entitygraph render output/graph.json --speakers --kinds person,country --format svg -o who.svg
          entitygraph render big.dot --layout sfdp --time-budget 30 --format pdf -o big.pdf
          entitygraph render --db output/graph.sqlite --focus "Jane Doe" --kinds person,country --format svg -o jane.svg

        Exit codes: 0 success; 3 the input cannot be read or nothing matches --focus;
        4 rendering failed (layout error, time budget); 6 Graphviz plugins missing or output not writable;
        64 invalid arguments.
        """)

    @Argument(help: "The graph to draw: a graph JSON file (.json) or a DOT file (.dot, .gv).")
    var input: String?

    @Option(
      help: """
        Draw from a graph store (made by `entitygraph ingest`): a SQLite file or postgres://USER@HOST:PORT/DB \
        (default when no graph file is given: $ENTITYGRAPH_DB).
        """)
    var db: String?

    /// `--db`, else `$ENTITYGRAPH_DB` when no graph file is given.
    var storeLocation: String? { db ?? (input == nil ? StoreLocation.fromEnvironment : nil) }

    @Option(help: "Output format: svg, png, pdf or dot.")
    var format: OutputFormat = .svg

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write.")
    var output: String

    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi (auto picks by size).")
    var layout: LayoutEngine = .auto

    @Option(help: "Draw only the neighbourhood of the entity with this name or alias (case and accents ignored).")
    var focus: String?

    @Option(help: "How many relation steps around --focus to include.")
    var depth: Int = 1

    @Option(help: "Comma-separated entity kinds to draw: person, organization, country, location, event.")
    var kinds: String?

    @Option(help: "Leave out entities and relations with a lower confidence (0 to 1).")
    var minConfidence: Double = 0

    @Flag(help: "Draw only speakers and what they mentioned.")
    var speakers = false

    @Option(help: "A title drawn above the diagram.")
    var title: String?

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "Seconds the layout may take before it is abandoned (it then runs in a child process).")
    var timeBudget: Double?

    public init() {}

    /// The entity kinds named by `--kinds`, or `nil` for all.
    var kindSet: Set<EntityKind>? {
      get throws {
        guard let kinds else { return nil }
        var set: Set<EntityKind> = []
        for word in kinds.split(separator: ",") {
          let name = word.trimmingCharacters(in: .whitespaces).lowercased()
          guard let kind = EntityKind(rawValue: name) else {
            throw ValidationError(
              "unknown kind '\(name)' in --kinds; use \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
          }
          set.insert(kind)
        }
        return set
      }
    }

    var selectsPartOfGraph: Bool {
      focus != nil || kinds != nil || minConfidence > 0 || speakers || title != nil || noLegend
    }

    public func validate() throws {
      if input != nil && db != nil { throw ValidationError("give a graph file or --db FILE, not both") }
      guard let input = input ?? storeLocation else {
        throw ValidationError("give the graph to draw: a .json or .dot file, or --db FILE")
      }
      if depth < 0 { throw ValidationError("--depth must be 0 or more") }
      if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
      if let timeBudget, !(timeBudget > 0 && timeBudget <= 86_400) {
        throw ValidationError("--time-budget must be a number of seconds above 0")
      }
      _ = try kindSet
      if Self.isDOTPath(input) && selectsPartOfGraph {
        throw ValidationError(
          "--focus, --kinds, --min-confidence, --speakers, --title and --no-legend need a graph JSON input, not DOT")
      }
      if output.isEmpty { throw ValidationError("-o needs a file name") }
    }

    public func run() throws {
      let source = try loadSource()
      let data: Data
      do {
        data = try draw(source)
      } catch let error as RenderingError {
        Console.error("error: \(input ?? ""): \(error)")
        throw ExitCode(
          error.code == .pluginsMissing || error.code == .contextUnavailable
            ? ExitCodes.environment : ExitCodes.renderFailed)
      }
      do {
        try DiagramOutput.writeAtomically(data, to: URL(fileURLWithPath: output))
      } catch {
        Console.error("error: \(error)")  // RenderingError: path, reason and [write-failed]
        throw ExitCode(ExitCodes.environment)
      }
    }

    // MARK: - Input

    /// What a render starts from. New inputs (e.g. a graph store) add a case and a loader.
    enum Source {
      /// A graph to select from and draw with the DOT writer.
      case graph(KnowledgeGraph)
      /// DOT text to lay out as it is.
      case dot(String)
    }

    static func isDOTPath(_ path: String) -> Bool {
      ["dot", "gv"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    func loadSource() throws -> Source {
      if let db = storeLocation { return .graph(try storeGraph(db)) }
      let path = input ?? ""
      let bytes: Data
      do {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw failure("\(path): cannot read: \(FileProblem(error))", ExitCodes.noInput)
      }
      guard let text = String(data: bytes, encoding: .utf8) else {
        throw failure("\(path): not UTF-8 text [invalid-utf8]", ExitCodes.noInput)
      }
      let looksLikeJSON = text.drop { $0.isWhitespace }.first == "{"
      if Self.isDOTPath(path) || !looksLikeJSON {
        return .dot(text)
      }
      do {
        return .graph(try KnowledgeGraph(jsonData: bytes))
      } catch {
        throw failure("\(path): not a graph JSON file: \(Self.reason(error)) [bad-graph-json]", ExitCodes.noInput)
      }
    }

    /// The part of a graph store around --focus (or all of it), through the store's own queries.
    func storeGraph(_ path: String) throws -> KnowledgeGraph {
      guard StoreLocation.isPostgres(path) || FileManager.default.fileExists(atPath: path) else {
        throw failure(
          "\(path): no graph store; create it with `entitygraph ingest PATH... --db \(path)`", ExitCodes.storeFailed)
      }
      do {
        let store = try StoreLocation.open(path, readOnly: true)
        if let focus {
          return try store.subgraph(focus: focus, depth: depth, kinds: try kindSet, minConfidence: minConfidence)
        }
        return try store.loadGraph(minConfidence: minConfidence)
      } catch let error as StoreError {
        let code =
          error.code == .unknownEntity || error.code == .ambiguousEntity ? ExitCodes.noInput : ExitCodes.storeFailed
        throw failure("\(path): \(error)", code)
      }
    }

    // MARK: - Drawing

    func draw(_ source: Source) throws -> Data {
      let budget = timeBudget.map { Duration.milliseconds(Int64(($0 * 1_000).rounded(.up))) }
      switch source {
      case .dot(let text):
        return try GraphvizRenderer.render(dot: text, format: format, layout: layout, timeBudget: budget)
      case .graph(let graph):
        var options = try writerOptions()
        let selected = try selectedGraph(graph)
        if options.title == nil, let focus {
          let names = entityIDs(matching: focus, in: selected).compactMap { selected.entity($0)?.name }
          options.title = "Around \(names.joined(separator: ", ")) (\(depth) step\(depth == 1 ? "" : "s"))"
        }
        let dot = DOTWriter(options: options).dotText(for: selected)
        if format == .dot { return Data(dot.utf8) }
        return try GraphvizRenderer.render(dot: dot, format: format, layout: layout, timeBudget: budget)
      }
    }

    func writerOptions() throws -> DOTWriter.Options {
      DOTWriter.Options(
        title: title, showsLegend: !noLegend, kinds: try kindSet, minConfidence: minConfidence)
    }

    /// The part of `graph` chosen by --speakers and --focus (kinds and confidence are applied by
    /// the writer).
    func selectedGraph(_ graph: KnowledgeGraph) throws -> KnowledgeGraph {
      var selected = speakers ? speakersGraph(graph) : graph
      if let focus, storeLocation == nil {
        // Focus within the kinds asked for, so --depth counts steps through drawn entities.
        selected = filteredGraph(selected, kinds: try kindSet, minConfidence: minConfidence)
        let ids = entityIDs(matching: focus, in: selected)
        if ids.isEmpty {
          throw failure(
            "\(input ?? ""): no entity named '\(focus)' (names and aliases are searched)", ExitCodes.noInput)
        }
        selected = focusedGraph(selected, on: ids, depth: depth)
      }
      return selected
    }

    /// Prints `message` to standard error and returns the exit code to throw.
    private func failure(_ message: String, _ code: Int32) -> ExitCode {
      Console.error("error: \(message)")
      return ExitCode(code)
    }

    static func reason(_ error: any Error) -> String {
      if let decoding = error as? DecodingError {
        switch decoding {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
          .valueNotFound(_, let context):
          let path = context.codingPath.map(\.stringValue).joined(separator: ".")
          return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
          return "\(error)"
        }
      }
      return (error as NSError).localizedDescription
    }
  }
}
