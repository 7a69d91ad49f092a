import DocumentModel
import Foundation

// Sub-diagrams of a big graph: a neighbourhood, the speakers view, and kind/confidence filters.
// They only select from the graph; they never change an entity or relation.

/// The entities within `depth` steps of `center` (following relations in either direction) and the
/// relations among them.
///
/// ```swift
/// let around = focusedGraph(graph, on: "person:ada-lovelace", depth: 1)
/// ```
///
/// - Parameters:
///   - graph: The whole graph.
///   - center: The entity to focus on; an empty graph (with the same documents) when it is absent.
///   - depth: How many relation steps to follow; 0 keeps only `center`.
/// - Returns: A graph with the selected entities and every relation between two of them.
/// - Complexity: O((n + m) · depth) for n entities and m relations.
public func focusedGraph(_ graph: KnowledgeGraph, on center: EntityID, depth: Int) -> KnowledgeGraph {
  focusedGraph(graph, on: [center], depth: depth)
}

/// The entities within `depth` steps of any of `centers`, and the relations among them.
///
/// - Complexity: O(m + n log n + m · depth).
public func focusedGraph(_ graph: KnowledgeGraph, on centers: [EntityID], depth: Int) -> KnowledgeGraph {
  var neighbours: [EntityID: [EntityID]] = [:]
  for relation in graph.relations {
    neighbours[relation.subject, default: []].append(relation.object)
    neighbours[relation.object, default: []].append(relation.subject)
  }
  var reached = Set(centers.filter { graph.entity($0) != nil })
  var frontier = Array(reached)
  var step = 0
  while step < depth && !frontier.isEmpty {
    var next: [EntityID] = []
    for id in frontier {
      for other in neighbours[id] ?? [] where reached.insert(other).inserted {
        next.append(other)
      }
    }
    frontier = next
    step += 1
  }
  return graph.filtered { reached.contains($0.id) }
}

/// Ids of the entities whose name or one of whose aliases equals `name`, ignoring case,
/// diacritics and width; when none matches exactly, those whose name or alias contains it.
///
/// ```swift
/// entityIDs(matching: "jose marti", in: graph)  // ["person:jose-marti"]
/// ```
///
/// - Returns: Matching ids in sorted order; empty when nothing matches or `name` is blank.
public func entityIDs(matching name: String, in graph: KnowledgeGraph) -> [EntityID] {
  let wanted = foldedName(name)
  guard !wanted.isEmpty else { return [] }
  var exact: [EntityID] = []
  var partial: [EntityID] = []
  for entity in graph.entities {
    let names = ([entity.name] + entity.aliases).map(foldedName)
    if names.contains(wanted) {
      exact.append(entity.id)
    } else if names.contains(where: { $0.contains(wanted) }) {
      partial.append(entity.id)
    }
  }
  return exact.isEmpty ? partial : exact
}

/// A name folded for comparison: its words, case-, accent- and width-folded, joined with single spaces
/// (``NameNormalizer/searchForm(_:)``, the one name normalizer).
func foldedName(_ name: String) -> String { NameNormalizer.searchForm(name) }

/// The speakers view: only `mentioned` relations, and only the entities at their ends.
///
/// Answers "who mentioned what" at a glance; add `kinds: [.person, .organization, .country]` with
/// ``filteredGraph(_:kinds:minConfidence:)`` to keep only countries.
public func speakersGraph(_ graph: KnowledgeGraph) -> KnowledgeGraph {
  let mentions = graph.relations.filter { $0.predicate == .mentioned }
  let ends = Set(mentions.flatMap { [$0.subject, $0.object] })
  return KnowledgeGraph(
    documents: graph.documents, entities: graph.entities.filter { ends.contains($0.id) }, relations: mentions)
}

/// The graph with only entities of `kinds` (all kinds when `nil`) and entities and relations whose
/// confidence is at least `minConfidence`.
public func filteredGraph(_ graph: KnowledgeGraph, kinds: Set<EntityKind>?, minConfidence: Double) -> KnowledgeGraph {
  if kinds == nil && minConfidence <= 0 { return graph }
  let kept = graph.filtered { entity in
    (kinds?.contains(entity.kind) ?? true) && entity.confidence >= minConfidence
  }
  guard minConfidence > 0 else { return kept }
  return KnowledgeGraph(
    documents: kept.documents, entities: kept.entities,
    relations: kept.relations.filter { $0.confidence >= minConfidence })
}
