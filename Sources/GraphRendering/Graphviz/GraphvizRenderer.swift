import Foundation

/// Lays out and renders DOT text with Graphviz's C library, in this process.
///
/// Every Graphviz call in the process goes through one lock, because the library is not
/// thread-safe (not even with one context per thread). Calls are synchronous and may take seconds
/// for big graphs; call them from a background thread or task rather than the main thread.
///
/// With a `timeBudget`, the layout and rendering run in a forked child process that is killed
/// when the budget runs out (Graphviz's layout cannot be cancelled); without one, they run
/// directly in this process.
///
/// ```swift
/// let dot = DOTWriter().dotText(for: graph)
/// let svg = try GraphvizRenderer.render(dot: dot, format: .svg, layout: .auto, timeBudget: .seconds(30))
/// ```
public enum GraphvizRenderer {
  /// Lays out `dot` and renders it as `format`.
  ///
  /// - Parameters:
  ///   - dot: DOT text; only its first graph is read.
  ///   - format: The output format; ``OutputFormat/dot`` gives DOT with positions.
  ///   - layout: The layout engine; ``LayoutEngine/auto`` picks one by node count.
  ///   - timeBudget: The longest the layout and rendering may take; no limit when `nil`.
  /// - Returns: The rendered bytes.
  /// - Throws: ``RenderingError``: `.syntax` for bad DOT, `.pluginsMissing` when Graphviz is not
  ///   configured, `.layoutFailed`, `.renderFailed`, `.timeout`, `.workerFailed`.
  public static func render(
    dot: String, format: OutputFormat, layout: LayoutEngine = .auto, timeBudget: Duration? = nil
  ) throws -> Data {
    try render(dot: dot, formats: [format], layout: layout, timeBudget: timeBudget)[0]
  }

  /// Lays out `dot` once and renders it in each of `formats` from that one layout.
  ///
  /// An SVG and a PNG of one diagram are the same drawing and cost one layout (the slow part), not two.
  ///
  /// - Parameters:
  ///   - dot: DOT text; only its first graph is read.
  ///   - formats: The output formats, in the order of the result.
  ///   - layout: The layout engine; ``LayoutEngine/auto`` picks one by node count.
  ///   - timeBudget: The longest the layout and all the renderings may take together; no limit when `nil`.
  /// - Returns: The rendered bytes, one per format, in the order of `formats`.
  /// - Throws: ``RenderingError`` as ``render(dot:format:layout:timeBudget:)``.
  public static func render(
    dot: String, formats: [OutputFormat], layout: LayoutEngine = .auto, timeBudget: Duration? = nil
  ) throws -> [Data] {
    guard !formats.isEmpty else { return [] }
    return try GraphvizSession.shared.withSession { session in
      if let timeBudget {
        return try session.renderInChild(dot: dot, formats: formats, layout: layout, budget: timeBudget)
      }
      return try session.renderInProcess(dot: dot, formats: formats, layout: layout)
    }
  }

  /// How many of the last 256 layouts this process ran were of `dot`; for tests.
  static func recentLayoutCount(of dot: String) -> Int {
    (try? GraphvizSession.shared.withSession { session in session.recentLayouts.filter { $0 == dot.hashValue }.count })
      ?? 0
  }

  /// The engine a render of `dot` with `layout` uses: `layout` itself, or what ``LayoutEngine/auto``
  /// picks for this graph.
  ///
  /// - Throws: ``RenderingError`` with `.syntax` when `dot` cannot be parsed.
  public static func resolvedLayout(dot: String, layout: LayoutEngine) throws -> LayoutEngine {
    if layout != .auto { return layout }
    return try GraphvizSession.shared.withSession { try $0.resolvedLayout(dot: dot) }
  }

  /// The node labels of `dot` as Graphviz's parser reads them: node name → `label` value
  /// (still escaped, e.g. `\\` and `&amp;`, as in the DOT source after unquoting).
  ///
  /// Nodes without a `label` attribute are left out. Used to check the DOT writer's escaping.
  ///
  /// - Throws: ``RenderingError`` with `.syntax` when `dot` cannot be parsed.
  public static func parseLabels(dot: String) throws -> [String: String] {
    try GraphvizSession.shared.withSession { try $0.parseLabels(dot: dot) }
  }

  /// The layout engines Graphviz has plugins for, sorted (e.g. `circo`, `dot`, `fdp`, …).
  ///
  /// - Throws: ``RenderingError`` with `.pluginsMissing` when there are none.
  public static func availableLayouts() throws -> [String] {
    try GraphvizSession.shared.withSession { try $0.availableLayouts() }
  }
}
