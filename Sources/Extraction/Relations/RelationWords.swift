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
  case coordinators = "coordinators"
  case repeatedPrepositions = "repeated-prepositions"
  case continents
  case groupNouns = "group-nouns"
}

/// The word lists of the relation rules, from `Resources/speech/relation-words.tsv`.
enum RelationWords: BundledWordLists {
  static let file = WordListFile<RelationWordCategory>.loaded("relation-words", "tsv", subdirectory: "speech")
}
