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

  /// Phrase hash → category bits.
  private(set) var table = PhraseTable()
  /// Entries gathered while the lists are read, inserted into ``table`` at once in slot order.
  private var pending: [(key: UInt64, bits: UInt32)] = []
  private(set) var maxTokens = 1
  /// Lower-case word hash → packed word class (see ``WordClass``), from `word-classes.tsv`.
  private(set) var wordClasses = PhraseTable()
  /// Lower-case hashes of acronyms that name things, not organizations ("DNA", "GPS"; WordNet common nouns).
  private(set) var commonAcronyms = HashSet64()
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
    self.countries = countries
    self.ruleWords = ruleWords
    self.documentContext = documentContext
    self.featureFingerprint = featureFingerprint
    for line in commonAcronyms.dataLines() where !line.isEmpty {
      self.commonAcronyms.insert(TextHash.lowerHash(String(line)))
    }
    self.wordClasses.reserveCapacity(Self.lineCount(wordClasses))
    wordClasses.forEachDataLine { line in
      guard line[0] != UInt8(ascii: "#") else { return }
      let cols = line.tabFields()
      guard cols.count == 4, let fine = cols[1].decimalValue, let coarse = cols[2].decimalValue,
        let cap = cols[3].decimalValue, let packed = WordClass.pack(fine: fine, coarse: coarse, capitalization: cap)
      else { return }
      self.wordClasses.insert(Self.lowerHash(cols[0]), bits: packed)
    }
    for c in countries.countries {
      for n in c.names { add(n, .country) }
      for d in c.demonyms { add(d, .demonym) }
    }
    for c in countries.countries {
      for d in c.demonyms where d.hasSuffix("s") || d.hasSuffix("men") { add(d, .groupNoun) }
    }
    table.reserveCapacity(
      [places, firstNames, surnames, commonWords, knownNames, cueWords].reduce(0) { $0 + Self.lineCount($1) })
    addLines(places, .place)
    addLines(firstNames, .firstName)
    addLines(surnames, .surname)
    addLines(commonWords, .common)
    knownNames.forEachDataLine { line in
      guard line[0] != UInt8(ascii: "#") else { return }
      let cols = line.tabFields()
      guard cols.count == 2 else { return }
      let kind = cols[0]
      let category: Category
      if kind.equals("person") {
        category = .knownPerson
      } else if kind.equals("place") {
        category = .knownPlace
      } else if kind.equals("organization") {
        category = .knownOrganization
      } else if kind.equals("event") {
        category = .knownEvent
      } else {
        return
      }
      add(bytes: cols[1], category)
    }
    for line in cueWords.dataLines() where !line.hasPrefix("#") {
      let cols = line.split(separator: "\t")
      guard cols.count == 2 else { continue }
      let category: Category
      switch cols[0] {
      case "title": category = .title
      case "org": category = .orgWord
      case "event": category = .eventWord
      case "place": category = .placeWord
      case "time": category = .time
      default: continue
      }
      add(String(cols[1]), category)
    }
    table.insert(contentsOf: pending)
    pending = []
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
    var files: [String: String] = [:]
    for (name, ext) in featureResources { files["\(name).\(ext)"] = try ResourceLoader.text(name, ext) }
    return fingerprint(files)
  }

  /// Loads the bundled data files and the ISO country data.
  ///
  /// - Throws: ``ExtractionError`` when a data file is missing (`.missingResource`, `.missingCountryData`) or
  ///   damaged (`.badResource`).
  public static func makeDefault(isoPath: String = CountryGazetteer.defaultISOPath) throws -> Lexicon {
    var files: [String: String] = [:]
    for (name, ext) in featureResources { files["\(name).\(ext)"] = try ResourceLoader.text(name, ext) }
    let featureWords = try WordListFile<FeatureWord>(name: "feature-words.tsv", text: files["feature-words.tsv"] ?? "")
    return Lexicon(
      countries: try CountryGazetteer.makeDefault(isoPath: isoPath),
      places: files["places.txt"] ?? "",
      firstNames: files["first-names.txt"] ?? "",
      surnames: files["surnames.txt"] ?? "",
      cueWords: files["cue-words.tsv"] ?? "",
      commonWords: files["common-words.txt"] ?? "",
      knownNames: files["wordnet-names.tsv"] ?? "",
      commonAcronyms: try ResourceLoader.text("common-acronyms", "txt"),
      wordClasses: files["word-classes.tsv"] ?? "",
      ruleWords: try EntityRuleWords.bundled(),
      documentContext: DocumentContext(featureWords),
      featureFingerprint: fingerprint(files))
  }

  /// The packed word class of a lower-case word hash (``WordClass``), or 0 for a word the class file lacks.
  @inline(__always) func wordClass(_ lower: UInt64) -> UInt32 { wordClasses.entry(lower) ?? 0 }

  /// The number of line breaks in `text`: about its number of entries, for reserving the table (the phrases'
  /// prefixes and the comment lines roughly cancel out: the bundled lists fill the table just under half).
  private static func lineCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var n = 1
      for b in bytes where b == 0x0A { n += 1 }
      return n
    }
  }

  /// Adds every non-empty line of a one-phrase-per-line list.
  private mutating func addLines(_ text: String, _ category: Category) {
    text.forEachDataLine { add(bytes: $0, category) }
  }

  /// Adds a phrase given as UTF-8 bytes. Most entries are one ASCII word of letters, which the tokenizer
  /// reads as one token: hashed straight from the bytes (the same hash), with no `String` made, since the
  /// gazetteers are loaded at every start of the tool; others go through ``addTokenized(_:_:)``.
  private mutating func add(bytes: UnsafeBufferPointer<UInt8>, _ category: Category) {
    var word = TextHash.seed
    for b in bytes {
      guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else {
        if let hashes = Self.spacedWordHashes(bytes) {
          add(phraseHashes: hashes, category)
        } else {
          addTokenized(String(decoding: bytes, as: UTF8.self), category)
        }
        return
      }
      TextHash.feed(&word, b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
    }
    if !bytes.isEmpty { pending.append((TextHash.combine(0, word), category.rawValue)) }
  }

  /// ``TextHash/lowerHash(_:)`` of a word given as UTF-8 bytes (ASCII straight from the bytes).
  private static func lowerHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = TextHash.seed
    for b in bytes {
      guard b < 0x80 else { return TextHash.lowerHash(String(decoding: bytes, as: UTF8.self)) }
      TextHash.feed(&h, b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
    }
    return h
  }

  private mutating func add(_ phrase: String, _ category: Category) {
    var phrase = phrase
    phrase.withUTF8 { add(bytes: $0, category) }
  }

  /// Adds a phrase of several tokens (or one that is not a word of ASCII letters), and marks its prefixes.
  private mutating func addTokenized(_ phrase: String, _ category: Category) {
    add(phraseHashes: Self.tokenizedHashes(phrase), category)
  }

  /// Adds a phrase given as the lower-case hashes of its tokens, and marks its prefixes; at most 6 tokens.
  private mutating func add(phraseHashes hashes: [UInt64], _ category: Category) {
    guard !hashes.isEmpty, hashes.count <= 6 else { return }
    var h: UInt64 = 0
    for (k, word) in hashes.enumerated() {
      h = TextHash.combine(h, word)
      // Every proper prefix is marked, so that `mark` can stop at an n-gram no phrase starts with.
      if k < hashes.count - 1 { pending.append((h, PhraseTable.prefixBit)) }
    }
    pending.append((h, category.rawValue))
    maxTokens = max(maxTokens, hashes.count)
  }

  /// The lower-case hashes of the tokens the ``Tokenizer`` makes of `phrase`.
  static func tokenizedHashes(_ phrase: String) -> [UInt64] {
    let s = Array(phrase.unicodeScalars)
    return Tokenizer.tokenize(s).map { TextHash.lowerHash(s, $0.start..<$0.end) }
  }

  /// The lower-case hashes of the words of a phrase made only of ASCII letters with single spaces between its
  /// words ("New York"), hashed from the bytes, or `nil` for any other phrase. The tokenizer reads such a phrase
  /// as exactly these words (``tokenizedHashes(_:)`` gives the same, checked against the bundled lists by a test),
  /// so most multi-word gazetteer entries are loaded without making a `String` and tokenizing it.
  static func spacedWordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64]? {
    var hashes: [UInt64] = []
    var word = TextHash.seed
    var inWord = false
    for b in bytes {
      if b == 0x20 {
        guard inWord else { return nil }
        hashes.append(word)
        word = TextHash.seed
        inWord = false
      } else if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
        TextHash.feed(&word, b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        inWord = true
      } else {
        return nil
      }
    }
    guard inWord else { return nil }
    hashes.append(word)
    return hashes
  }

  /// Marks, for each token, the categories of gazetteer phrases covering it.
  ///
  /// - Parameters:
  ///   - lower: lower-case hashes of the tokens of one sentence.
  ///   - inside: receives, per token, the bits of every phrase covering it.
  ///   - starts: receives, per token, the bits of phrases starting there.
  /// - Complexity: O(n · maxTokens).
  func mark(lower: ArraySlice<UInt64>, inside: inout [UInt32], starts: inout [UInt32]) {
    let base = lower.startIndex
    let n = lower.count
    for i in 0..<n {
      var h: UInt64 = 0
      let limit = min(maxTokens, n - i)
      var len = 1
      while len <= limit {
        h = TextHash.combine(h, lower[base + i + len - 1])
        // No phrase starts with these tokens: no longer one does either.
        guard let entry = table.entry(h) else { break }
        let bits = entry & ~PhraseTable.prefixBit
        if bits != 0 {
          starts[i] |= bits
          for k in i..<(i + len) { inside[k] |= bits }
        }
        len += 1
      }
    }
  }
}
