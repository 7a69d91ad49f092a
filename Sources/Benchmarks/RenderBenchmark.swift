import DocumentModel
import Foundation
import GraphRendering

/// `eg-bench render [--sizes 100,1000,5000] [--repetitions 3] [--seed 42]`
///
/// Renders random sparse typed graphs to SVG in-process (libgvc) and with the Graphviz command line
/// (`dot -K<engine>` on the same DOT text written to a temporary file), alternating the two, and
/// prints the medians side by side. The engine is the one `auto` picks for each size.
enum RenderBenchmark {
  struct Settings {
    var sizes = [100, 1_000, 5_000]
    var repetitions = 3
    var seed: UInt64 = 42
    var edgesPerNode = 2.0
  }

  static func run(_ arguments: [String]) {
    var settings = Settings()
    var rest = arguments[...]
    while let flag = rest.popFirst() {
      let value = rest.popFirst() ?? ""
      switch flag {
      case "--sizes": settings.sizes = value.split(separator: ",").compactMap { Int($0) }
      case "--repetitions": settings.repetitions = max(1, Int(value) ?? 3)
      case "--seed": settings.seed = UInt64(value) ?? 42
      case "--edges-per-node": settings.edgesPerNode = Double(value) ?? 2
      default:
        FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
        exit(2)
      }
    }
    guard let dotCommand = findExecutable("dot") else {
      FileHandle.standardError.write(Data("the Graphviz command line (dot) is not installed\n".utf8))
      exit(1)
    }
    do {
      try runBenchmark(settings, dotCommand: dotCommand)
    } catch {
      FileHandle.standardError.write(Data("render benchmark failed: \(error)\n".utf8))
      exit(1)
    }
  }

  static func runBenchmark(_ settings: Settings, dotCommand: String) throws {
    // Load the plugins and fonts once, as a long-running program would.
    _ = try GraphvizRenderer.render(dot: "digraph { a -> b [label=\"x\"] }", format: .svg, layout: .dot)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eg-render-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    print(
      "Render benchmark: SVG, \(settings.repetitions) repetitions, seed \(settings.seed), \(settings.edgesPerNode) edges/node"
    )
    print("Wall = elapsed time; CPU = user + system time of this process (in-process) or of the dot process (CLI).")
    print(
      "| nodes | edges | engine | in-process wall | CLI wall | CLI / in-process (wall) | in-process CPU | CLI CPU | CLI / in-process (CPU) | SVG bytes (in-process / CLI) |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for size in settings.sizes {
      let graph = randomGraph(nodes: size, edgesPerNode: settings.edgesPerNode, seed: settings.seed &+ UInt64(size))
      let dot = DOTWriter().dotText(for: graph)
      let engine = try GraphvizRenderer.resolvedLayout(dot: dot, layout: .auto)
      let input = folder.appendingPathComponent("graph-\(size).dot")
      let output = folder.appendingPathComponent("graph-\(size).svg")
      try Data(dot.utf8).write(to: input)

      var inProcess: [Duration] = []
      var commandLine: [Duration] = []
      var inProcessCPU: [Duration] = []
      var commandLineCPU: [Duration] = []
      var inProcessBytes = 0
      var commandLineBytes = 0
      let clock = ContinuousClock()
      for _ in 0..<settings.repetitions {
        var svg = Data()
        let selfBefore = cpuTime(children: false)
        inProcess.append(
          try clock.measure { svg = try GraphvizRenderer.render(dot: dot, format: .svg, layout: engine) })
        inProcessCPU.append(cpuTime(children: false) - selfBefore)
        inProcessBytes = svg.count
        let childrenBefore = cpuTime(children: true)
        commandLine.append(
          try clock.measure {
            try runProcess(dotCommand, ["-K\(engine.rawValue)", "-Tsvg", input.path, "-o", output.path])
          })
        commandLineCPU.append(cpuTime(children: true) - childrenBefore)
        commandLineBytes = (try? Data(contentsOf: output).count) ?? 0
      }
      let a = median(inProcess)
      let b = median(commandLine)
      let c = median(inProcessCPU)
      let d = median(commandLineCPU)
      print(
        "| \(graph.entities.count) | \(graph.relations.count) | \(engine.rawValue) | \(format(a)) | \(format(b)) "
          + "| \(ratio(b, a)) | \(format(c)) | \(format(d)) | \(ratio(d, c)) | \(inProcessBytes) / \(commandLineBytes) |"
      )
    }
  }

  /// A random sparse graph with typed nodes, well-known predicates and mention counts.
  static func randomGraph(nodes: Int, edgesPerNode: Double, seed: UInt64) -> KnowledgeGraph {
    var rng = SplitMix64(seed: seed)
    let kinds = EntityKind.allCases
    let entities = (0..<nodes).map { index in
      let kind = kinds[Int.random(in: 0..<kinds.count, using: &rng)]
      return Entity(
        id: EntityID(rawValue: "\(kind.rawValue):n\(index)"), kind: kind,
        name: "\(kind.rawValue.capitalized) \(index)")
    }
    let predicates = DocumentModel.Predicate.wellKnown
    var relations: [Relation] = []
    for _ in 0..<Int(Double(nodes) * edgesPerNode) {
      let a = Int.random(in: 0..<nodes, using: &rng)
      let b = Int.random(in: 0..<nodes, using: &rng)
      if a == b { continue }
      relations.append(
        Relation(
          subject: entities[a].id, predicate: predicates[Int.random(in: 0..<predicates.count, using: &rng)],
          object: entities[b].id, confidence: 0.9, count: Int.random(in: 1...6, using: &rng)))
    }
    return KnowledgeGraph(entities: entities, relations: relations)
  }

  static func runProcess(_ path: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      throw NSError(domain: "RenderBenchmark", code: Int(process.terminationStatus))
    }
  }

  static func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// User + system CPU time of this process or of its waited-for children.
  static func cpuTime(children: Bool) -> Duration {
    var usage = rusage()
    #if os(Linux)
      getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
    #endif
    let micros =
      Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
      + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    return .microseconds(micros)
  }

  static func ratio(_ numerator: Duration, _ denominator: Duration) -> String {
    String(format: "%.2f", seconds(numerator) / max(seconds(denominator), 1e-9))
  }

  static func median(_ values: [Duration]) -> Duration {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  static func format(_ duration: Duration) -> String {
    String(format: "%.3f s", seconds(duration))
  }
}
