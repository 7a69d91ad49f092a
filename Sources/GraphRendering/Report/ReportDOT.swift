import DocumentModel

/// DOT text for the report's diagrams, whose SVG elements carry ids the page's script can find.
///
/// Graphviz copies a node's or edge's `id` attribute to its SVG `<g>`, so node `<g id="full_e12">`
/// is entity 12 of the report's data and edge `<g id="full_r7">` is relation 7. The ids are ASCII and
/// made here, never from article text.
enum ReportDOT {
  /// The ``DOTWriter`` text of `view` with `id="<key>_e<entity>"` on each node and
  /// `id="<key>_r<relation>"` on each edge, indices into the whole graph's entities and relations.
  ///
  /// - Throws: ``RenderingError`` with `.renderFailed` if the writer's text no longer has one
  ///   statement line per node and edge (a change in ``DOTWriter`` the report needs to follow).
  static func diagramText(
    for view: ReportView, options: DOTWriter.Options, entityIndex: [EntityID: Int], relationIndex: [RelationKey: Int]
  ) throws -> String {
    let shown = view.graph
    let dot = DOTWriter(options: options).dotText(for: shown)
    var nodes = shown.entities.makeIterator()
    var edges = shown.relations.filter { entityIndex[$0.subject] != nil && entityIndex[$0.object] != nil }
      .makeIterator()
    var out = ""
    out.reserveCapacity(dot.utf8.count + 24 * (shown.entities.count + shown.relations.count))
    for line in dot.split(separator: "\n", omittingEmptySubsequences: false) {
      if let kind = statementKind(line) {
        let id: String
        switch kind {
        case .node:
          guard let entity = nodes.next(), let index = entityIndex[entity.id] else { throw mismatch() }
          id = "\(view.key)_e\(index)"
        case .edge:
          guard let relation = edges.next(), let index = relationIndex[relation.key] else { throw mismatch() }
          id = "\(view.key)_r\(index)"
        }
        let bracket = line.firstIndex(of: "[")!
        out += line[...bracket] + "id=\"\(id)\", " + line[line.index(after: bracket)...]
      } else {
        out += line
      }
      out += "\n"
    }
    out.removeLast()
    guard nodes.next() == nil, edges.next() == nil else { throw mismatch() }
    return out
  }

  private enum Statement { case node, edge }

  /// `  n12 [` is a node statement, `  n1 -> n2 [` an edge; the writer quotes every value, so article
  /// text never starts a line.
  private static func statementKind(_ line: Substring) -> Statement? {
    var rest = line[...]
    guard rest.hasPrefix("  n") else { return nil }
    rest = rest.dropFirst(3)
    func dropNumber() -> Bool {
      let digits = rest.prefix(while: \.isASCIIDigitCharacter)
      rest = rest.dropFirst(digits.count)
      return !digits.isEmpty
    }
    guard dropNumber() else { return nil }
    if rest.hasPrefix(" [") { return .node }
    guard rest.hasPrefix(" -> n") else { return nil }
    rest = rest.dropFirst(5)
    guard dropNumber(), rest.hasPrefix(" [") else { return nil }
    return .edge
  }

  private static func mismatch() -> RenderingError {
    RenderingError(.renderFailed, "the report's diagram ids do not match the DOT writer's statements")
  }

  // MARK: - Who mentioned which country

  /// The bipartite drawing of who mentioned which country: speakers in the left rank, countries in
  /// the right, one edge per `mentioned` relation with a pen width that grows with its count.
  ///
  /// A speaker that is also a mentioned country appears on both sides (`who_e<i>` on the left,
  /// `who_x<i>` on the right). At most `maxSpeakers` speakers are drawn, those with the most mentions.
  static func whoMentionedText(
    for graph: KnowledgeGraph, entityIndex: [EntityID: Int], relationIndex: [RelationKey: Int], maxSpeakers: Int
  ) -> String {
    let edges = graph.relations.filter { $0.predicate == .mentioned && $0.object.kind == .country }
    var totals: [EntityID: Int] = [:]
    for edge in edges { totals[edge.subject, default: 0] += edge.count }
    let speakers = totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }.prefix(maxSpeakers)
    let kept = Set(speakers)
    let drawn = edges.filter { kept.contains($0.subject) }
    let countries = Set(drawn.map(\.object)).sorted()
    let title =
      speakers.count < totals.count
      ? "Who mentioned which country (the \(speakers.count) of \(totals.count) speakers with the most mentions)"
      : "Who mentioned which country"

    var out = "digraph \"who-mentioned\" {\n"
    out += "  graph [rankdir=\"LR\", ranksep=\"2.4\", nodesep=\"0.08\", splines=\"true\", "
    out += "fontname=\"\(DOTWriter.fontName)\", fontsize=\"14\", labelloc=\"t\", labeljust=\"l\", pad=\"0.3\", "
    out += "label=\(DOTEscaping.quoted(title))];\n"
    out += "  node [style=\"filled\", fontname=\"\(DOTWriter.fontName)\", fontsize=\"11\", margin=\"0.12,0.04\"];\n"
    out += "  edge [arrowsize=\"0.6\", color=\"#5b7fb8\"];\n"
    func node(_ name: String, _ id: EntityID, side: String) -> String {
      let entity = graph.entity(id)
      let style = DOTNodeStyle.forKind(entity?.kind ?? .person)
      let label = DOTWriter.truncated(entity?.name ?? id.rawValue, to: 40)
      return "    \(name) [id=\"who_\(side)\(entityIndex[id] ?? -1)\", label=\(DOTEscaping.quoted(label)), "
        + "tooltip=\(DOTEscaping.quoted(id.rawValue)), shape=\"\(style.shape)\", style=\"\(style.style)\", "
        + "fillcolor=\"\(style.fillColor)\", color=\"\(style.borderColor)\"];\n"
    }
    var speakerNames: [EntityID: String] = [:]
    out += "  { rank=\"min\";\n"
    for (i, id) in speakers.sorted().enumerated() {
      speakerNames[id] = "s\(i + 1)"
      out += node("s\(i + 1)", id, side: "e")
    }
    out += "  }\n"
    var countryNames: [EntityID: String] = [:]
    out += "  { rank=\"max\";\n"
    for (i, id) in countries.enumerated() {
      countryNames[id] = "c\(i + 1)"
      out += node("c\(i + 1)", id, side: kept.contains(id) ? "x" : "e")
    }
    out += "  }\n"
    for edge in drawn {
      guard let from = speakerNames[edge.subject], let to = countryNames[edge.object] else { continue }
      let speaker = graph.entity(edge.subject)?.name ?? edge.subject.rawValue
      let country = graph.entity(edge.object)?.name ?? edge.object.rawValue
      out += "  \(from) -> \(to) [id=\"who_r\(relationIndex[edge.key] ?? -1)\", "
      out += "penwidth=\"\(DOTWriter.penWidth(count: edge.count))\", "
      out += "tooltip=\(DOTEscaping.quoted("\(speaker) mentioned \(country) ×\(edge.count)"))];\n"
    }
    out += "}\n"
    return out
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
