import DocumentModel
import Foundation
import GraphStore

/// Formats query results as an aligned table, JSON or CSV.
///
/// Tables are for people: control characters are shown as escapes (`\n`), long cells are cut with `…`, and
/// columns are aligned. JSON and CSV are exact: every name comes back byte for byte.
enum QueryOutput {
  // MARK: - Results

  static func mentions(_ rows: [MentionRow], format: QueryFormat) -> String {
    switch format {
    case .json: return json(rows)
    case .csv:
      return csv(
        header: [
          "speaker_id", "speaker", "entity_id", "entity", "kind", "count", "documents", "evidence_doc",
          "evidence_start", "evidence_end", "evidence",
        ],
        rows.map {
          [
            $0.speaker.id.rawValue, $0.speaker.name, $0.entity.id.rawValue, $0.entity.name, $0.entity.kind.rawValue,
            String($0.count), $0.documents.joined(separator: ";"), $0.evidence?.doc ?? "",
            $0.evidence.map { String($0.start) } ?? "", $0.evidence.map { String($0.end) } ?? "",
            $0.evidence?.text ?? "",
          ]
        })
    case .table:
      if rows.isEmpty { return "(no mentions)\n" }
      return TextTable(
        header: ["SPEAKER", "ENTITY", "KIND", "COUNT", "DOCS", "EVIDENCE"], widths: [28, 24, 12, 5, 24, 60],
        rightAligned: [3]
      ).render(
        rows.map {
          [
            $0.speaker.name, $0.entity.name, $0.entity.kind.rawValue, String($0.count), documents($0.documents),
            quote($0.evidence, around: $0.entity.name, width: 60),
          ]
        })
    }
  }

  static func relations(_ rows: [RelationRow], format: QueryFormat) -> String {
    switch format {
    case .json: return json(rows)
    case .csv:
      return csv(
        header: [
          "subject_id", "subject", "predicate", "object_id", "object", "confidence", "count", "documents",
          "evidence_doc", "evidence_start", "evidence_end", "evidence",
        ],
        rows.map {
          [
            $0.subject.id.rawValue, $0.subject.name, $0.predicate.rawValue, $0.object.id.rawValue, $0.object.name,
            number($0.confidence), String($0.count), $0.documents.joined(separator: ";"), $0.evidence?.doc ?? "",
            $0.evidence.map { String($0.start) } ?? "", $0.evidence.map { String($0.end) } ?? "",
            $0.evidence?.text ?? "",
          ]
        })
    case .table:
      if rows.isEmpty { return "(no relations)\n" }
      return TextTable(
        header: ["SUBJECT", "PREDICATE", "OBJECT", "COUNT", "CONF", "DOCS", "EVIDENCE"],
        widths: [26, 24, 26, 5, 4, 20, 50], rightAligned: [3, 4]
      ).render(
        rows.map {
          [
            $0.subject.name, $0.predicate.rawValue, $0.object.name, String($0.count), number($0.confidence),
            documents($0.documents), quote($0.evidence),
          ]
        })
    }
  }

  static func entity(_ report: EntityReport, format: QueryFormat) -> String {
    switch format {
    case .json: return json(report)
    case .csv: return relations(report.relations, format: .csv)
    case .table:
      var out = ""
      func line(_ label: String, _ value: String) {
        out += label.padding(toLength: 12, withPad: " ", startingAt: 0) + cell(value, width: 200) + "\n"
      }
      line("id", report.entity.id.rawValue)
      line("name", report.entity.name)
      line("kind", report.entity.kind.rawValue)
      line("aliases", report.aliases.isEmpty ? "-" : report.aliases.map(cellText).joined(separator: "; "))
      for key in report.attributes.keys.sorted() { line(key, report.attributes[key]!) }
      line("confidence", number(report.confidence))
      if report.mergedIDs != [report.entity.id] {
        line("merged ids", report.mergedIDs.map(\.rawValue).joined(separator: ", "))
      }
      line("documents", "\(report.documents.count): " + report.documents.joined(separator: ", "))
      line("mentions", "\(report.mentions.count)" + (report.mentions.first.map { ", first " + quote($0) } ?? ""))
      out += "\n"
      out += relations(report.relations, format: .table)
      return out
    }
  }

  static func neighbors(_ rows: [NeighborRow], format: QueryFormat) -> String {
    switch format {
    case .json: return json(rows)
    case .csv:
      return csv(
        header: ["distance", "entity_id", "entity", "kind", "via_id", "via", "predicate", "direction"],
        rows.map {
          [
            String($0.distance), $0.entity.id.rawValue, $0.entity.name, $0.entity.kind.rawValue, $0.via.id.rawValue,
            $0.via.name, $0.predicate.rawValue, $0.direction.rawValue,
          ]
        })
    case .table:
      if rows.isEmpty { return "(no neighbors)\n" }
      return TextTable(
        header: ["DIST", "ENTITY", "KIND", "EDGE", "VIA"], widths: [4, 30, 12, 28, 30], rightAligned: [0]
      ).render(
        rows.map {
          [
            String($0.distance), $0.entity.name, $0.entity.kind.rawValue,
            arrow($0.predicate, $0.direction, reversed: true),
            $0.via.name,
          ]
        })
    }
  }

