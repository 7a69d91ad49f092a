import DocumentModel

/// `name-colon`: "X: “…”", the clause before the quote is only a name (and at most three other words) and a colon.
struct ColonIntroRule: AttributionRule {
  /// Confidence of a name and a colon.
  static let confidence = 0.9

  var id: QuoteRule? { .colonIntro }

  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome? {
    guard site.isDirect, let found = Attribution(run.colonIntro(site.clauseStart, site.open), rule: .colonIntro)
    else { return nil }
    return .attributed(found)
  }
}

extension AttributionRun {
  /// The one name of a clause that is only a name and a colon before the quote.
  func colonIntro(_ clauseStart: Int, _ open: Int) -> (EntityID, Evidence, Double)? {
    var c = open - 1
    while c > clauseStart && CharClass.isSpace(text.scalars[c]) { c -= 1 }
    guard c >= clauseStart, text.scalars[c] == ":" else { return nil }
    let ms = context.mentions(in: clauseStart, c).filter { isSpeakerKind($0.kind) }
    guard ms.count == 1, let m = ms.first else { return nil }
    let others = context.wordIndices(clauseStart, c).filter { context.mention(atWord: $0) == nil }
    guard others.count <= 3 else { return nil }
    return (m.entity, context.evidence(clauseStart, c + 1), ColonIntroRule.confidence)
  }
}
