import ArgumentParser
import DocumentModel
import Extraction
import Foundation

extension EntityGraphCommand {
  /// `entitygraph mentions`: every entity-name mention of the inputs, one per line.
  public struct Mentions: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "mentions",
      abstract: "Print every entity-name mention as JSON Lines (the eval scorer's format) or TSV.",
      discussion: """
        Each line holds doc (file name without extension), start and end (Unicode code point offsets, \
        end exclusive), type (person, organization, country, location, event), text and canonical \
        (the entity id the mention was resolved to). Demonym adjectives ("Iranian") are not names and \
        are left out; plural demonyms and other groups of people ("Iranians") and lone titles ("the \
        President") are printed as persons, as in the GUM annotation. Countries and places written \
        inside a longer name ("Copenhagen" in "University of Copenhagen") are printed too, as nested \
        names (--no-nested leaves them out).

        Score with: python3 score.py gold.jsonl predictions.jsonl

        Exit codes: 0 success; 1 some inputs skipped; 3 no readable input; 6 missing system resource.
        """)

    @Argument(help: "Text files, folders, or - for standard input.")
    var paths: [String]

    @Option(help: "Output format: jsonl or tsv.")
    var format: String = "jsonl"

    @Flag(help: "Also print demonym adjectives (type country, with \"demonym\": true).")
    var includeDemonyms = false

    @Flag(help: "Leave out place and country names nested inside longer names.")
    var noNested = false

    @Option(help: "Use this tagger model (from `entitygraph train`) instead of the bundled one.")
    var model: String?

    public init() {}

    public func validate() throws {
      if !["jsonl", "tsv"].contains(format) { throw ValidationError("unknown format '\(format)'; use jsonl or tsv") }
    }

    public func run() throws {
      let extractor: Extractor
      do {
        // Only the stages that make mentions: the speech and relation stages add none (nested places are
        // asked for below), so running them only cost time.
        var recognizer: EntityRecognizer
        if let model {
          let lexicon = try Lexicon.makeDefault()
          let tagger = try TaggerModel(contentsOf: URL(fileURLWithPath: model), lexicon: lexicon)
          recognizer = EntityRecognizer(lexicon: lexicon, model: tagger)
        } else {
          recognizer = try EntityRecognizer.makeDefault()
        }
        // Each mention names its entity by id; the entities themselves are not printed.
        recognizer.makesEntities = false
        // Nor is the word view, which only the speech and relation stages read.
        var stages: [any ExtractionStage] = [Tokenizer(makesWords: false), SentenceSplitter(), recognizer]
        if !noNested { stages.append(NestedMentionStage(recognizer: recognizer)) }
        extractor = Extractor(pipeline: try Pipeline(stages: stages))
      } catch {
        Console.error("error: \(error)")
        throw ExitCode(ExitCodes.environment)
      }
      // Each document's lines are made as soon as it is analysed, on all cores, and the analysis is let go:
      // memory is that of a few documents, not of every analysis at once.
      let (format, includeDemonyms) = (format, includeDemonyms)
      let result = try Corpus.mapForCommand(paths, extractor: extractor) { analyzed in
        Self.lines(of: analyzed, format: format, includeDemonyms: includeDemonyms)
      }
      var out = ""
      for lines in result.outputs {
        out += lines
        if out.utf8.count > 1 << 16 {
          Console.out(out)
          out = ""
        }
      }
      Console.out(out)
      if !result.failures.isEmpty { throw ExitCode(ExitCodes.partial) }
    }

    /// The output lines of one document's mentions.
    static func lines(of analyzed: AnalyzedDocument, format: String, includeDemonyms: Bool) -> String {
      var out = ""
      let doc = analyzed.document
      for m in analyzed.mentions {
        var type = m.kind.rawValue
        if m.isDemonym {
          if m.source.isGroupOrRole {
            type = EntityKind.person.rawValue
          } else if !includeDemonyms {
            continue
          }
        }
        let text = doc.text(from: m.start, to: m.end)
        if format == "tsv" {
          out +=
            "\(Self.tsvField(doc.id))\t\(m.start)\t\(m.end)\t\(type)\t\(Self.tsvField(text))\t"
            + "\(Self.tsvField(m.entity.rawValue))\n"
        } else {
          out += "{\"doc\": \(Self.json(doc.id)), \"start\": \(m.start), \"end\": \(m.end), "
          out += "\"type\": \(Self.json(type)), \"text\": \(Self.json(text)), "
          out += "\"canonical\": \(Self.json(m.entity.rawValue))"
          if m.isDemonym && !m.source.isGroupOrRole { out += ", \"demonym\": true" }
          out += "}\n"
        }
      }
      return out
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
      // Most names need no escape: no control character, quote, backslash or U+2028/U+2029 (E2 80 A8/A9).
      if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) { return "\"" + s + "\"" }
      var out = "\""
      for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
          if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
            out += String(format: "\\u%04x", u.value)
          } else {
            out.unicodeScalars.append(u)
          }
        }
      }
      return out + "\""
    }

    /// A TSV field on one line: tabs and line breaks (also `\r`, U+2028, U+2029) become spaces, other
    /// control characters U+FFFD. A document id can hold a newline (from its file name; issue 12).
    static func tsvField(_ s: String) -> String {
      var out = String.UnicodeScalarView()
      for u in s.unicodeScalars {
        switch u.value {
        case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: out.append(" ")
        case 0..<0x20, 0x7F, 0x80..<0xA0: out.append("\u{FFFD}")
        default: out.append(u)
        }
      }
      return String(out)
    }
  }
}

/// The `mentions` command's last stage: the names nested in longer names ("Texas" in "University of Texas"),
/// added to the document's mentions in offset order while the recognizer's token analysis is still on the
/// document, so it is not made a second time.
struct NestedMentionStage: ExtractionStage {
  let name = "nested-mentions"
  let requires: Set<ExtractionProduct> = [.tokens, .sentences, .mentions]
  let produces: Set<ExtractionProduct> = [.mentions]
  let recognizer: EntityRecognizer

  func process(_ document: inout AnalyzedDocument) {
    document.mentions += recognizer.nestedMentions(in: document)
    document.mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
  }
}
