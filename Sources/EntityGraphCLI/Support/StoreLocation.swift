import Foundation
import GraphStore
import GraphStorePostgres

/// Where a graph store lives, and the one place the CLI picks its backend.
///
/// `postgres://USER@HOST:PORT/DB` (or `postgresql://`) opens ``PostgresGraphStore``; anything else is a SQLite
/// file for ``GraphStore``. Commands that need a store read ``environmentVariable`` when `--db` is not given.
enum StoreLocation {
  /// `ENTITYGRAPH_DB`: the store for commands run without `--db`.
  static let environmentVariable = "ENTITYGRAPH_DB"

  /// The store named by `ENTITYGRAPH_DB`, if set and not empty.
  static var fromEnvironment: String? {
    guard let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty else { return nil }
    return value
  }

  static func isPostgres(_ location: String) -> Bool { PostgresURL.isPostgres(location) }

  /// Opens the store at `location`.
  ///
  /// - Parameter readOnly: for commands that only read (SQLite files are opened without writing anything).
  /// - Throws: ``StoreError``.
  static func open(_ location: String, readOnly: Bool) throws -> any GraphStoring {
    if isPostgres(location) { return try PostgresGraphStore(url: location) }
    return try GraphStore(path: location, readOnly: readOnly)
  }
}
