internal import CGraphviz
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Error messages

/// Messages Graphviz reported through `agseterrf`; only touched with the session lock held.
nonisolated(unsafe) private var collectedMessages = ""

/// Graphviz's user error function: it receives messages in pieces, which are joined here.
private let collectMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { piece in
  if let piece { collectedMessages += String(cString: piece) }
  return 0
}

// MARK: - Session

/// The one Graphviz context of the process, and the lock that serialises every Graphviz call.
///
/// The context is created on first use, checked for layout plugins, and recreated after any
/// failed layout or render (a failure can leave it unusable).
final class GraphvizSession: @unchecked Sendable {
  static let shared = GraphvizSession()

  private let lock = NSLock()
  private var context: OpaquePointer?
  private var layouts: [String] = []
  private var contextIsBroken = false
  /// `engine:format` pairs already run in this process, so their plugins are loaded before a fork.
  private var warmedUp: Set<String> = []
  /// Hashes of the DOT texts of the last 256 layouts run for callers (in this process or in a child),
  /// warm-ups left out; tests read it to check that several formats of one diagram share one layout.
  private(set) var recentLayouts: [Int] = []

  private func noteLayout(of dot: String) {
    if recentLayouts.count == 256 { recentLayouts.removeFirst() }
    recentLayouts.append(dot.hashValue)
  }

  private init() {}

  deinit {
    if let context { gvFreeContext(context) }
  }

  /// Runs `body` with the lock held; discards the context afterwards if `body` broke it.
  func withSession<T>(_ body: (GraphvizSession) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    defer { discardContextIfBroken() }
    collectedMessages = ""
    agreseterrors()
    return try body(self)
  }

  private func discardContextIfBroken() {
    guard contextIsBroken, let context else { return }
    gvFreeContext(context)
    self.context = nil
    contextIsBroken = false
    warmedUp = []
  }

  /// The context, created and checked on first use.
  private func currentContext() throws -> OpaquePointer {
    if let context { return context }
    agseterrf(collectMessage)
    guard let created = gvContext() else {
      throw RenderingError(.contextUnavailable, "Graphviz could not create a context", graphvizMessages: takeMessages())
    }
    var count: Int32 = 0
    let list = eg_plugin_list(created, "layout", &count)
    defer { eg_free_plugin_list(list, count) }
    var names: Set<String> = []
    for index in 0..<Int(count) {
      if let name = list?[index] {
        names.insert(String(String(cString: name).prefix { $0 != ":" }))
      }
    }
    guard !names.isEmpty else {
      gvFreeContext(created)
      throw RenderingError(
        .pluginsMissing,
        "Graphviz has no layout plugins: its plugin configuration (config6a) is missing; "
          + "run `sudo dot -c` or reinstall libgvc6")
    }
    context = created
    layouts = names.sorted()
    return created
  }

  func availableLayouts() throws -> [String] {
    _ = try currentContext()
    return layouts
  }

  private func takeMessages() -> String {
    defer { collectedMessages = "" }
    return collectedMessages
  }

  // MARK: Parsing

  /// Parses `dot`; the caller closes the graph with `agclose` (on the next line).
  private func parse(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
    _ = try currentContext()  // installs the error function and checks the plugins
    guard let graph = agmemread(dot) else {
      throw RenderingError(.syntax, "the DOT text could not be parsed", graphvizMessages: takeMessages())
    }
    return graph
  }

  func parseLabels(dot: String) throws -> [String: String] {
    let graph = try parse(dot)
    defer { agclose(graph) }
    var labels: [String: String] = [:]
    var node = agfstnode(graph)
    while let current = node {
      if let name = eg_agnameof(current), let label = eg_agget(current, "label") {
        labels[String(cString: name)] = String(cString: label)
      }
      node = agnxtnode(graph, current)
    }
    return labels
  }

  func resolvedLayout(dot: String) throws -> LayoutEngine {
    let graph = try parse(dot)
    defer { agclose(graph) }
    return resolvedLayout(.auto, for: graph)
  }

  private func resolvedLayout(_ layout: LayoutEngine, for graph: UnsafeMutablePointer<Agraph_t>) -> LayoutEngine {
    guard layout == .auto else { return layout }
    let hasEdgeLabels = eg_has_attribute(graph, Int32(AGEDGE), "label") != 0
    return LayoutEngine.automatic(nodeCount: Int(agnnodes(graph)), hasEdgeLabels: hasEdgeLabels)
  }

