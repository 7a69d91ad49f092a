import DocumentModel

/// One kind per name in a document: every mention of a name takes the kind most of its mentions have
/// (exact countries, demonyms and quoted event titles keep theirs). The vote is kept in
/// ``NameSpan/votedKind`` for ``RepeatedNameRule``.
struct MajorityKindRule: EntityRule {
  let name = "majority-kind"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var votes: [UInt64: [EntityKind: Int]] = [:]
    for s in spans where s.country == nil && s.source != .reportedEvent {
      votes[c.phraseHash(s.first, s.end), default: [:]][s.kind, default: 0] += 1
    }
    func majority(_ h: UInt64) -> EntityKind? {
      guard let v = votes[h] else { return nil }
      return v.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
    for k in spans.indices where spans[k].country == nil && spans[k].source != .reportedEvent {
      if let m = majority(c.phraseHash(spans[k].first, spans[k].end)) {
        spans[k].kind = m
        spans[k].votedKind = m
      }
    }
  }
}
