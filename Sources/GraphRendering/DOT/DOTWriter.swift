import DocumentModel

/// Writes a ``KnowledgeGraph`` as Graphviz DOT text, in plain Swift.
///
/// Nodes get generated ASCII ids (`n1`, `n2`, … in entity-id order) with the entity id in
/// `tooltip`; every value is quoted and escaped with ``DOTEscaping``, so any entity name yields DOT
/// that Graphviz reads back with the same label. Nodes are styled by kind (``DOTNodeStyle``), edge
/// labels are predicate words (`ceo of`), and `mentioned` edges are drawn lighter with their count
/// (`mentioned ×3`) and a pen width that grows with it. A legend lists the kinds present.
///
/// The same graph and options always give byte-identical text: attribute order is fixed and
/// entities and relations are written in the graph's sorted order.
///
/// ```swift
/// let writer = DOTWriter(options: .init(title: "Sample", rankDirection: .leftToRight))
/// let dot = writer.dotText(for: graph)
/// let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
/// ```
public struct DOTWriter: Sendable {
  /// The direction ranks are laid out in by the `dot` engine.
  public enum RankDirection: String, Sendable, CaseIterable {
    case topToBottom = "TB"
    case leftToRight = "LR"
    case bottomToTop = "BT"
    case rightToLeft = "RL"
  }

  /// What to draw and how.
  public struct Options: Sendable, Hashable {
    /// A title drawn above the diagram; none when `nil` or empty.
    public var title: String?
    /// Whether to draw a legend of the entity kinds present.
    public var showsLegend: Bool
    /// Rank direction for the `dot` engine.
    public var rankDirection: RankDirection
    /// The kinds to draw; every kind when `nil`.
    public var kinds: Set<EntityKind>?
    /// Entities and relations with a lower confidence are left out.
    public var minConfidence: Double
    /// Node labels longer than this many characters are cut with `…`; never cut when `nil`.
    public var maxLabelLength: Int?
    /// Node labels longer than this many characters are broken over two lines at a space; never
    /// broken when `nil`.
    public var wrapWidth: Int?
    /// Whether `mentioned` edges show their count (`×3`) and grow thicker with it.
    public var showsEdgeCounts: Bool

    /// Creates options; the defaults suit a diagram of one or a few articles.
    public init(
      title: String? = nil, showsLegend: Bool = true, rankDirection: RankDirection = .leftToRight,
      kinds: Set<EntityKind>? = nil, minConfidence: Double = 0, maxLabelLength: Int? = 48,
      wrapWidth: Int? = 22, showsEdgeCounts: Bool = true
    ) {
      self.title = title
      self.showsLegend = showsLegend
      self.rankDirection = rankDirection
      self.kinds = kinds
      self.minConfidence = minConfidence
      self.maxLabelLength = maxLabelLength
      self.wrapWidth = wrapWidth
      self.showsEdgeCounts = showsEdgeCounts
    }
  }

  /// The options used by ``dotText(for:)``.
  public var options: Options

  /// Creates a writer.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// The font used for every label.
  public static let fontName = "Helvetica"

  /// The DOT text for `graph`.
  ///
  /// - Complexity: O(n + m) in the number of entities and relations (after filtering).
  public func dotText(for graph: KnowledgeGraph) -> String {
    let shown = filteredGraph(graph, kinds: options.kinds, minConfidence: options.minConfidence)
    var nodeIDs: [EntityID: String] = [:]
    for (index, entity) in shown.entities.enumerated() {
      nodeIDs[entity.id] = "n\(index + 1)"
    }

    var out = "digraph \"entitygraph\" {\n"
    out += graphAttributes(
      kindsPresent: Set(shown.entities.map(\.kind)), entityCount: shown.entities.count,
      hasMentions: shown.relations.contains { $0.predicate == .mentioned })
    out += "  node [style=\"filled\", fontname=\"\(Self.fontName)\", fontsize=\"11\", margin=\"0.12,0.06\"];\n"
    out +=
      "  edge [fontname=\"\(Self.fontName)\", fontsize=\"9\", arrowsize=\"0.7\", color=\"#4d4d4d\", fontcolor=\"#333333\"];\n"

    for entity in shown.entities {
      guard let id = nodeIDs[entity.id] else { continue }
      let style = DOTNodeStyle.forKind(entity.kind)
      out += "  \(id) ["
      out += "label=\(DOTEscaping.quoted(nodeLabel(entity.name))), "
      out += "tooltip=\(DOTEscaping.quoted(entity.id.rawValue)), "
      out += "shape=\"\(style.shape)\", style=\"\(style.style)\", "
      out += "fillcolor=\"\(style.fillColor)\", color=\"\(style.borderColor)\""
      out += "];\n"
    }

    for relation in shown.relations {
      guard let from = nodeIDs[relation.subject], let to = nodeIDs[relation.object] else { continue }
      out += "  \(from) -> \(to) [\(edgeAttributes(relation))];\n"
    }
    out += "}\n"
    return out
  }

  // MARK: - Pieces

  /// Graphs up to this many entities get curved edges routed around nodes (`splines=true`); the
  /// routing makes neato/fdp minutes slow on a few hundred nodes, so bigger graphs keep each
  /// engine's default (curves for dot, straight lines for the force-directed engines).
  public static let maxEntitiesForRoutedEdges = 60

