import Foundation

/// `eg-bench load [--docs N] [--procs N] [--keep DIR]`: concurrent `ingest` processes into one store.
///
/// Writes N invented articles into `--procs` chunk folders, then runs `--procs` `entitygraph ingest`
/// processes at once, process k reading chunks k and k+1 (so every document is ingested by two
/// processes racing each other) into one SQLite store, while `query mentions` runs again and again
/// against the same store. The result must equal one sequential ingest of all chunks (compared
/// through `export --format json`). Prints documents/s of the concurrent phase and the p50/p99
/// latency of `query mentions` during it (a whole process each time, as a user would see it).
enum LoadBenchmark {
  struct Options {
    var docs = 400
    var procs = 8
    var keep: String?
  }

  static func run(_ arguments: [String]) {
    var options = Options()
    var i = 0
    while i < arguments.count {
      let value = i + 1 < arguments.count ? arguments[i + 1] : ""
      switch arguments[i] {
      case "--docs": options.docs = Int(value) ?? options.docs
      case "--procs": options.procs = max(1, Int(value) ?? options.procs)
      case "--keep": options.keep = value
      default: IngestBenchmark.fail("unknown option \(arguments[i]); use --docs N --procs N --keep DIR")
      }
      i += 2
    }
    measure(options)
  }

  /// The `entitygraph` executable beside this one.
  static var toolURL: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("entitygraph")
  }

  /// Invented articles: people, organizations and countries in a few sentence shapes.
  static func article(_ index: Int) -> String {
    let people = ["Mara Quill", "Ivo Brand", "Lena Ost", "Tomas Vell", "Ana Ruiz", "Kofi Mensah", "Rhea Solberg"]
    let countries = ["France", "Brazil", "Kenya", "Canada", "Norway", "India", "Chile", "Egypt", "Japan", "Peru"]
    let orgs = ["the Northwind Council", "Harbor Energy", "the Civic Data Institute", "Fenwick Tooling Inc."]
    var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    func pick<T>(_ items: [T]) -> T {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return items[Int((state >> 33) % UInt64(items.count))]
    }
    var sentences: [String] = []
    for _ in 0..<10 {
      let p = pick(people)
      let c = pick(countries)
      sentences.append(
        pick([
          "\(p) said, “\(c) and \(pick(countries)) must act now.”",
          "\(p), the director of \(pick(orgs)), visited \(c) on Monday.",
          "According to \(p), trade with \(c) grew last year.",
          "Officials in \(c) met \(pick(orgs)) in \(pick(countries)).",
        ]))
    }
    return "Report \(index). " + sentences.joined(separator: " ") + "\n"
  }

  struct Run {
    var status: Int32
    var seconds: Double
    var stdout: Data
  }

  static func tool(_ arguments: [String], stdout: URL? = nil) -> Run {
    let process = Process()
    process.executableURL = toolURL
    process.arguments = arguments
    let out = stdout.flatMap { url -> FileHandle? in
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
      return try? FileHandle(forWritingTo: url)
    }
    process.standardOutput = out ?? FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    do { try process.run() } catch { IngestBenchmark.fail("cannot run \(toolURL.path): \(error)") }
    process.waitUntilExit()
    try? out?.close()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let data = stdout.flatMap { try? Data(contentsOf: $0) } ?? Data()
    return Run(status: process.terminationStatus, seconds: seconds, stdout: data)
  }

  static func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
  }

  static func measure(_ options: Options) {
    guard FileManager.default.isExecutableFile(atPath: toolURL.path) else {
      IngestBenchmark.fail("entitygraph not found beside eg-bench (\(toolURL.path)); build it first")
    }
    let root =
      options.keep.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("eg-load-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    let chunks = (0..<options.procs).map { root.appendingPathComponent(String(format: "chunk%02d", $0)) }
    for (k, chunk) in chunks.enumerated() {
      try? FileManager.default.createDirectory(at: chunk, withIntermediateDirectories: true)
      for index in stride(from: k, to: options.docs, by: options.procs) {
        let name = String(format: "article%05d.txt", index)
        try? Data(article(index).utf8).write(to: chunk.appendingPathComponent(name))
      }
    }
    let sequentialDB = root.appendingPathComponent("sequential.sqlite").path
    let loadDB = root.appendingPathComponent("load.sqlite").path
    let sequential = tool(["ingest"] + chunks.map(\.path) + ["--db", sequentialDB])
    guard sequential.status == 0 else { IngestBenchmark.fail("sequential ingest failed (\(sequential.status))") }

    // The store must exist before readers start; one tiny ingest creates it with the schema.
    _ = tool(["ingest", chunks[0].appendingPathComponent("article00000.txt").path, "--db", loadDB])
    let statuses = LockedList<Int32>()
    let group = DispatchGroup()
    let started = DispatchTime.now().uptimeNanoseconds
    for k in 0..<options.procs {
      group.enter()
      let folders = [chunks[k].path, chunks[(k + 1) % options.procs].path]
      DispatchQueue.global().async {
        statuses.append(tool(["ingest"] + folders + ["--db", loadDB, "--jobs", "1"]).status)
        group.leave()
      }
    }
    var latencies: [Double] = []
    var failedQueries = 0
    while group.wait(timeout: .now()) == .timedOut {
      let query = tool(["query", "mentions", "--db", loadDB, "--format", "json"])
      latencies.append(query.seconds)
      if query.status != 0 { failedQueries += 1 }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

    let exported = [sequentialDB, loadDB].map { db in
      tool(["export", "--db", db, "--format", "json"], stdout: root.appendingPathComponent("\(UUID()).json")).stdout
    }
    let same = !exported[0].isEmpty && exported[0] == exported[1]
    print("| what | figure |")
    print("|---|---|")
    print(
      "| documents, processes | \(options.docs) documents in \(options.procs) folders; \(options.procs) `ingest` processes, each reading 2 folders (every document ingested twice, concurrently) |"
    )
    print(
      "| concurrent phase | \(IngestBenchmark.fmt(wall)) s, \(IngestBenchmark.fmt(Double(options.docs) / wall)) documents/s (unique documents) |"
    )
    print(
      "| sequential ingest of the same folders | \(IngestBenchmark.fmt(sequential.seconds)) s, \(IngestBenchmark.fmt(Double(options.docs) / sequential.seconds)) documents/s |"
    )
    print("| ingest exit statuses | \(statuses.values.sorted().map(String.init).joined(separator: " ")) |")
    print(
      "| `query mentions` during the load | \(latencies.count) queries, p50 \(ms(percentile(latencies, 0.5))), p99 \(ms(percentile(latencies, 0.99))), max \(ms(latencies.max() ?? .nan)); \(failedQueries) failed |"
    )
    print("| result equals a sequential ingest (export --format json) | \(same ? "yes" : "NO") |")
    if options.keep == nil { try? FileManager.default.removeItem(at: root) }
    if !same || statuses.values.contains(where: { $0 != 0 }) || failedQueries > 0 { exit(1) }
  }

  static func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
}

/// A list appended to from several threads.
final class LockedList<T>: @unchecked Sendable {
  private var items: [T] = []
  private let lock = NSLock()
  func append(_ item: T) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var values: [T] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
