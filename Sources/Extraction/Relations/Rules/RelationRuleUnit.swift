import DocumentModel

/// One relation rule of ``RelationExtractor``: a small named unit that reads the document through a
/// ``RelationRun`` and adds what it finds with its ``RelationRule`` id as each relation's `source`.
///
/// The stage asks its rules (``RelationRun/rules``, in order) at every word, then at every person mention,
/// then once for the document; a rule implements the places it looks at (the others do nothing). A relation
/// found twice keeps the first confidence, so the order is part of the output.
protocol RelationRuleUnit: Sendable {
  /// The `source` of the relations this rule writes.
  static var id: RelationRule { get }
  /// Looks at word `k` (a word or number, not punctuation).
  func apply(word k: Int, in run: inout RelationRun)
  /// Looks at the person mention `m`.
  func apply(person m: EntityMention, in run: inout RelationRun)
  /// Looks at the whole document once, after the words and mentions.
  func finish(in run: inout RelationRun)
}

extension RelationRuleUnit {
  /// The rule's ``id``.
  var id: RelationRule { Self.id }
  func apply(word k: Int, in run: inout RelationRun) {}
  func apply(person m: EntityMention, in run: inout RelationRun) {}
  func finish(in run: inout RelationRun) {}
}
