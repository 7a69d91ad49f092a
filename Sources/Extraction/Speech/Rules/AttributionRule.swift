import DocumentModel

/// One attribution rule of ``SpeechAttributor``: a small named unit that looks at one quote and either
/// decides its speaker or passes it on to the next rule (``AttributionRun/rules`` lists them in order).
///
/// A rule answers `nil` when it does not apply, ``AttributionOutcome/attributed(_:)`` with the speaker it
/// found, or ``AttributionOutcome/unattributed`` when the quote is its to decide but has no speaker (an
/// interview turn whose label names nobody, a title in quote marks); the first rule to answer wins, so
/// overlapping rules are settled by their order.
protocol AttributionRule: Sendable {
  /// The rule id this unit writes into a quote's ``Quote/rule`` (`nil` for a rule that never names a speaker).
  var id: QuoteRule? { get }
  /// The rule's answer for the quote at `site`.
  func attribute(_ site: AttributionSite, in run: inout AttributionRun) -> AttributionOutcome?
}

/// What an ``AttributionRule`` decided about a quote.
enum AttributionOutcome {
  /// The speaker, cue, confidence and rule.
  case attributed(Attribution)
  /// The quote has no speaker, and no later rule may give it one.
  case unattributed

  /// `.attributed` for a found attribution, `.unattributed` for none.
  init(_ found: Attribution?) {
    self = found.map { .attributed($0) } ?? .unattributed
  }
}

/// What the rules read about one quote, computed once before they are asked.
struct AttributionSite {
  /// The quote's index in ``AttributionRun/quotes``.
  let index: Int
  let quote: Quote
  /// Whether the quote is a direct quote other than an interview turn: only those have the fields below.
  let isDirect: Bool
  /// Offset of the opening mark.
  var open = 0
  /// Start of the clause before the opening mark: the sentence (or the enclosing quote), after an attributed
  /// sibling quote that ends inside it, at most ``AttributionRun/clauseReach`` code points back.
  var clauseStart = 0
  /// The words of that clause, outside sibling quotes.
  var pre: [Int] = []

  init(_ i: Int, in run: AttributionRun) {
    index = i
    quote = run.quotes[i]
    isDirect = quote.form == .direct && !run.isTurn(i)
    guard isDirect else { return }
    let text = run.text
    var open = quote.start - 1
    while open > 0 && CharClass.isSpace(text.scalars[open]) { open -= 1 }
    let lower = run.boundsStart(for: i)
    var clauseStart = max(text.sentenceStart(before: open, lower: lower), open - AttributionRun.clauseReach)
    // An attributed sibling quote ending inside the clause starts a new clause after it.
    // Siblings do not overlap, so walking back from `i` can stop at the first one that ends before the clause.
    let clauseStart0 = clauseStart
    var j = i - 1
    while j >= 0 && j != run.parent[i] {
      let o = run.quotes[j]
      if o.form == .direct && run.parent[j] == run.parent[i] {
        if o.end < clauseStart0 { break }
        if o.speaker != nil && o.end < open { clauseStart = max(clauseStart, o.end + 1) }
      }
      j -= 1
    }
    // "He said:¶“…”": a quote opening its paragraph after a paragraph that ends with a colon has that
    // paragraph's last sentence as its clause.
    if run.parent[i] == nil, clauseStart >= open, let lead = run.leadInSentence(before: open) { clauseStart = lead }
    self.open = open
    self.clauseStart = clauseStart
    pre = run.context.wordIndices(clauseStart, open).filter { !run.insideSibling($0, of: i) }
  }
}