  private func checkAvailable(_ engine: LayoutEngine) throws {
    guard layouts.contains(engine.rawValue) else {
      throw RenderingError(
        .layoutUnavailable,
        "the layout engine \(engine.rawValue) is not installed (available: \(layouts.joined(separator: ", ")))")
    }
  }

  // MARK: Rendering in this process

  /// Lays out `dot` once and renders each of `formats` from that layout, in order.
  func renderInProcess(dot: String, formats: [OutputFormat], layout: LayoutEngine) throws -> [Data] {
    let graph = try parse(dot)
    defer { agclose(graph) }
    noteLayout(of: dot)
    return try layOutAndRender(graph, formats: formats, engine: resolvedLayout(layout, for: graph))
  }

  private func layOutAndRender(
    _ graph: UnsafeMutablePointer<Agraph_t>, formats: [OutputFormat], engine: LayoutEngine
  ) throws -> [Data] {
    let context = try currentContext()
    try checkAvailable(engine)
    guard gvLayout(context, graph, engine.rawValue) == 0 else {
      contextIsBroken = true
      throw RenderingError(
        .layoutFailed, "the \(engine.rawValue) layout failed", graphvizMessages: takeMessages())
    }
    defer { gvFreeLayout(context, graph) }
    var results: [Data] = []
    for format in formats {
      var bytes: UnsafeMutablePointer<CChar>?
      var length: UInt32 = 0
      let status = gvRenderData(context, graph, format.graphvizName, &bytes, &length)
      defer { gvFreeRenderData(bytes) }
      guard status == 0, let bytes else {
        contextIsBroken = true
        throw RenderingError(
          .renderFailed, "rendering \(format.rawValue) failed", graphvizMessages: takeMessages())
      }
      warmedUp.insert("\(engine.rawValue):\(format.rawValue)")
      results.append(Data(bytes: bytes, count: Int(length)))
    }
    return results
  }

  // MARK: Rendering in a child process (time budget)

  /// Lays out once and renders each of `formats` in a forked child, killed when `budget` runs out.
  ///
  /// The DOT is parsed here (syntax errors come back at once); the child gets a copy of the parsed
  /// graph and runs only C code (see `eg_fork_layout_render` in `shim.h`). Before the first fork
  /// for an engine and format, a tiny graph is rendered here so the plugins and fonts are loaded
  /// in this process and the child does not have to `dlopen` them.
  func renderInChild(dot: String, formats: [OutputFormat], layout: LayoutEngine, budget: Duration) throws -> [Data] {
    let deadline = ContinuousClock.now + budget
    let graph = try parse(dot)
    defer { agclose(graph) }
    let engine = resolvedLayout(layout, for: graph)
    let context = try currentContext()
    try checkAvailable(engine)
    for format in formats { try warmUp(engine: engine, format: format) }

    var dataPipe: [Int32] = [-1, -1]
    var messagePipe: [Int32] = [-1, -1]
    guard eg_pipe_cloexec(&dataPipe) == 0 else { throw workerError("pipe") }
    defer { close(dataPipe[0]) }
    guard eg_pipe_cloexec(&messagePipe) == 0 else {
      close(dataPipe[1])
      throw workerError("pipe")
    }
    defer { close(messagePipe[0]) }
    // The child also enforces the budget itself (and dies with this process), so it cannot outlive
    // a parent that is killed or stopped; it gets a little slack so the deadline here comes first.
    let remaining = ContinuousClock.now.duration(to: deadline)
    let childBudget = max(1, remaining.wholeMilliseconds) + 500
    let names = formats.map { strdup($0.graphvizName) }
    defer { names.forEach { free($0) } }
    let pid = names.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
      eg_fork_layout_render(
        context, graph, engine.rawValue, list.baseAddress, Int32(list.count), dataPipe[1], messagePipe[1],
        dataPipe[0], messagePipe[0], childBudget)
    }
    close(dataPipe[1])
    close(messagePipe[1])
    guard pid > 0 else { throw workerError("fork") }
    noteLayout(of: dot)

