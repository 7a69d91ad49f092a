import DocumentModel
import Foundation

/// A report people can explore: one self-contained HTML file with the diagram, who mentioned which
/// country, the quotes, the documents' texts and the evidence of every fact.
///
/// Everything is inline (style, script, the SVG diagrams laid out by Graphviz in this process), and a
/// Content-Security-Policy forbids every remote source, so the page makes no network request. Article
/// text reaches the page only as escaped text: inside the JSON data (``HTMLEscaping/scriptJSON(_:)``),
/// inside Graphviz's SVG (XML-escaped by Graphviz from ``DOTEscaping`` values), and in the few
/// places the HTML itself shows it (``HTMLEscaping/text(_:)``). The script builds the page from the
/// data with `textContent`, never with markup.
///
/// ```swift
/// let report = HTMLReport(graph: graph, texts: ["a": text], metadata: .init(title: "a", commandLine: "…"))
/// let html = try report.htmlText(timeBudget: .seconds(60))
/// ```
public struct HTMLReport: Sendable {
  /// What the page says about itself.
  public struct Metadata: Sendable, Hashable {
    /// The page's heading.
    public var title: String
    /// The tool and its version, e.g. `entitygraph 0.1.0`.
    public var toolVersion: String
    /// The command that made the report.
    public var commandLine: String

    /// Creates metadata.
    public init(title: String, toolVersion: String = "entitygraph", commandLine: String = "") {
      self.title = title
      self.toolVersion = toolVersion
      self.commandLine = commandLine
    }
  }

  /// Sizes at which the report draws parts instead of the whole.
  public struct Limits: Sendable, Hashable {
    /// Graphs with more entities open on a focused view of at most this many entities.
    public var focusThreshold: Int
    /// The most entities a view draws.
    public var maxDrawnEntities: Int
    /// The most speakers the who-mentioned drawing shows.
    public var maxWhoMentionedSpeakers: Int

    /// Creates limits; the defaults keep a 10,000-document store's report quick to open.
    public init(focusThreshold: Int = 300, maxDrawnEntities: Int = 1_000, maxWhoMentionedSpeakers: Int = 60) {
      self.focusThreshold = focusThreshold
      self.maxDrawnEntities = maxDrawnEntities
      self.maxWhoMentionedSpeakers = maxWhoMentionedSpeakers
    }
  }

  /// The diagrams of a report as SVG text, keyed like its ``views``.
  public struct Diagrams: Sendable, Hashable {
    /// SVG of each view, by ``ReportView/key``.
    public var views: [String: String]
    /// SVG of the who-mentioned drawing; empty when nobody mentioned a country.
    public var whoMentioned: String

    /// Creates the diagrams.
    public init(views: [String: String], whoMentioned: String) {
      self.views = views
      self.whoMentioned = whoMentioned
    }
  }

  /// The graph shown.
  public var graph: KnowledgeGraph
  /// The documents' texts by document id; documents without one show only their mention and evidence snippets.
  public var texts: [String: String]
  /// Title, tool version and command.
  public var metadata: Metadata
  /// When to draw parts of the graph.
  public var limits: Limits

  /// Creates a report.
  public init(
    graph: KnowledgeGraph, texts: [String: String] = [:], metadata: Metadata, limits: Limits = Limits()
  ) {
    self.graph = graph
    self.texts = texts
    self.metadata = metadata
    self.limits = limits
  }

  /// The diagrams the explorer offers, the one it opens on first.
  public var views: [ReportView] {
    ReportView.views(
      of: graph, focusThreshold: limits.focusThreshold, maxDrawnEntities: limits.maxDrawnEntities)
  }

  /// The DOT text of the who-mentioned drawing (speakers left, countries right, pen width by count),
  /// or `nil` when nobody mentioned a country. `build` writes it as `who-mentioned.*`.
  public var whoMentionedDOT: String? {
    guard graph.relations.contains(where: { $0.predicate == .mentioned && $0.object.kind == .country }) else {
      return nil
    }
    return ReportDOT.whoMentionedText(
      for: graph, entityIndex: entityIndex, relationIndex: relationIndex,
      maxSpeakers: limits.maxWhoMentionedSpeakers)
  }

  /// The DOT text of each view, with element ids the page's script reads.
  ///
  /// - Throws: ``RenderingError``.
  public func viewDOTs() throws -> [(view: ReportView, dot: String)] {
    let options = DOTWriter.Options(showsLegend: false)
    return try views.map {
      (
        $0,
        try ReportDOT.diagramText(
          for: $0, options: options, entityIndex: entityIndex, relationIndex: relationIndex)
      )
    }
  }

