import DocumentModel

/// A quote as the report shows it: who said it, the span of text, and the entities it names.
///
/// ``quotes(in:)`` reads the graph's quote records (every attributed quote, whether or not it names an
/// entity); a graph written before quote records existed gives its `mentioned` evidence instead.
public struct ReportQuote: Hashable, Sendable, Comparable {
  /// The speaker.
  public var speaker: EntityID
  /// Where the words are (document, code point offsets, text).
  public var evidence: Evidence
  /// The entities the words name, sorted.
  public var named: [EntityID]

  /// Creates a quote.
  public init(speaker: EntityID, evidence: Evidence, named: [EntityID]) {
    self.speaker = speaker
    self.evidence = evidence
    self.named = named
  }

  /// Orders by document, offsets, then speaker.
  public static func < (a: ReportQuote, b: ReportQuote) -> Bool {
    (a.evidence, a.speaker) < (b.evidence, b.speaker)
  }

  /// The quotes of `graph`: its quote records that have a speaker; for a graph without records, one per
  /// speaker and evidence span of its `mentioned` edges, naming every entity whose `mentioned` edge from that
  /// speaker cites the span.
  ///
  /// - Returns: Quotes sorted by document and offset.
  /// - Complexity: O(m log m) in the number of `mentioned` evidence spans.
  public static func quotes(in graph: KnowledgeGraph) -> [ReportQuote] {
    if !graph.quotes.isEmpty {
      return graph.quotes.compactMap { q in
        q.speaker.map {
          ReportQuote(
            speaker: $0, evidence: Evidence(doc: q.doc, start: q.start, end: q.end, text: q.text), named: q.mentions)
        }
      }.sorted()
    }
    struct Key: Hashable {
      var speaker: EntityID
      var evidence: Evidence
    }
    var named: [Key: Set<EntityID>] = [:]
    for relation in graph.relations where relation.predicate == .mentioned {
      for evidence in relation.evidence {
        named[Key(speaker: relation.subject, evidence: evidence), default: []].insert(relation.object)
      }
    }
    return named.map { ReportQuote(speaker: $0.key.speaker, evidence: $0.key.evidence, named: $0.value.sorted()) }
      .sorted()
  }
}
