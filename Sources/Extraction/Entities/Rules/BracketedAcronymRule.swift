import DocumentModel

/// "International Water Council (IWC)": the acronym in brackets after a name is a name of the same kind.
struct BracketedAcronymRule: EntityRule {
  let name = "bracketed-acronym"
  let writes: [MentionRule] = [.acronym]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var acronyms: [NameSpan] = []
    let starts = Set(spans.map(\.first))
    for s in spans where s.end + 2 < c.tokens.count && s.country == nil && !s.isDemonym {
      let a = s.end + 1
      guard c.text(s.end) == "(", c.text(a + 1) == ")", !starts.contains(a), c.infos[a].flags.contains(.allCaps),
        EntityCanonicalizer.isAcronym(c.text(a), of: c.text(s.first, s.end))
      else { continue }
      acronyms.append(NameSpan(first: a, end: a + 1, kind: s.kind, source: .acronym, confidence: 0.8))
    }
    spans = (spans + acronyms).sorted { ($0.first, $0.end) < ($1.first, $1.end) }
  }
}
