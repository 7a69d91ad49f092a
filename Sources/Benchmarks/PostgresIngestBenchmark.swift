import DocumentModel
import Foundation
import GraphStore
import GraphStorePostgres

/// `eg-bench ingest --db postgres://USER@HOST:PORT/DB`: after the SQLite run, the same documents ingested by 1,
/// 2 and 4 `entitygraph ingest` processes at once into a fresh database each (`egbench_1w`, …, kept for
/// `EXPLAIN ANALYZE`), with documents/s and `query mentions` latency, in one table beside SQLite's figures.
enum PostgresIngestBenchmark {
  struct Baseline {
    var documentsPerSecond: Double
    var mentionsLatency: Double
    var mentionedRows: Int
  }

  static func run(
    server: String, workers: [Int], corpus: String, documents: Int, entitygraph: String?, sqlite: Baseline
  ) {
    let bin =
      entitygraph
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "entitygraph"
      ).path
    guard FileManager.default.isExecutableFile(atPath: bin) else {
      IngestBenchmark.fail(
        "no entitygraph executable at \(bin); build it (swift build -c release) or give --entitygraph")
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var lines: [String] = [
      "| SQLite, 1 process | \(IngestBenchmark.fmt(sqlite.documentsPerSecond)) | 1.00 | \(sqlite.mentionedRows) | \(IngestBenchmark.fmt(sqlite.mentionsLatency)) ms | |"
    ]
    for count in workers {
      let name = "egbench_\(count)w"
      guard let url = try? PostgresGraphStore.createDatabase(named: name, onServerOf: server),
        let store = try? PostgresGraphStore(url: url)
      else { IngestBenchmark.fail("cannot create database \(name) on \(server)") }
      let jobs = max(1, cores / count)
      let started = DispatchTime.now().uptimeNanoseconds
      var processes: [(Process, Pipe)] = []
      for _ in 0..<count {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["ingest", corpus, "--db", url, "--jobs", "\(jobs)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { IngestBenchmark.fail("cannot start \(bin): \(error)") }
        processes.append((process, pipe))
      }
      var summaries: [String] = []
      for (process, pipe) in processes {
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        summaries.append(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      let stored = (try? store.statistics().documents) ?? 0
      let mentioned = (try? store.scalar(sql: "SELECT COUNT(*) FROM statement WHERE predicate = 'mentioned'")) ?? 0
      var latencies: [Double] = []
      var rows = 0
      for _ in 0..<15 {
        let t = IngestBenchmark.timed { (try? store.mentions(MentionsQuery()))?.count ?? 0 }
        latencies.append(t.seconds * 1000)
        rows = t.value
      }
      latencies.sort()
      let size = (try? store.scalar(sql: "SELECT pg_database_size(current_database())")) ?? 0
      let rate = Double(stored) / seconds
      lines.append(
        "| PostgreSQL, \(count) worker process\(count == 1 ? "" : "es") × --jobs \(jobs) | \(IngestBenchmark.fmt(rate)) | "
          + "\(IngestBenchmark.fmt(rate / sqlite.documentsPerSecond)) | \(mentioned) | "
          + "\(IngestBenchmark.fmt(latencies[latencies.count / 2])) ms (\(rows) rows) | "
          + "\(stored)/\(documents) documents in \(IngestBenchmark.fmt(seconds)) s, \(IngestBenchmark.fmt(Double(size) / 1_048_576)) MB; "
          + summaries.joined(separator: " / ") + " |")
    }
    print("")
    print("| backend | documents/s | × SQLite | `mentioned` rows | `query mentions` median | notes |")
    print("|---|---|---|---|---|---|")
    for line in lines { print(line) }
  }
}
