import ArgumentParser
import DocumentModel
import Extraction
import Foundation

extension EntityGraphCommand {
  /// `entitygraph quotes`: who said what, one record per quote.
  public struct Quotes: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "quotes",
      abstract: "Who said what: every attributed quote, partial quote, reported clause and interview turn.",
      discussion: """
        Reads text files and folders (analysed on the fly) or a store (--db FILE, made by `entitygraph \
        ingest`). Every record has the quoted words with their code point offsets (quote marks excluded), \
        its kind (direct, partial, indirect, turn, embedded), the speaker entity (empty when the text names \
        no resolvable speaker, as in "officials said"), the words naming the speaker and the cue, the \
        entities named inside the quote, a confidence, and the rule that attributed it. The JSON shape is \
        the `quotes` list of graph.json.

        Exit codes: 0 success; 1 some inputs skipped; 3 no readable input; 5 store error; 6 missing \
        system resource.
        """)

    @Argument(help: "Text files or folders to analyse instead of a store.")
    var paths: [String] = []
    @OptionGroup var store: StoreOption
    @Option(help: "Only quotes whose speaker's name or alias contains this text (any case), or with this id.")
    var speaker: String?
    @Option(help: "Only quotes of this kind: direct, partial, indirect, turn or embedded.")
    var kind: String?
    @Option(help: "Output format: table, json, jsonl or csv.")
    var format: String = "table"

    public init() {}

    public func validate() throws {
      try store.validate(orPaths: paths)
      if let kind, QuoteRecord.Kind(rawValue: kind) == nil {
        throw ValidationError(
          "unknown kind '\(kind)'; use \(QuoteRecord.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      if !["table", "json", "jsonl", "csv"].contains(format) {
        throw ValidationError("unknown format '\(format)'; use table, json, jsonl or csv")
      }
    }

    public func run() throws {
      let graph: KnowledgeGraph
      var partial = false
      if paths.isEmpty {
        let graphStore = try store.open()
        graph = try withStoreErrors { try graphStore.loadGraph() }
      } else {
        let extractor: Extractor
        do {
          extractor = try Extractor.makeForCommand()
        } catch {
          Console.error("error: \(error)")
          throw ExitCode(ExitCodes.environment)
        }
        let result = try Corpus.analyzeForCommand(paths, extractor: extractor)
        graph = result.graph
        partial = !result.failures.isEmpty
      }
      let records = QuoteSelection(speaker: speaker, kind: kind.flatMap(QuoteRecord.Kind.init(rawValue:))).select(graph)
      Console.out(QuoteOutput.render(records, graph: graph, format: format))
      if partial { throw ExitCode(ExitCodes.partial) }
    }
  }
}

/// Which quote records a `quotes` command prints.
struct QuoteSelection {
  var speaker: String?
  var kind: QuoteRecord.Kind?

  /// The records of `graph` that pass the filters, in the graph's order.
  func select(_ graph: KnowledgeGraph) -> [QuoteRecord] {
    var speakers: Set<EntityID>?
    if let speaker {
      let needle = speaker.lowercased()
      speakers = Set(
        graph.entities.filter { e in
          e.id.rawValue == speaker || e.name.lowercased().contains(needle)
            || e.aliases.contains { $0.lowercased().contains(needle) }
        }.map(\.id))
    }
    return graph.quotes.filter { q in
      if let kind, q.kind != kind { return false }
      if let speakers { return q.speaker.map(speakers.contains) ?? false }
      return true
    }
  }
}

/// Formats quote records as a table, JSON, JSON Lines or CSV.
enum QuoteOutput {
  static func render(_ records: [QuoteRecord], graph: KnowledgeGraph, format: String) -> String {
    func name(_ id: EntityID?) -> String { id.flatMap { graph.entity($0)?.name } ?? "" }
    switch format {
    case "json":
      return QueryOutput.json(records)
    case "jsonl":
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      return records.map { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) + "\n" }.joined()
    case "csv":
      return QueryOutput.csv(
        header: [
          "id", "doc", "start", "end", "kind", "speaker_id", "speaker", "speaker_mention", "cue", "embedded_in",
          "mentions", "confidence", "source", "text",
        ],
        records.map {
          [
            $0.id, $0.doc, String($0.start), String($0.end), $0.kind.rawValue, $0.speaker?.rawValue ?? "",
            name($0.speaker), $0.speakerMention?.text ?? "", $0.cue?.text ?? "", $0.embeddedIn ?? "",
            $0.mentions.map(\.rawValue).joined(separator: ";"), QueryOutput.number($0.confidence), $0.source, $0.text,
          ]
        })
    default:
      if records.isEmpty { return "(no quotes)\n" }
      return TextTable(
        header: ["SPEAKER", "KIND", "DOC", "AT", "QUOTE", "MENTIONS"], widths: [26, 8, 20, 7, 60, 30], rightAligned: [3]
      ).render(
        records.map {
          [
            $0.speaker.map { name($0) } ?? ($0.speakerMention.map { "(\($0.text))" } ?? "(unknown)"), $0.kind.rawValue,
            $0.doc, String($0.start), $0.text,
            $0.mentions.map { name($0).isEmpty ? $0.rawValue : name($0) }.joined(separator: ", "),
          ]
        })
    }
  }
}
