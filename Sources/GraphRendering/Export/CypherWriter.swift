import DocumentModel

/// Writes a ``KnowledgeGraph`` as a Cypher script that recreates it in Neo4j (`cypher-shell -f graph.cypher`).
///
/// One statement per line: a uniqueness constraint on `Entity.id`, a `MERGE` per entity (labels `Entity` and
/// its kind, e.g. `Person`) and a `MATCH … MERGE` per relation (type = predicate in upper case, quoted with
/// backticks). String literals escape `\`, `'`, line breaks and control characters, so any name is safe and
/// the script stays one statement per line. Running it twice gives the same database. With `includeQuotes`,
/// each quote record is a `Quote` node, with a `SAID` edge from its speaker and a `MENTIONS` edge to each
/// entity it names.
///
/// ```swift
/// let script = CypherWriter().cypherText(for: graph)
/// ```
public struct CypherWriter: Sendable {
  /// Whether quote records become `Quote` nodes with `SAID` and `MENTIONS` edges.
  public var includeQuotes: Bool

  /// Creates a writer.
  public init(includeQuotes: Bool = false) { self.includeQuotes = includeQuotes }

  /// The script for `graph`, ending with a newline.
  public func cypherText(for graph: KnowledgeGraph) -> String {
    var out = "// EntityGraph export: \(graph.entities.count) entities, \(graph.relations.count) relations\n"
    out += "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
    for entity in graph.entities {
      out += "MERGE (n:Entity:\(ExportText.label(entity.kind)) {id: \(Self.literal(entity.id.rawValue))}) "
      out += "SET n.name = \(Self.literal(entity.name)), n.kind = \(Self.literal(entity.kind.rawValue)), "
      out += "n.aliases = [\(entity.aliases.map(Self.literal).joined(separator: ", "))], "
      out += "n.confidence = \(ExportText.number(entity.confidence)), n.mentions = \(entity.mentions.count)"
      for key in entity.attributes.keys.sorted() {
        out += ", n.\(Self.identifier("attr_" + key)) = \(Self.literal(entity.attributes[key]!))"
      }
      out += ";\n"
    }
    for relation in graph.relations {
      out += "MATCH (a:Entity {id: \(Self.literal(relation.subject.rawValue))}), "
      out += "(b:Entity {id: \(Self.literal(relation.object.rawValue))}) "
      out += "MERGE (a)-[r:\(Self.identifier(relation.predicate.rawValue.uppercased()))]->(b) "
      out += "SET r.predicate = \(Self.literal(relation.predicate.rawValue)), "
      out += "r.confidence = \(ExportText.number(relation.confidence)), r.count = \(relation.count), "
      out += "r.documents = [\(ExportText.documents(of: relation).map(Self.literal).joined(separator: ", "))], "
      out += "r.evidence = \(Self.literal(relation.evidence.first?.text ?? ""));\n"
    }
    if includeQuotes { out += quoteStatements(graph) }
    return out
  }

  /// `Quote` nodes and their `SAID` / `MENTIONS` edges.
  func quoteStatements(_ graph: KnowledgeGraph) -> String {
    guard !graph.quotes.isEmpty else { return "" }
    var out = "CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (q:Quote) REQUIRE q.id IS UNIQUE;\n"
    for q in graph.quotes {
      out += "MERGE (q:Quote {id: \(Self.literal(q.id))}) SET q.text = \(Self.literal(q.text)), "
      out +=
        "q.kind = \(Self.literal(q.kind.rawValue)), q.doc = \(Self.literal(q.doc)), q.start = \(q.start), q.end = \(q.end), "
      out += "q.speaker_mention = \(Self.literal(q.speakerMention?.text ?? "")), "
      out += "q.confidence = \(ExportText.number(q.confidence)), q.source = \(Self.literal(q.source));\n"
      if let s = q.speaker {
        out +=
          "MATCH (a:Entity {id: \(Self.literal(s.rawValue))}), (q:Quote {id: \(Self.literal(q.id))}) MERGE (a)-[:SAID]->(q);\n"
      }
      for m in q.mentions {
        out +=
          "MATCH (q:Quote {id: \(Self.literal(q.id))}), (b:Entity {id: \(Self.literal(m.rawValue))}) MERGE (q)-[:MENTIONS]->(b);\n"
      }
    }
    return out
  }

  /// A single-quoted Cypher string literal.
  public static func literal(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
          out += "\\u" + ExportText.hex4(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "'"
  }

  /// A backtick-quoted Cypher identifier (backticks doubled, control characters replaced by `_`).
  public static func identifier(_ name: String) -> String {
    let visible = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 0x20 ? "_" : $0 }))
    return "`" + visible.replacingOccurrences(of: "`", with: "``") + "`"
  }
}
