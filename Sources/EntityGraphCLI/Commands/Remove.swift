import ArgumentParser
import Foundation
import GraphStore

extension EntityGraphCommand {
  /// `entitygraph remove DOCID|PATH... --db FILE`: drop documents and their facts from a store.
  public struct Remove: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove documents (by id or stored path) and every fact they brought from a graph store.",
      discussion: """
        Entities and relations that no other document supports disappear with them. Nothing is removed \
        when one of the arguments names no stored document.

        Exit codes: 0 success; 3 unknown document; 5 store error.
        """)

    @Argument(help: "Document ids (file names without extension) or paths as ingested.")
    var documents: [String]
    @OptionGroup var store: StoreOption

    public init() {}

    public func validate() throws {
      if store.location == nil {
        throw ValidationError("--db FILE|URL is required (or set \(StoreLocation.environmentVariable))")
      }
    }

    public func run() throws {
      let graphStore = try store.open(forWriting: true)
      let removed = try withStoreErrors { try graphStore.remove(documents: documents) }
      Console.out("removed \(removed.count): \(removed.joined(separator: ", "))\n")
    }
  }
}
