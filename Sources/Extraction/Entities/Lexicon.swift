import Foundation

/// All gazetteers the recognizer uses, merged into one hash table of category bits per phrase.
///
/// Built once from the bundled data files (places, first names, surnames, cue words) and the ISO
/// country data; looked up with integer hashes only.
public struct Lexicon: Sendable {
  /// Category bits of a phrase (see ``Category``).
  struct Category: OptionSet, Sendable {
    let rawValue: UInt32
    static let country = Category(rawValue: 1 << 0)
    static let demonym = Category(rawValue: 1 << 1)
    static let place = Category(rawValue: 1 << 2)
    static let firstName = Category(rawValue: 1 << 3)
    static let surname = Category(rawValue: 1 << 4)
    static let title = Category(rawValue: 1 << 5)
    static let orgWord = Category(rawValue: 1 << 6)
    static let eventWord = Category(rawValue: 1 << 7)
    static let placeWord = Category(rawValue: 1 << 8)
    static let time = Category(rawValue: 1 << 9)
    static let groupNoun = Category(rawValue: 1 << 10)
    /// A common English word (WordNet lemma), so a capitalized form is probably not a name.
    static let common = Category(rawValue: 1 << 11)
    static let knownPerson = Category(rawValue: 1 << 12)
    static let knownPlace = Category(rawValue: 1 << 13)
    static let knownOrganization = Category(rawValue: 1 << 14)
    static let knownEvent = Category(rawValue: 1 << 15)
    static let count = 16
  }

  /// Phrase hash → category bits; a one-word phrase's payload is the word's packed class (``WordClass``), from
  /// `word-classes.tsv`.
  let table: PhraseTable
  /// The most tokens of any phrase in ``table``.
  let maxTokens: Int
  /// Lower-case hashes of acronyms that name things, not organizations ("DNA", "GPS"; WordNet common nouns).
  let commonAcronyms: HashSet64
  /// The countries (exact typing of country names and demonyms).
  public let countries: CountryGazetteer
  /// The word lists the entity rules read (`entity-rule-words.tsv`).
  let ruleWords: EntityRuleWords
  /// The context words of the tagger's document-level features (`feature-words.tsv`).
  let documentContext: DocumentContext
  /// A fingerprint of every bundled resource that feeds the tagger's features (see
  /// ``featureResources``); a trained ``TaggerModel`` records the one it was trained with.
  public let featureFingerprint: UInt64

  /// Builds the lexicon from the country gazetteer and the text of the other data files.
  init(
    countries: CountryGazetteer, places: String, firstNames: String, surnames: String, cueWords: String,
    commonWords: String = "", knownNames: String = "", commonAcronyms: String = "", wordClasses: String = "",
    ruleWords: EntityRuleWords,
    documentContext: DocumentContext, featureFingerprint: UInt64
  ) {
    self.init(
      lists: Lists(
        places: places, firstNames: firstNames, surnames: surnames, cueWords: cueWords, commonWords: commonWords,
        knownNames: knownNames, commonAcronyms: commonAcronyms, wordClasses: wordClasses),
      countries: countries, ruleWords: ruleWords, documentContext: documentContext,
      featureFingerprint: featureFingerprint)
  }

  /// Builds the lexicon from the word lists (read from their text or from `lexicon.bin`) and the countries.
  init(
    lists: consuming Lists, countries: CountryGazetteer, ruleWords: EntityRuleWords, documentContext: DocumentContext,
    featureFingerprint: UInt64
  ) {
    lists.add(countries)
    table = lists.table
    maxTokens = lists.maxTokens
    commonAcronyms = lists.commonAcronyms
    self.countries = countries
    self.ruleWords = ruleWords
    self.documentContext = documentContext
    self.featureFingerprint = featureFingerprint
  }

  /// The bundled resources whose words feed the tagger's features, in the fixed order of
  /// ``featureFingerprint``: the gazetteers and cue words behind the token categories, the country aliases
  /// and demonyms, and the document-context words.
  ///
  /// The ISO 3166 country names come from the system's `iso-codes` package and are deliberately not
  /// fingerprinted, so a distribution update of that package does not invalidate the bundled model.
  static let featureResources: [(name: String, ext: String)] = [
    ("places", "txt"), ("first-names", "txt"), ("surnames", "txt"), ("cue-words", "tsv"), ("common-words", "txt"),
    ("wordnet-names", "tsv"), ("country-aliases", "tsv"), ("feature-words", "tsv"), ("word-classes", "tsv"),
  ]

  /// Combines the FNV-1a hashes of the feature resources' bytes, in the order of ``featureResources``, each
  /// with its file name: `files` maps `name.ext` to the file's text.
  static func fingerprint(_ files: [String: String]) -> UInt64 {
    var h = WordListFile<FeatureWord>.fnv1a([UInt8]())
    for (name, ext) in featureResources {
      let file = "\(name).\(ext)"
      let bytes = WordListFile<FeatureWord>.fnv1a((files[file] ?? "").utf8)
      h = WordListFile<FeatureWord>.fnv1a(file.utf8, seed: h)
      withUnsafeBytes(of: bytes.littleEndian) { h = WordListFile<FeatureWord>.fnv1a($0, seed: h) }
    }
    return h
  }

  /// The fingerprint of the bundled feature resources (what ``makeDefault(isoPath:)`` records).
  ///
  /// - Throws: ``ExtractionError`` `.missingResource` / `.badResource` when a resource is missing or damaged.
  public static func bundledFeatureFingerprint() throws -> UInt64 {
    try fingerprint(LexiconSources.bundled())
  }

  /// The packed word class of a lower-case word hash (``WordClass``), or 0 for a word the class file lacks.
  @inline(__always) func wordClass(_ lower: UInt64) -> UInt32 { table.lookup(TextHash.combine(0, lower))?.payload ?? 0 }

  /// Marks, for each token, the categories of gazetteer phrases covering it, and its word class.
  ///
  /// - Parameters:
  ///   - lower: lower-case hashes of the tokens of one sentence, a slice of the document's (phrases never
  ///     cross its ends).
  ///   - inside: receives, at the slice's indices, the bits of every phrase covering each token.
  ///   - starts: receives, at the slice's indices, the bits of phrases starting at each token.
  ///   - classes: receives, at the slice's indices, each token's packed word class (``wordClass(_:)``), found by
  ///     the same probe as its one-word phrase.
  /// - Complexity: O(n · maxTokens).
  func mark(lower: ArraySlice<UInt64>, inside: inout [UInt32], starts: inout [UInt32], classes: inout [UInt32]) {
    let end = lower.endIndex
    for i in lower.indices {
      var h: UInt64 = 0
      let limit = min(maxTokens, end - i)
      var len = 1
      while len <= limit {
        h = TextHash.combine(h, lower[i + len - 1])
        // No phrase starts with these tokens: no longer one does either.
        guard let entry = table.lookup(h) else { break }
        if len == 1 { classes[i] = entry.payload }
        let bits = entry.bits & ~PhraseTable.prefixBit
        if bits != 0 {
          starts[i] |= bits
          for k in i..<(i + len) { inside[k] |= bits }
        }
        // A phrase that starts no longer one: the walk from this token is done (most words are such phrases).
        if entry.bits & PhraseTable.prefixBit == 0 { break }
        len += 1
      }
    }
  }
}