  /// Lays out every diagram with Graphviz, in this process.
  ///
  /// - Parameters:
  ///   - layout: The layout engine for the views (the who-mentioned drawing always uses `dot`).
  ///   - timeBudget: The longest one layout may take; no limit when `nil`.
  /// - Throws: ``RenderingError``.
  public func renderDiagrams(layout: LayoutEngine = .auto, timeBudget: Duration? = nil) throws -> Diagrams {
    var svgs: [String: String] = [:]
    for (view, dot) in try viewDOTs() {
      let data = try GraphvizRenderer.render(dot: dot, format: .svg, layout: layout, timeBudget: timeBudget)
      svgs[view.key] = String(decoding: data, as: UTF8.self)
    }
    var who = ""
    if let dot = whoMentionedDOT {
      let data = try GraphvizRenderer.render(dot: dot, format: .svg, layout: .dot, timeBudget: timeBudget)
      who = String(decoding: data, as: UTF8.self)
    }
    return Diagrams(views: svgs, whoMentioned: who)
  }

  /// The whole page: diagrams laid out by Graphviz, then ``htmlText(diagrams:)``.
  ///
  /// - Throws: ``RenderingError``.
  public func htmlText(layout: LayoutEngine = .auto, timeBudget: Duration? = nil) throws -> String {
    try htmlText(diagrams: renderDiagrams(layout: layout, timeBudget: timeBudget))
  }

  /// The page around already rendered diagrams; the same report and diagrams give the same bytes.
  ///
  /// - Throws: an `EncodingError` if the data cannot be written as JSON (a non-finite confidence).
  public func htmlText(diagrams: Diagrams) throws -> String {
    let views = self.views
    let payload = ReportPayload(
      graph: graph, texts: texts, quotes: ReportQuote.quotes(in: graph), views: views, metadata: metadata)
    let json = HTMLEscaping.scriptJSON(try payload.jsonText())
    let script = ReportScript.source
    let e = HTMLEscaping.text
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy(script: script))\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"generator\" content=\"\(e(metadata.toolVersion))\">\n"
    html += "<link rel=\"icon\" href=\"data:,\">\n"
    html += "<title>\(e(metadata.title)) · EntityGraph report</title>\n"
    html += "<style>\n\(ReportStylesheet.source)</style>\n</head>\n<body>\n"
    html += ReportPage.body(
      title: e(metadata.title), tool: e(metadata.toolVersion), command: e(metadata.commandLine),
      counts: e(
        "\(graph.documents.count) document\(graph.documents.count == 1 ? "" : "s") · \(graph.entities.count) entities · "
          + "\(graph.relations.count) relations"),
      whoMentionedSVG: Self.inlineSVG(diagrams.whoMentioned))
    for view in views {
      html += "<template id=\"view-\(view.key)\">\n\(Self.inlineSVG(diagrams.views[view.key] ?? ""))</template>\n"
    }
    html += "<script type=\"application/json\" id=\"report-data\">\(json)</script>\n"
    html += "<script>\(script)</script>\n</body>\n</html>\n"
    return html
  }

  // MARK: - Pieces

  /// No remote source of any kind; the one inline script is allowed by its hash, inline styles are
  /// allowed, images only as `data:` URLs (the empty favicon).
  static func contentSecurityPolicy(script: String) -> String {
    let digest = SHA256.hex(of: Array(script.utf8))
    var bytes: [UInt8] = []
    var index = digest.startIndex
    while index < digest.endIndex {
      let next = digest.index(index, offsetBy: 2)
      bytes.append(UInt8(digest[index..<next], radix: 16)!)
      index = next
    }
    return "default-src 'none'; script-src 'sha256-\(Data(bytes).base64EncodedString())'; "
      + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
  }

  /// Graphviz's SVG without the XML prolog, doctype and comments before `<svg`.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    return String(svg[start.lowerBound...])
  }

  private var entityIndex: [EntityID: Int] {
    Dictionary(uniqueKeysWithValues: graph.entities.enumerated().map { ($0.element.id, $0.offset) })
  }

  /// Index of each relation as the payload lists it (relations whose ends exist, in graph order).
  private var relationIndex: [RelationKey: Int] {
    let ids = Set(graph.entities.map(\.id))
    let kept = graph.relations.filter { ids.contains($0.subject) && ids.contains($0.object) }
    return Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($0.element.key, $0.offset) })
  }
}
