import ArgumentParser
import DocumentModel
import Extraction
import Foundation

extension EntityGraphCommand {
  /// `entitygraph predicates`: prints the predicate schema.
  public struct Predicates: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "predicates",
      abstract: "Print every predicate with its argument kinds, definition and an example.",
      discussion: "Exit codes: 0 success; 6 the bundled schema is missing or damaged.")

    @Option(help: "Output format: table or tsv.")
    var format: Format = .table

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, tsv }

    public init() {}

    public func run() throws {
      let schema: PredicateSchema
      do { schema = try PredicateSchema.bundled() } catch {
        Console.error("error: \(error)")
        throw ExitCode(ExitCodes.environment)
      }
      func kinds(_ k: Set<DocumentModel.EntityKind>) -> String { k.sorted().map(\.rawValue).joined(separator: ",") }
      var out = ""
      switch format {
      case .tsv:
        out = "predicate\tfamily\tsubject\tobject\tdefinition\texample\n"
        for e in schema.entries {
          out +=
            "\(e.predicate)\t\(e.family)\t\(kinds(e.subjectKinds))\t\(kinds(e.objectKinds))\t\(e.definition)\t\(e.example)\n"
        }
      case .table:
        for e in schema.entries {
          out += "\(e.predicate.rawValue)  (\(e.family))  \(kinds(e.subjectKinds)) -> \(kinds(e.objectKinds))\n"
          out += "    \(e.definition); e.g. \(e.example)\n"
        }
      }
      FileHandle.standardOutput.write(Data(out.utf8))
    }
  }
}
