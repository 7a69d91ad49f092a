import Foundation
import GraphStore
import PostgresNIO

/// One connection to the server, used synchronously: the only place where the store waits for postgres-nio.
///
/// The CLI and the batch ingest are synchronous, so every query waits for its `EventLoopFuture` here. The
/// futures complete on NIO's own event loop thread, so waiting never blocks the thread that would complete
/// them (and never occupies Swift's cooperative pool for long). A lock keeps one statement or one
/// transaction on the connection at a time.
final class PostgresSession: @unchecked Sendable {
  private let connection: PostgresConnection
  private let logger: Logger
  /// Held for a whole transaction; recursive so that helpers inside a transaction can query.
  private let lock = NSRecursiveLock()
  private var inTransaction = false
  let location: String

  init(_ url: PostgresURL) throws {
    var logger = Logger(label: "GraphStorePostgres")
    logger.logLevel = .critical
    self.logger = logger
    location = url.redacted
    let configuration = PostgresConnection.Configuration(
      host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
      tls: .disable)
    do {
      connection = try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
      ).wait()
    } catch {
      throw StoreError(
        .cannotOpen,
        "cannot connect to PostgreSQL at \(url.redacted): \(PostgresSession.message(error)); "
          + "is the server running and does the database exist (createdb \(url.database))?")
    }
  }

  deinit {
    // postgres-nio asserts that a connection is closed before it is freed. Our sessions are released on our
    // own threads, never on the event loop, so waiting here cannot block the loop that completes the close.
    let closing: EventLoopFuture<Void> = connection.close()
    if !connection.eventLoop.inEventLoop { try? closing.wait() }
  }

  /// Runs one statement and returns its rows.
  @discardableResult
  func query(_ sql: String, _ values: [PGValue] = []) throws -> [PGRow] {
    lock.lock()
    defer { lock.unlock() }
    let future = try submit(sql, values)
    do {
      let result = try future.wait()
      return result.map { PGRow(cells: $0.makeRandomAccess()) }
    } catch {
      // A statement sent earlier without waiting may have failed first and aborted the transaction.
      try flush()
      throw StoreError(.database, "\(PostgresSession.message(error)) (SQL: \(sql))")
    }
  }

  /// Sends a statement whose rows nobody reads, without waiting for it: the connection runs statements in the
  /// order they were sent, so a transaction's writes cost no round trip each. ``flush()`` (called by every
  /// commit) waits for them and throws the first failure.
  func send(_ sql: String, _ values: [PGValue] = []) throws {
    lock.lock()
    defer { lock.unlock() }
    pending.append((sql, try submit(sql, values)))
  }

  /// Waits for the statements sent with ``send(_:_:)``; throws the first that failed.
  func flush() throws {
    lock.lock()
    defer { lock.unlock() }
    let waiting = pending
    pending.removeAll()
    var failure: StoreError?
    for (sql, future) in waiting {
      do {
        _ = try future.wait()
      } catch {
        if failure == nil { failure = StoreError(.database, "\(PostgresSession.message(error)) (SQL: \(sql))") }
      }
    }
    if let failure { throw failure }
  }

  private var pending: [(sql: String, future: EventLoopFuture<PostgresQueryResult>)] = []

  private func submit(_ sql: String, _ values: [PGValue]) throws -> EventLoopFuture<PostgresQueryResult> {
    var bindings = PostgresBindings(capacity: values.count)
    for value in values { try value.append(to: &bindings) }
    return connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  ///
  /// - Parameter readOnly: a read-only snapshot (`REPEATABLE READ`), so that the queries of one answer agree.
  func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    if inTransaction { return try body() }
    try send(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
    inTransaction = true
    defer { inTransaction = false }
    do {
      let result = try body()
      try send("COMMIT")
      try flush()
      return result
    } catch {
      _ = try? flush()
      _ = try? query("ROLLBACK")
      throw error
    }
  }

  static func message(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      if let server = error.serverInfo, let text = server[.message] {
        return text + (server[.detail].map { " (\($0))" } ?? "")
      }
      return "\(error.code)"
    }
    return "\(error)"
  }
}

/// A value bound to a `$n` parameter.
enum PGValue: Sendable {
  case text(String)
  case int(Int)
  case double(Double)
  case null
  case texts([String])
  case ints([Int])
  case doubles([Double])

  static func optional(_ value: Int?) -> PGValue { value.map(PGValue.int) ?? .null }
  static func optional(_ value: String?) -> PGValue { value.map(PGValue.text) ?? .null }

  func append(to bindings: inout PostgresBindings) throws {
    switch self {
    case .text(let value): bindings.append(value)
    case .int(let value): bindings.append(value)
    case .double(let value): bindings.append(value)
    case .null: bindings.appendNull()
    case .texts(let value): bindings.append(value)
    case .ints(let value): bindings.append(value)
    case .doubles(let value): bindings.append(value)
    }
  }
}

/// One result row; columns are read by position (`let name: String = try row[1]`).
struct PGRow {
  let cells: PostgresRandomAccessRow

  subscript<T: PostgresDecodable>(_ index: Int) -> T {
    get throws {
      do {
        return try cells[index].decode(T.self)
      } catch {
        throw StoreError(.database, "cannot read column \(index) as \(T.self): \(error)")
      }
    }
  }
}

/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (also `postgresql://`).
public struct PostgresURL: Sendable, Equatable {
  public var user: String
  public var password: String?
  public var host: String
  public var port: Int
  public var database: String

  /// Whether `text` names a PostgreSQL database rather than a SQLite file.
  public static func isPostgres(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// Parses a URL; the port defaults to 5432 and the database to the user name.
  ///
  /// - Throws: ``StoreError`` `.cannotOpen` naming what is missing.
  public init(_ text: String) throws {
    guard PostgresURL.isPostgres(text), let components = URLComponents(string: text) else {
      throw StoreError(.cannotOpen, "'\(text)' is not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE")
    }
    guard let user = components.user, !user.isEmpty else {
      throw StoreError(.cannotOpen, "'\(text)' names no user; write postgres://USER@HOST:PORT/DATABASE")
    }
    self.user = user.removingPercentEncoding ?? user
    password = components.password?.removingPercentEncoding
    host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
    port = components.port ?? 5432
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    database = path.isEmpty ? self.user : path
  }

  /// The URL without its password, for messages.
  public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
