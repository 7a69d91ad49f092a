import DocumentModel

/// Single-word mentions typed as organizations that are the last word of a person's full name in the
/// document ("Ruiz" after "Ana Ruiz") are that person.
struct PersonPartRule: EntityRule {
  let name = "person-part"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var personParts = Set<UInt64>()
    for s in spans where s.kind == .person && s.end - s.first >= 2 && c.has(s.first, .firstName) {
      personParts.insert(c.infos[s.end - 1].lower)
    }
    for k in spans.indices where spans[k].end - spans[k].first == 1 && spans[k].country == nil {
      let w = spans[k].first
      if spans[k].kind == .organization && personParts.contains(c.infos[w].lower) && !c.has(w, .place)
        && !c.has(w, .orgWord)
      {
        spans[k].kind = .person
      }
    }
  }
}
