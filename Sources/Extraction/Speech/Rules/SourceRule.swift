import DocumentModel

/// A rule for a quote that no ``AttributionRule`` gave a speaker: a small named unit that may still find a
/// speaker from the quote's surroundings, or keep the words that name an unresolved source, and fill in the
/// quote's record fields. ``AttributionRun/sourceRules`` lists them in order; the first to decide wins.
protocol SourceRule: Sendable {
  /// The rule ids this unit writes into a quote's ``Quote/rule``.
  var ids: [QuoteRule] { get }
  /// Fills in quote `i`'s source when the rule applies; `true` when it decided (no later rule is asked).
  func apply(_ i: Int, in run: inout AttributionRun) -> Bool
}
