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
  ///
  /// The bytes are those `JSONEncoder` writes for the whole graph (pretty-printed, sorted keys, slashes
  /// unescaped), built by ``writeJSON(_:)``.
  public func jsonData() throws -> Data {
    var data = Data()
    try writeJSON { data.append($0) }
    return data
  }

  /// Writes ``jsonData()`` in pieces of about a megabyte to `write`, encoding up to 64 documents, entities,
  /// quotes or relations at a time, so writing the graph of a 20 MB text to a file needs little more memory than
  /// 64 entries' JSON (encoding the whole graph at once held several times the 250 MB of JSON it wrote).
  ///
  /// Each batch is encoded as an array alone and indented into place: the pretty-printed form of a value nested
  /// one level deeper is its own form with every non-empty line indented by two more spaces (strings hold no raw
  /// line breaks), and a batch's elements are the lines between its `[` and `]`.
  public func writeJSON(_ write: (Data) throws -> Void) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 21)
    func flush(atLeast limit: Int) throws {
      guard buffer.count >= limit else { return }
      try write(Data(buffer))
      buffer.removeAll(keepingCapacity: true)
    }
    func section<T: Encodable>(_ key: String, _ items: [T], last: Bool) throws {
      buffer += Array("  \"\(key)\" : [\n".utf8)
      if items.isEmpty { buffer.append(0x0A) }
      var first = 0
      while first < items.count {
        let end = min(items.count, first + 64)
        let batch = try encoder.encode(Array(items[first..<end]))
        // "[\n" + elements (indented by 2) + "\n]": keep the elements, indented by 2 more.
        batch.withUnsafeBytes { raw in
          let body = raw[2..<(raw.count - 2)]
          buffer += [0x20, 0x20]
          var from = body.startIndex
          var i = from
          while i < body.endIndex {
            if body[i] == 0x0A {
              buffer += body[from...i]
              from = i + 1
              if from < body.endIndex && body[from] != 0x0A { buffer += [0x20, 0x20] }
            }
            i += 1
          }
          buffer += body[from..<body.endIndex]
        }
        buffer += end == items.count ? [0x0A] : [0x2C, 0x0A]
        try flush(atLeast: 1 << 20)
        first = end
      }
      buffer += Array((last ? "  ]\n" : "  ],\n").utf8)
    }
    buffer += Array("{\n".utf8)
    try section("documents", documents, last: false)
    try section("entities", entities, last: false)
    try section("quotes", quotes, last: false)
    try section("relations", relations, last: true)
    buffer += Array("}\n".utf8)
    try flush(atLeast: 1)
  }

  /// Reads a graph from JSON in the interchange shape.
  public init(jsonData: Data) throws {
    self = try JSONDecoder().decode(KnowledgeGraph.self, from: jsonData)
  }
}
