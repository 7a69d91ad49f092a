import DocumentModel

/// Text helpers shared by the export writers: number formatting and control-character cleanup.
enum ExportText {
  /// A double written the same way on every platform (shortest round-trip form).
  static func number(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return "0" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) + ".0" }
    return "\(value)"
  }

  /// The kind as a capitalized label: `person` → `Person`.
  static func label(_ kind: EntityKind) -> String {
    kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
  }

  /// Aliases as a JSON array text, so any alias (with commas, semicolons or quotes) survives one column.
  static func jsonArray(_ values: [String]) -> String {
    "[" + values.map(jsonString).joined(separator: ",") + "]"
  }

  /// A JSON string literal.
  static func jsonString(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}", "\u{2029}": out += "\\u" + hex4(scalar.value)
      default:
        if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }

  /// Attributes as a JSON object with sorted keys.
  static func jsonObject(_ attributes: [String: String]) -> String {
    "{" + attributes.keys.sorted().map { jsonString($0) + ":" + jsonString(attributes[$0]!) }.joined(separator: ",")
      + "}"
  }

  static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Distinct document ids of a relation's evidence, sorted.
  static func documents(of relation: Relation) -> [String] {
    Array(Set(relation.evidence.map(\.doc))).sorted()
  }
}
