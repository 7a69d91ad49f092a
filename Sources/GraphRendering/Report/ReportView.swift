import DocumentModel

/// One diagram of the report's explorer: a part of the graph, drawn by Graphviz.
///
/// Small graphs get one view, the whole graph. Bigger ones open on a focused view (the speakers and
/// the countries they mentioned, or the most connected entities) and keep the whole graph, or its most
/// connected part when even that is too big to lay out, one click away.
public struct ReportView: Sendable, Hashable {
  /// A short stable name, used in element ids (`full`, `focus`).
  public var key: String
  /// What the view shows, for its button.
  public var title: String
  /// Why it is a part, when it is; empty for the whole graph.
  public var note: String
  /// The entities and relations drawn.
  public var graph: KnowledgeGraph

  /// Creates a view.
  public init(key: String, title: String, note: String = "", graph: KnowledgeGraph) {
    self.key = key
    self.title = title
    self.note = note
    self.graph = graph
  }

  /// The views of `graph`, the one the page opens on first.
  ///
  /// - Parameters:
  ///   - focusThreshold: Graphs with more entities open on a focused view.
  ///   - maxDrawnEntities: The most entities one view draws (layout time grows quickly past a thousand).
  public static func views(of graph: KnowledgeGraph, focusThreshold: Int, maxDrawnEntities: Int) -> [ReportView] {
    let count = graph.entities.count
    guard count > focusThreshold else {
      return [ReportView(key: "full", title: "Full graph", graph: graph)]
    }
    let full: ReportView
    if count <= maxDrawnEntities {
      full = ReportView(key: "full", title: "Full graph", graph: graph)
    } else {
      full = ReportView(
        key: "full", title: "Most connected \(maxDrawnEntities)",
        note: "The \(maxDrawnEntities) most connected of \(count) entities; search and the tables cover all of them.",
        graph: mostConnected(graph, limit: maxDrawnEntities, among: nil))
    }
    let speakersAndCountries = speakerCountryIDs(graph)
    let focus: ReportView
    if speakersAndCountries.count >= 2 {
      let kept = mostConnected(graph, limit: focusThreshold, among: speakersAndCountries)
      focus = ReportView(
        key: "focus", title: "Speakers and countries",
        note: kept.entities.count < speakersAndCountries.count
          ? "The \(kept.entities.count) most connected of \(speakersAndCountries.count) speakers and countries."
          : "Speakers, the countries they mentioned, and the relations between them.",
        graph: kept)
    } else {
      focus = ReportView(
        key: "focus", title: "Most connected \(focusThreshold)",
        note: "The \(focusThreshold) most connected of \(count) entities.",
        graph: mostConnected(graph, limit: focusThreshold, among: nil))
    }
    return [focus, full]
  }

  /// Speakers who mentioned a country, and those countries.
  static func speakerCountryIDs(_ graph: KnowledgeGraph) -> Set<EntityID> {
    var ids: Set<EntityID> = []
    for relation in graph.relations
    where relation.predicate == .mentioned && relation.object.kind == .country {
      ids.insert(relation.subject)
      ids.insert(relation.object)
    }
    return ids
  }

  /// The `limit` entities (of `among`, or all) with the most relations, ties broken by id, and the
  /// relations between them.
  ///
  /// - Complexity: O(m + n log n).
  static func mostConnected(_ graph: KnowledgeGraph, limit: Int, among: Set<EntityID>?) -> KnowledgeGraph {
    var degree: [EntityID: Int] = [:]
    for relation in graph.relations {
      degree[relation.subject, default: 0] += relation.count
      degree[relation.object, default: 0] += relation.count
    }
    let candidates = graph.entities.filter { among?.contains($0.id) ?? true }
    let kept = Set(
      candidates.map(\.id).sorted { (degree[$0] ?? 0, $1) > (degree[$1] ?? 0, $0) }.prefix(limit))
    // Not `graph.filtered`: a view needs no document list, and re-adding 10,000 documents one by one
    // (each add scans and re-sorts the list) took minutes.
    return KnowledgeGraph(
      entities: graph.entities.filter { kept.contains($0.id) },
      relations: graph.relations.filter { kept.contains($0.subject) && kept.contains($0.object) })
  }
}
