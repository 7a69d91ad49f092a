/// An output format of ``GraphvizRenderer``.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
  /// Scalable vector graphics.
  case svg
  /// A PNG bitmap (cairo).
  case png
  /// A PDF document (cairo).
  case pdf
  /// DOT with the layout's positions added (`pos`, `bb`, …). ``DiagramOutput`` writes the
  /// unlaid-out source for this format instead, which is byte-stable.
  case dot

  /// The file extension, e.g. `svg`.
  public var fileExtension: String { rawValue }

  /// The Graphviz `-T` name.
  var graphvizName: String { rawValue }
}

/// A Graphviz layout engine, or ``auto`` to pick one by the graph's size.
public enum LayoutEngine: String, Sendable, CaseIterable, Hashable {
  /// Hierarchical; best for small graphs, slow with edge labels past ~150 nodes.
  case dot
  /// Spring model (stress majorisation); good up to ~1,500 nodes.
  case neato
  /// Force-directed; supports clusters.
  case fdp
  /// Multiscale force-directed; for thousands of nodes.
  case sfdp
  /// Circular; very slow past ~150 nodes.
  case circo
  /// Radial.
  case twopi
  /// ``dot`` up to 40 nodes, ``neato`` up to 1,500, ``sfdp`` beyond.
  case auto

  /// The engine ``auto`` picks for a graph of `nodeCount` nodes.
  ///
  /// `dot` draws small graphs best, but entity graphs are hub-shaped (a speaker with dozens of
  /// `mentioned` edges) and `dot` stacks a hub's neighbours in one rank: a 90-entity article
  /// became a 1,800 × 9,000 px strip, where `neato` gives a square, readable picture in 0.2 s.
  /// `dot` is also the slowest: seconds at 150 nodes with edge labels, over a minute at 300.
  /// `neato` takes ~3 s at 1,000 nodes and ~90 s at 5,000, where `sfdp` takes ~10 s (timings on a
  /// 2-core VM, see `GRAPHVIZ_NOTES`).
  public static func automatic(nodeCount: Int, hasEdgeLabels: Bool) -> LayoutEngine {
    if nodeCount <= (hasEdgeLabels ? 40 : 60) { return .dot }
    if nodeCount <= 1_500 { return .neato }
    return .sfdp
  }
}