    var data = Data()
    var messages = Data()
    let finished = readUntilEndOfFile(
      [(dataPipe[0], { data.append($0) }), (messagePipe[0], { messages.append($0) })], deadline: deadline)
    if !finished {
      kill(pid, SIGKILL)
      _ = waitForExit(pid)
      throw timeoutError(engine: engine, budget: budget)
    }
    let status = waitForExit(pid)
    let graphvizMessages = String(decoding: messages, as: UTF8.self)
    switch status {
    case .exited(0):
      guard let results = Self.unframe(data, count: formats.count) else {
        throw RenderingError(
          .workerFailed, "the layout process sent incomplete output", graphvizMessages: graphvizMessages)
      }
      return results
    case .exited(3):
      throw RenderingError(.layoutFailed, "the \(engine.rawValue) layout failed", graphvizMessages: graphvizMessages)
    case .exited(4):
      let names = formats.map(\.rawValue).joined(separator: ", ")
      throw RenderingError(.renderFailed, "rendering \(names) failed", graphvizMessages: graphvizMessages)
    case .signaled(SIGALRM), .signaled(SIGXCPU):
      // The child's own wall-clock or CPU limit (see `eg_child_bind_lifetime`).
      throw timeoutError(engine: engine, budget: budget)
    case .exited(let code):
      throw RenderingError(
        .workerFailed, "the layout process exited with status \(code)", graphvizMessages: graphvizMessages)
    case .signaled(let signal):
      throw RenderingError(
        .workerFailed, "the layout process died with signal \(signal)", graphvizMessages: graphvizMessages)
    }
  }

  /// Splits the child's output into `count` results, each an 8-byte native-order length and its bytes
  /// (see `eg_fork_layout_render`); `nil` when the output does not hold exactly that.
  static func unframe(_ data: Data, count: Int) -> [Data]? {
    var results: [Data] = []
    var offset = data.startIndex
    for _ in 0..<count {
      guard data.endIndex - offset >= 8 else { return nil }
      var length: UInt64 = 0
      withUnsafeMutableBytes(of: &length) { $0.copyBytes(from: data[offset..<(offset + 8)]) }
      offset += 8
      guard length <= UInt64(data.endIndex - offset) else { return nil }
      let end = offset + Int(length)
      results.append(data.subdata(in: offset..<end))
      offset = end
    }
    return offset == data.endIndex ? results : nil
  }

  /// The time-budget error, with advice that is true for `engine`.
  private func timeoutError(engine: LayoutEngine, budget: Duration) -> RenderingError {
    let advice =
      engine == .sfdp
      ? "sfdp is already the fastest layout: draw a focused view (--focus, --kinds) or raise --time-budget"
      : "try a faster layout such as sfdp, draw a focused view, or raise --time-budget"
    return RenderingError(
      .timeout, "the \(engine.rawValue) layout did not finish within \(Self.seconds(budget)) (\(advice))")
  }

  /// `1.5 s`, `60 s`: a budget as the user typed it.
  static func seconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }

  private func warmUp(engine: LayoutEngine, format: OutputFormat) throws {
    guard !warmedUp.contains("\(engine.rawValue):\(format.rawValue)") else { return }
    let graph = try parse("digraph { a -> b [label=\"x\"] }")
    defer { agclose(graph) }
    _ = try layOutAndRender(graph, formats: [format], engine: engine)
  }

  private func workerError(_ call: String) -> RenderingError {
    RenderingError(.workerFailed, "\(call) failed: \(String(cString: strerror(errno)))")
  }

  private enum ExitStatus: Equatable {
    case exited(Int32)
    case signaled(Int32)
  }

  private func waitForExit(_ pid: pid_t) -> ExitStatus {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return .signaled(0) }
    }
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  /// Reads every descriptor until end of file; `false` when `deadline` passes first.
  private func readUntilEndOfFile(
    _ sources: [(Int32, (Data) -> Void)], deadline: ContinuousClock.Instant
  ) -> Bool {
    var open = sources
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while !open.isEmpty {
      let remaining = ContinuousClock.now.duration(to: deadline)
      if remaining <= .zero { return false }
      let milliseconds = Int32(
        clamping: remaining.components.seconds * 1_000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
      var fds = open.map { pollfd(fd: $0.0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), milliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        return false
      }
      var closed: [Int] = []
      for (index, fd) in fds.enumerated() where fd.revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(fd.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          open[index].1(Data(buffer[0..<count]))
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
          closed.append(index)
        }
      }
      for index in closed.reversed() { open.remove(at: index) }
    }
    return true
  }
}

extension Duration {
  /// The duration in whole milliseconds, rounded down; 0 for negative durations.
  fileprivate var wholeMilliseconds: Int {
    let parts = components
    guard parts.seconds >= 0 else { return 0 }
    let (product, overflow) = Int(parts.seconds).multipliedReportingOverflow(by: 1_000)
    return overflow ? Int.max / 2 : product + Int(parts.attoseconds / 1_000_000_000_000_000)
  }
}
