import DocumentModel
import Foundation
import GraphStore
import GraphStorePostgres
import Testing

/// Issue 12: stores written by newer versions, read-only stores, and `--db` in a missing folder.
@Suite struct StoreFileTests {
  @Test func storeWithAHigherSchemaVersionIsRefusedAndLeftUnchanged() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("graph.sqlite").path
    do {
      let store = try GraphStore(path: path)
      try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
      try store.execute(sql: "PRAGMA user_version = 7")
    }
    for readOnly in [false, true] {
      let error = #expect(throws: StoreError.self) { try GraphStore(path: path, readOnly: readOnly) }
      #expect(error?.code == .newerSchema)
      #expect(error?.message.contains("schema version 7") == true)
      #expect(error?.message.contains("Upgrade entitygraph") == true)
    }
  }

  @Test func storeWithAnUnknownMigrationIsRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("graph.sqlite").path
    do {
      let store = try GraphStore(path: path)
      try store.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
    }
    let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
    #expect(error?.code == .newerSchema)
    #expect(error?.message.contains("v9-from-the-future") == true)
  }

  @Test(.disabled(if: PostgresTestServer.url == nil, PostgresTestServer.skipReason))
  func postgresDatabaseWithAnUnknownMigrationIsRefused() throws {
    let url = try PostgresTestServer.makeDatabase()
    try PostgresGraphStore(url: url).execute(sql: "INSERT INTO schema_migration (name) VALUES ('v9-from-the-future')")
    let error = #expect(throws: StoreError.self) { try PostgresGraphStore(url: url) }
    #expect(error?.code == .newerSchema)
    #expect(error?.message.contains("v9-from-the-future") == true)
  }

  @Test func storeInAMissingFolderIsAnErrorAndCreatesNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("typo/sub/graph.sqlite").path
    let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
    #expect(error?.code == .cannotOpen)
    #expect(error?.message.contains("does not exist") == true)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo").path))
  }

  @Test func readOnlyOpenAnswersQueriesWithoutWriting() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("graph.sqlite").path
    do {
      let store = try GraphStore(path: path)
      try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let store = try GraphStore(path: path, readOnly: true)
    #expect(try store.mentions().map(\.entity.name) == ["France"])
    #expect(try store.loadGraph().entities.count == 2)
    #expect(throws: StoreError.self) {
      try speechDocument("b", speaker: "Grace Hopper", countries: [("Japan", "JP")]).ingest(into: store)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}