  private func graphAttributes(kindsPresent: Set<EntityKind>, entityCount: Int, hasMentions: Bool) -> String {
    var out = "  graph [rankdir=\"\(options.rankDirection.rawValue)\", overlap=\"false\", "
    if entityCount <= Self.maxEntitiesForRoutedEdges { out += "splines=\"true\", " }
    out += "outputorder=\"edgesfirst\", fontname=\"\(Self.fontName)\", fontsize=\"14\", "
    // Components are laid out separately and packed, so isolated entities fill a block rather than
    // one endless rank.
    out += "nodesep=\"0.35\", ranksep=\"0.6\", sep=\"+6\", pad=\"0.3\", pack=\"true\", packmode=\"graph\""
    if let label = graphLabel(kindsPresent: kindsPresent, hasMentions: hasMentions) {
      out += ", labelloc=\"t\", labeljust=\"l\", label=\(label)"
    }
    out += "];\n"
    return out
  }

  /// The graph label: the title and, when asked, a legend table. HTML is used only for fixed
  /// text (kind names, colours) plus the XML-escaped title.
  private func graphLabel(kindsPresent: Set<EntityKind>, hasMentions: Bool) -> String? {
    let title = options.title.flatMap { $0.isEmpty ? nil : $0 }
    let legendKinds = options.showsLegend ? EntityKind.allCases.filter(kindsPresent.contains) : []
    if legendKinds.isEmpty {
      return title.map(DOTEscaping.quoted)
    }
    var html = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\">"
    if let title {
      html +=
        "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"\(legendKinds.count + (hasMentions ? 2 : 1))\"><B>\(Self.htmlEscaped(title))</B></TD></TR>"
    }
    html += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Legend:</FONT></TD>"
    for kind in legendKinds {
      let style = DOTNodeStyle.forKind(kind)
      html += "<TD BORDER=\"1\" STYLE=\"ROUNDED\" COLOR=\"\(style.borderColor)\" BGCOLOR=\"\(style.fillColor)\">"
      html += "<FONT POINT-SIZE=\"10\">\(kind.rawValue) (\(style.shape))</FONT></TD>"
    }
    if hasMentions {
      html += "<TD><FONT POINT-SIZE=\"10\" COLOR=\"#757575\">- - &#8594; mentioned"
      html += options.showsEdgeCounts ? " (×N: N times)" : ""
      html += "</FONT></TD>"
    }
    html += "</TR></TABLE>>"
    return html
  }

  private func edgeAttributes(_ relation: Relation) -> String {
    // `mentioned` edges are the most numerous: they are told apart by their dashed grey style
    // (explained in the legend) and labelled only with their count, to keep the diagram legible.
    let isMention = relation.predicate == .mentioned
    let label: String
    if isMention {
      label = options.showsEdgeCounts && relation.count > 1 ? "×\(relation.count)" : ""
    } else {
      label = relation.predicate.label
    }
    var out = label.isEmpty ? "" : "label=\(DOTEscaping.quoted(label)), "
    var tooltip = relation.predicate.label
    if let evidence = relation.evidence.first {
      tooltip += ": " + Self.truncated(evidence.text, to: 200)
    }
    out += "tooltip=\(DOTEscaping.quoted(tooltip))"
    if isMention {
      out += ", color=\"#9e9e9e\", fontcolor=\"#757575\", style=\"dashed\""
      if options.showsEdgeCounts {
        out += ", penwidth=\"\(Self.penWidth(count: relation.count))\""
      }
    }
    return out
  }

  /// 1 for a single mention, growing by 0.75 for each doubling, at most 5.
  static func penWidth(count: Int) -> String {
    var width = 1.0
    var n = max(1, count)
    while n > 1 && width < 5 {
      width += 0.75
      n /= 2
    }
    let tenths = Int((min(width, 5) * 100).rounded())
    return tenths % 100 == 0 ? "\(tenths / 100)" : String(format2: tenths)
  }

  func nodeLabel(_ name: String) -> String {
    var text = name
    if let limit = options.maxLabelLength {
      text = Self.truncated(text, to: limit)
    }
    if let width = options.wrapWidth {
      text = Self.wrapped(text, width: width)
    }
    return text
  }

  static func truncated(_ text: String, to limit: Int) -> String {
    guard limit > 0, text.count > limit else { return text }
    var kept = text.prefix(max(1, limit - 1))
    // Prefer to cut between words when a space is close to the limit.
    if let space = kept.lastIndex(of: " "), kept.distance(from: space, to: kept.endIndex) <= max(1, limit / 3) {
      kept = kept[..<space]
    }
    while let last = kept.last, last == " " || last == "," || last == ";" || last == ":" { kept.removeLast() }
    return String(kept.isEmpty ? text.prefix(max(1, limit - 1)) : kept) + "…"
  }

  /// Breaks a long single-line label at the space nearest its middle.
  static func wrapped(_ text: String, width: Int) -> String {
    guard text.count > width, !text.contains("\n") else { return text }
    let characters = Array(text)
    let middle = characters.count / 2
    var best: Int?
    for (offset, character) in characters.enumerated() where character == " " {
      if best.map({ abs(offset - middle) < abs($0 - middle) }) ?? true { best = offset }
    }
    guard let split = best, split > 0, split < characters.count - 1 else { return text }
    return String(characters[..<split]) + "\n" + String(characters[(split + 1)...])
  }

  static func htmlEscaped(_ text: String) -> String {
    var out = ""
    for scalar in DOTEscaping.visibleText(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "]": out += "&#93;"
      case "\\": out += "\\\\"
      case "\n": out += "<BR/>"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// `"1.75"` for 175 hundredths.
  fileprivate init(format2 hundredths: Int) {
    let whole = hundredths / 100
    let fraction = hundredths % 100
    self = fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
