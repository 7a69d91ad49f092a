import DocumentModel

/// Writes a ``KnowledgeGraph`` as GraphML, for Gephi, yEd, Cytoscape and NetworkX.
///
/// The output follows the GraphML schema rules: every `<data>` uses a `<key>` declared before the `<graph>`
/// with `for` and a valid `attr.type`; node ids are unique NMTOKENs (`n0`, `n1`, … in entity id order, with
/// the entity id in the `entity_id` data); edges reference declared nodes. Text is XML-escaped, and code points
/// XML 1.0 forbids (most C0 controls) become U+FFFD, so any name yields well-formed XML. Same graph, same bytes.
///
/// ```swift
/// let xml = GraphMLWriter().graphMLText(for: graph)
/// ```
public struct GraphMLWriter: Sendable {
  /// Whether quote records become nodes (kind `quote`, label = the quoted words) with `said` edges from
  /// speakers and `mentions` edges to the entities they name.
  public var includeQuotes: Bool

  /// Creates a writer.
  public init(includeQuotes: Bool = false) { self.includeQuotes = includeQuotes }

  struct Key {
    let id: String
    let domain: String
    let name: String
    let type: String
  }

  static let nodeKeys = [
    Key(id: "d0", domain: "node", name: "label", type: "string"),
    Key(id: "d1", domain: "node", name: "entity_id", type: "string"),
    Key(id: "d2", domain: "node", name: "kind", type: "string"),
    Key(id: "d3", domain: "node", name: "aliases", type: "string"),
    Key(id: "d4", domain: "node", name: "confidence", type: "double"),
    Key(id: "d5", domain: "node", name: "mention_count", type: "int"),
    Key(id: "d6", domain: "node", name: "attributes", type: "string"),
  ]
  static let edgeKeys = [
    Key(id: "d7", domain: "edge", name: "label", type: "string"),
    Key(id: "d8", domain: "edge", name: "predicate", type: "string"),
    Key(id: "d9", domain: "edge", name: "confidence", type: "double"),
    Key(id: "d10", domain: "edge", name: "count", type: "int"),
    Key(id: "d11", domain: "edge", name: "evidence", type: "string"),
    Key(id: "d12", domain: "edge", name: "documents", type: "string"),
  ]
  /// Keys of quote nodes (written only with quotes).
  static let quoteKeys = [
    Key(id: "d13", domain: "node", name: "quote_kind", type: "string"),
    Key(id: "d14", domain: "node", name: "doc", type: "string"),
    Key(id: "d15", domain: "node", name: "start", type: "int"),
    Key(id: "d16", domain: "node", name: "end", type: "int"),
    Key(id: "d17", domain: "node", name: "source", type: "string"),
  ]

  /// The GraphML document for `graph`, ending with a newline.
  public func graphMLText(for graph: KnowledgeGraph) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    for key in Self.nodeKeys + Self.edgeKeys + (includeQuotes ? Self.quoteKeys : []) {
      out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
    }
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
    var nodeID: [EntityID: String] = [:]
    for (index, entity) in graph.entities.enumerated() {
      let id = "n\(index)"
      nodeID[entity.id] = id
      out += "    <node id=\"\(id)\">\n"
      out += data("d0", entity.name)
      out += data("d1", entity.id.rawValue)
      out += data("d2", entity.kind.rawValue)
      out += data("d3", ExportText.jsonArray(entity.aliases))
      out += data("d4", ExportText.number(entity.confidence))
      out += data("d5", String(entity.mentions.count))
      out += data("d6", ExportText.jsonObject(entity.attributes))
      out += "    </node>\n"
    }
    var edgeIndex = 0
    for relation in graph.relations {
      guard let source = nodeID[relation.subject], let target = nodeID[relation.object] else { continue }
      out += "    <edge id=\"e\(edgeIndex)\" source=\"\(source)\" target=\"\(target)\">\n"
      edgeIndex += 1
      out += data("d7", relation.predicate.label)
      out += data("d8", relation.predicate.rawValue)
      out += data("d9", ExportText.number(relation.confidence))
      out += data("d10", String(relation.count))
      out += data("d11", relation.evidence.first?.text ?? "")
      out += data("d12", ExportText.jsonArray(ExportText.documents(of: relation)))
      out += "    </edge>\n"
    }
    if includeQuotes {
      for (index, q) in graph.quotes.enumerated() {
        let id = "q\(index)"
        out += "    <node id=\"\(id)\">\n"
        out += data("d0", q.text)
        out += data("d1", q.id)
        out += data("d2", "quote")
        out += data("d4", ExportText.number(q.confidence))
        out += data("d5", String(q.mentions.count))
        out += data("d13", q.kind.rawValue)
        out += data("d14", q.doc)
        out += data("d15", String(q.start))
        out += data("d16", String(q.end))
        out += data("d17", q.source)
        out += "    </node>\n"
        var ends: [(source: String, target: String, predicate: String)] = []
        if let s = q.speaker, let n = nodeID[s] { ends.append((n, id, "said")) }
        for m in q.mentions { if let n = nodeID[m] { ends.append((id, n, "mentions")) } }
        for e in ends {
          out += "    <edge id=\"e\(edgeIndex)\" source=\"\(e.source)\" target=\"\(e.target)\">\n"
          edgeIndex += 1
          out += data("d7", e.predicate)
          out += data("d8", e.predicate)
          out += data("d9", ExportText.number(q.confidence))
          out += data("d10", "1")
          out += data("d11", q.text)
          out += data("d12", ExportText.jsonArray([q.doc]))
          out += "    </edge>\n"
        }
      }
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private func data(_ key: String, _ value: String) -> String {
    "      <data key=\"\(key)\">\(Self.escaped(value))</data>\n"
  }

  /// `text` escaped for XML content and attribute values; characters XML 1.0 cannot carry become U+FFFD.
  public static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default:
        let v = scalar.value
        if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
