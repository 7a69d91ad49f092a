import DocumentModel

/// Writes a ``KnowledgeGraph`` as a Cypher script that recreates it in Neo4j (`cypher-shell -f graph.cypher`).
///
/// One statement per line: a uniqueness constraint on `Entity.id`, a `MERGE` per entity (labels `Entity` and
/// its kind, e.g. `Person`) and a `MATCH … MERGE` per relation (type = predicate in upper case, quoted with
/// backticks). String literals escape `\`, `'`, line breaks and control characters, so any name is safe and
/// the script stays one statement per line. Running it twice gives the same database.
///
/// ```swift
/// let script = CypherWriter().cypherText(for: graph)
/// ```
public struct CypherWriter: Sendable {
  /// Creates a writer.
  public init() {}

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