  static func path(_ steps: [PathStep], format: QueryFormat) -> String {
    switch format {
    case .json: return json(steps)
    case .csv:
      return csv(
        header: ["step", "from_id", "from", "predicate", "direction", "to_id", "to"],
        steps.enumerated().map { i, s in
          [
            String(i + 1), s.from.id.rawValue, s.from.name, s.predicate.rawValue, s.direction.rawValue,
            s.to.id.rawValue, s.to.name,
          ]
        })
    case .table:
      if steps.isEmpty { return "(no path)\n" }
      return TextTable(header: ["STEP", "FROM", "EDGE", "TO"], widths: [4, 30, 28, 30], rightAligned: [0]).render(
        steps.enumerated().map { i, s in
          [String(i + 1), s.from.name, arrow(s.predicate, s.direction, reversed: false), s.to.name]
        })
    }
  }

  // MARK: - Cells

  /// `-mentioned->` or `<-mentioned-`, as walked from the left column to the right one.
  static func arrow(_ predicate: DocumentModel.Predicate, _ direction: EdgeDirection, reversed: Bool) -> String {
    let forward = (direction == .out) != reversed
    return forward ? "-\(predicate.rawValue)->" : "<-\(predicate.rawValue)-"
  }

  static func documents(_ ids: [String]) -> String {
    ids.count <= 2 ? ids.joined(separator: ", ") : "\(ids.count): \(ids[0]), \(ids[1]), …"
  }

  static func quote(_ evidence: Evidence?) -> String {
    guard let evidence else { return "" }
    return "\"\(evidence.text)\" (\(evidence.doc):\(evidence.start))"
  }

  /// The quote cut so that `name` (when the text contains it) is visible within `width` characters.
  static func quote(_ evidence: Evidence?, around name: String, width: Int) -> String {
    guard let evidence else { return "" }
    let text = cellText(evidence.text)
    let suffix = "\" (\(evidence.doc):\(evidence.start))"
    guard let range = text.range(of: name, options: [.caseInsensitive, .diacriticInsensitive]) else {
      return "\"" + text + suffix
    }
    let offset = text.distance(from: text.startIndex, to: range.lowerBound)
    let room = width - suffix.count - 2
    if offset + name.count <= room - 10 { return "\"" + text + suffix }
    let start = text.index(text.startIndex, offsetBy: max(0, offset - 20))
    return "\"…" + String(text[start...]) + suffix
  }

  static func number(_ value: Double) -> String { String(format: "%.2f", value) }

  /// Text with control characters shown as escapes, so a table row stays on one line.
  static func cellText(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || scalar == "\u{2028}" || scalar == "\u{2029}"
        {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// `text` made visible and cut to `width` characters with `…`.
  static func cell(_ text: String, width: Int) -> String {
    let visible = cellText(text)
    if visible.count <= width { return visible }
    return String(visible.prefix(max(0, width - 1))) + "…"
  }

  // MARK: - JSON and CSV

  static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func csv(header: [String], _ rows: [[String]]) -> String {
    var out = header.map(csvField).joined(separator: ",") + "\n"
    for row in rows { out += row.map(csvField).joined(separator: ",") + "\n" }
    return out
  }

  /// RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. Other control
  /// characters (NUL, ESC, DEL, C1) are shown as `\u{1b}` escapes, as in the table, so a CSV file
  /// never carries terminal escape sequences or bytes spreadsheet importers reject (issue 12).
  static func csvField(_ raw: String) -> String {
    var text = ""
    for scalar in raw.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A, 0x0D: text.unicodeScalars.append(scalar)
      case 0..<0x20, 0x7F, 0x80..<0xA0: text += "\\u{\(String(scalar.value, radix: 16))}"
      default: text.unicodeScalars.append(scalar)
      }
    }
    if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
  }
}

/// A plain-text table with a header row, aligned columns and cut cells.
struct TextTable {
  var header: [String]
  /// Largest width of each column in characters.
  var widths: [Int]
  /// Indices of columns aligned to the right (numbers).
  var rightAligned: Set<Int> = []

  func render(_ rows: [[String]]) -> String {
    let cells = rows.map { row in row.enumerated().map { QueryOutput.cell($1, width: widths[$0]) } }
    var actual = header.map(\.count)
    for row in cells {
      for (i, cell) in row.enumerated() { actual[i] = max(actual[i], cell.count) }
    }
    func line(_ row: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: max(0, actual[i] - cell.count))
        if rightAligned.contains(i) {
          parts.append(pad + cell)
        } else {
          parts.append(i == row.count - 1 ? cell : cell + pad)
        }
      }
      return parts.joined(separator: "  ") + "\n"
    }
    var out = line(header)
    out += line(actual.map { String(repeating: "-", count: $0) })
    for row in cells { out += line(row) }
    return out
  }
}
