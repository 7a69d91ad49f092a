import DocumentModel

/// Writes a ``KnowledgeGraph`` as two CSV files for `neo4j-admin database import full`.
///
/// `nodes.csv` has the header `id:ID,:LABEL,name,kind,aliases,confidence:double,mentions:int,attributes`
/// (labels `Entity;Person` etc.) and `edges.csv` has
/// `:START_ID,:END_ID,:TYPE,predicate,confidence:double,count:int,documents,evidence`; the type is the
/// predicate in upper case (`MENTIONED`). Every text field is quoted with `"` (inner quotes doubled, RFC 4180);
/// lists are JSON arrays in one column. Values may hold line breaks, so import with `--multiline-fields=true`:
///
/// ```sh
/// neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv --multiline-fields=true neo4j
/// ```
public struct Neo4jCSVWriter: Sendable {
  /// Whether quote records become `Quote` nodes (name = the quoted words, kind = the quote kind, attributes
  /// = document, span and source) with `SAID` edges from speakers and `MENTIONS` edges to named entities.
  public var includeQuotes: Bool

  /// Creates a writer.
  public init(includeQuotes: Bool = false) { self.includeQuotes = includeQuotes }

  /// The header line of `nodes.csv`.
  public static let nodeHeader = "id:ID,:LABEL,name,kind,aliases,confidence:double,mentions:int,attributes"
  /// The header line of `edges.csv`.
  public static let edgeHeader = ":START_ID,:END_ID,:TYPE,predicate,confidence:double,count:int,documents,evidence"

  /// The contents of `nodes.csv`.
  public func nodesCSV(for graph: KnowledgeGraph) -> String {
    var out = Self.nodeHeader + "\n"
    for entity in graph.entities {
      out +=
        [
          Self.field(entity.id.rawValue), "Entity;" + ExportText.label(entity.kind), Self.field(entity.name),
          entity.kind.rawValue, Self.field(ExportText.jsonArray(entity.aliases)), ExportText.number(entity.confidence),
          String(entity.mentions.count), Self.field(ExportText.jsonObject(entity.attributes)),
        ].joined(separator: ",") + "\n"
    }
    if includeQuotes {
      for q in graph.quotes {
        let attributes = ExportText.jsonObject([
          "doc": q.doc, "start": String(q.start), "end": String(q.end), "source": q.source,
          "speaker_mention": q.speakerMention?.text ?? "",
        ])
        out +=
          [
            Self.field(q.id), "Quote", Self.field(q.text), q.kind.rawValue, Self.field("[]"),
            ExportText.number(q.confidence), String(q.mentions.count), Self.field(attributes),
          ].joined(separator: ",") + "\n"
      }
    }
    return out
  }

  /// The contents of `edges.csv`.
  public func edgesCSV(for graph: KnowledgeGraph) -> String {
    var out = Self.edgeHeader + "\n"
    for relation in graph.relations {
      out +=
        [
          Self.field(relation.subject.rawValue), Self.field(relation.object.rawValue),
          Self.field(relation.predicate.rawValue.uppercased()), Self.field(relation.predicate.rawValue),
          ExportText.number(relation.confidence), String(relation.count),
          Self.field(ExportText.jsonArray(ExportText.documents(of: relation))),
          Self.field(relation.evidence.first?.text ?? ""),
        ].joined(separator: ",") + "\n"
    }
    if includeQuotes {
      for q in graph.quotes {
        let docs = Self.field(ExportText.jsonArray([q.doc]))
        if let speaker = q.speaker {
          out +=
            [
              Self.field(speaker.rawValue), Self.field(q.id), Self.field("SAID"), Self.field("said"),
              ExportText.number(q.confidence), "1", docs, Self.field(q.text),
            ].joined(separator: ",") + "\n"
        }
        for m in q.mentions {
          out +=
            [
              Self.field(q.id), Self.field(m.rawValue), Self.field("MENTIONS"), Self.field("mentions"),
              ExportText.number(q.confidence), "1", docs, Self.field(q.text),
            ].joined(separator: ",") + "\n"
        }
      }
    }
    return out
  }

  /// A quoted CSV field: `"` doubled; NUL and the other control characters except tab and line
  /// breaks (which CSV readers reject or pass to terminals) become U+FFFD.
  public static func field(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x22: out += "\"\""
      case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(scalar)
      case 0..<0x20, 0x7F, 0x80..<0xA0: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
