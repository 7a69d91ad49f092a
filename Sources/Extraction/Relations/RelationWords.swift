import DocumentModel

/// The categories of `Resources/speech/relation-words.tsv`.
enum RelationWordCategory: String, WordListCategory {
  case companySuffixes = "company-suffixes"
  case outletWords = "outlet-words"
  case titleWords = "title-words"
  case prepositions = "prepositions"
  case seatVerbs = "seat-verbs"
  case attackNouns = "attack-nouns"
  case clauseBreakers = "clause-breakers"
}

/// The word lists of the relation rules, from `Resources/speech/relation-words.tsv`.
///
/// The file is read once, on first use. ``validate()`` reads it and throws when it is missing or damaged:
/// ``Extractor/defaultStages()`` calls it, so a broken resource is an ``ExtractionError`` before any stage runs,
/// not an empty list.
enum RelationWords {
  /// The file, read once.
  static let file = WordListFile<RelationWordCategory>.loaded("relation-words", "tsv", subdirectory: "speech")

  /// Reads the file.
  ///
  /// - Throws: ``ExtractionError`` (`.missingResource`, `.badResource`).
  static func validate() throws { _ = try file.get() }

  /// The words of `category` (empty when the file could not be read; see ``validate()``).
  static subscript(_ category: RelationWordCategory) -> Set<String> { (try? file.get())?[category] ?? [] }
}
