import DocumentModel

extension AnalyzedDocument {
  /// A readable listing of what the stages found, for test failure messages and debugging: the tokens with
  /// their offsets, one line per sentence (with its paragraph), the mentions, the quotes with their speaker,
  /// rule and cue, and the relations.
  ///
  /// ```
  /// tokens: 0-3 "Roe" | 4-8 "said" | 8-9 ","
  /// sentence 0 (paragraph 0) 0-28: Roe said, “We will win.”
  /// mention 0-3 person "Roe" → person:Roe
  /// quote 11-23 direct depth 0 "We will win." ← person:Roe by cue-after-quote (0.95), cue 0-8 "Roe said"
  /// relation person:Roe mentioned …
  /// ```
  public func debugDump() -> String {
    var lines: [String] = []
    func quoted(_ start: Int, _ end: Int) -> String {
      let t = document.text(from: start, to: end).replacingOccurrences(of: "\n", with: "⏎")
      return "\"" + (t.count > 80 ? String(t.prefix(77)) + "…" : t) + "\""
    }
    lines.append("document \(document.id) (\(document.length) code points)")
    lines.append(
      "tokens: " + tokens.map { "\($0.start)-\($0.end) \(quoted($0.start, $0.end))" }.joined(separator: " | "))
    for s in sentences {
      lines.append("sentence \(s.index) (paragraph \(s.paragraph)) \(s.start)-\(s.end): \(quoted(s.start, s.end))")
    }
    for m in mentions {
      lines.append(
        "mention \(m.start)-\(m.end) \(m.kind.rawValue) \(quoted(m.start, m.end)) → \(m.entity)"
          + (m.isDemonym ? " (demonym)" : ""))
    }
    for q in quotes {
      var line = "quote \(q.start)-\(q.end) \(q.form.rawValue) depth \(q.depth) \(quoted(q.start, q.end))"
      if let s = q.speaker { line += " ← \(s)" }
      if let r = q.rule { line += " by \(r.rawValue) (\(q.confidence))" }
      if let c = q.cue { line += ", cue \(c.start)-\(c.end) \(quoted(c.start, c.end))" }
      if let k = q.kind { line += ", \(k.rawValue)" }
      if !q.isSpeech { line += ", not speech" }
      lines.append(line)
    }
    for r in relations {
      lines.append(
        "relation \(r.subject) \(r.predicate.rawValue) \(r.object) (\(r.confidence), \(r.source))"
          + (r.evidence.first.map { " " + quoted($0.start, $0.end) } ?? ""))
    }
    return lines.joined(separator: "\n")
  }
}
