/// Keeps non-overlapping spans under the named policy ``MentionRule/overlapPriority`` (higher first), then
/// longer spans over shorter ones, then the earlier proposed; the kept spans are in document order.
struct OverlapRule: EntityRule {
  let name = "overlaps"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    spans = resolveOverlaps(spans, count: c.tokens.count)
  }

  /// Keeps non-overlapping spans, preferring rules over the tagger and longer spans over shorter ones.
  func resolveOverlaps(_ spans: [NameSpan], count: Int) -> [NameSpan] {
    func priority(_ s: NameSpan) -> Int { s.source.overlapPriority }
    let ordered = spans.enumerated().sorted { a, b in
      let pa = priority(a.element)
      let pb = priority(b.element)
      if pa != pb { return pa > pb }
      let la = a.element.end - a.element.first
      let lb = b.element.end - b.element.first
      if la != lb { return la > lb }
      return a.offset < b.offset
    }
    var taken = [Bool](repeating: false, count: count)
    var kept: [NameSpan] = []
    for (_, s) in ordered where (s.first..<s.end).allSatisfy({ !taken[$0] }) {
      for i in s.first..<s.end { taken[i] = true }
      kept.append(s)
    }
    kept.sort { ($0.first, $0.end) < ($1.first, $1.end) }
    return kept
  }
}
