import Foundation

extension KnowledgeGraph {
  private enum CodingKeys: String, CodingKey { case documents, entities, relations, quotes }

  /// Decodes a graph in the interchange shape (`documents`, `entities`, `relations`, `quotes`), re-sorting it.
  /// A graph written before quote records existed has no `quotes` key and decodes with none.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      documents: try c.decodeIfPresent([DocumentInfo].self, forKey: .documents) ?? [],
      entities: try c.decodeIfPresent([Entity].self, forKey: .entities) ?? [],
      relations: try c.decodeIfPresent([Relation].self, forKey: .relations) ?? [],
      quotes: try c.decodeIfPresent([QuoteRecord].self, forKey: .quotes) ?? [])
  }

  /// Encodes the graph; keys are written in a fixed order by ``jsonData()``.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(documents, forKey: .documents)
    try c.encode(entities, forKey: .entities)
    try c.encode(relations, forKey: .relations)
    try c.encode(quotes, forKey: .quotes)
  }

  /// The graph as pretty-printed JSON with sorted keys: byte-identical for the same graph.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a graph from JSON in the interchange shape.
  public init(jsonData: Data) throws {
    self = try JSONDecoder().decode(KnowledgeGraph.self, from: jsonData)
  }
}
