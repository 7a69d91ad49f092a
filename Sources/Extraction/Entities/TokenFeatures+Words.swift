/// The categories of `feature-words.tsv`: the context words of the tagger's document-level features.
enum FeatureWord: String, WordListCategory {
  case locative
  case speech
  case nonPerson = "non-person"
  case the
  case possessive
  case opener
  case of
  case article
  case by
  case organizationNoun = "organization-noun"
  case organizationRole = "organization-role"
}

/// Contexts that a capitalized word appears in anywhere in its document, pooled over all its occurrences,
/// so that every occurrence sees how the word is used elsewhere ("in Coron", "Gloria said").
///
/// The words come from `feature-words.tsv`, an input of the trained tagger: its bytes are part of
/// ``Lexicon/featureFingerprint``, which the model records.
struct DocumentContext: Sendable {
  let locative: Set<UInt64>
  let speech: Set<UInt64>
  let nonPerson: Set<UInt64>
  let the: Set<UInt64>
  let possessive: Set<UInt64>
  let openers: Set<UInt64>
  let of: Set<UInt64>
  let organizationNouns: Set<UInt64>
  let organizationRoles: Set<UInt64>
  let articles: Set<UInt64>
  let by: Set<UInt64>
  /// The organization nouns as words, for the organization-cue rule ("X, a company …", "the company X").
  let organizationNounWords: Set<String>
  /// The organization roles as words, for the organization-cue rule ("the CEO of X").
  let organizationRoleWords: Set<String>

  init(_ file: WordListFile<FeatureWord>) {
    func set(_ category: FeatureWord) -> Set<UInt64> { Set(file[category].map { TextHash.lowerHash($0) }) }
    locative = set(.locative)
    speech = set(.speech)
    nonPerson = set(.nonPerson)
    the = set(.the)
    possessive = set(.possessive)
    openers = set(.opener)
    of = set(.of)
    organizationNouns = set(.organizationNoun)
    organizationRoles = set(.organizationRole)
    articles = set(.article)
    by = set(.by)
    organizationNounWords = file[.organizationNoun]
    organizationRoleWords = file[.organizationRole]
  }
}
