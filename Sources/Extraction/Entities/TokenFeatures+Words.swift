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
  /// Lower-case word hash → the bits (``bit(_:)``) of the categories that list the word: one probe answers
  /// every category, where a `Set` per category hashed each word again for each.
  private var table = PhraseTable()
  /// The organization nouns as words, for the organization-cue rule ("X, a company …", "the company X").
  let organizationNounWords: Set<String>
  /// The organization roles as words, for the organization-cue rule ("the CEO of X").
  let organizationRoleWords: Set<String>

  init(_ file: WordListFile<FeatureWord>) {
    for category in FeatureWord.allCases {
      for word in file[category] { table.insert(TextHash.lowerHash(word), bits: Self.bit(category)) }
    }
    organizationNounWords = file[.organizationNoun]
    organizationRoleWords = file[.organizationRole]
  }

  /// The bit of a category in ``categories(_:)``.
  @inline(__always) static func bit(_ category: FeatureWord) -> UInt32 {
    1 << UInt32(FeatureWord.allCases.firstIndex(of: category)!)
  }

  /// The category bits of a lower-case word hash, 0 for a word no category lists.
  @inline(__always) func categories(_ lower: UInt64) -> UInt32 { table[lower] ?? 0 }
}
