extension Lexicon {
  /// The part of the lexicon made from the bundled word lists, everything but the ISO countries: the phrase
  /// table of places, names, common words, known names and cue words with the words' classes, and the common
  /// acronyms.
  ///
  /// Made from the lists' text, or read from `lexicon.bin`, where the same tables are stored compiled (see
  /// ``Lexicon/Lists/init(compiled:sourceHash:)``): reading them is a few milliseconds at every start of the
  /// tool, hashing 125,000 phrases is twenty.
  struct Lists: Sendable {
    /// Phrase hash → category bits; a one-word phrase's payload is the word's packed class (``WordClass``).
    private(set) var table = PhraseTable()
    /// The most tokens of any phrase in ``table``.
    private(set) var maxTokens = 1
    /// Lower-case hashes of acronyms that name things.
    private(set) var commonAcronyms = HashSet64()
    /// Entries gathered while the lists are read, inserted into ``table`` at once in slot order.
    private var pending: [(key: UInt64, bits: UInt32, payload: UInt32)] = []

    /// Reads the text of the lists.
    init(
      places: String, firstNames: String, surnames: String, cueWords: String, commonWords: String,
      knownNames: String, commonAcronyms: String, wordClasses: String
    ) {
      for line in commonAcronyms.dataLines() where !line.isEmpty {
        self.commonAcronyms.insert(TextHash.lowerHash(String(line)))
      }
      // A word's class rides on its one-word phrase: the token's first probe of the table finds both.
      wordClasses.forEachDataLine { line in
        guard line[0] != UInt8(ascii: "#") else { return }
        let cols = line.tabFields()
        guard cols.count == 4, let fine = cols[1].decimalValue, let coarse = cols[2].decimalValue,
          let cap = cols[3].decimalValue, let packed = WordClass.pack(fine: fine, coarse: coarse, capitalization: cap)
        else { return }
        pending.append((TextHash.combine(0, Self.lowerHash(cols[0])), 0, packed))
      }
      // Most classed words are in the lists too, so their lines are not counted.
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
      flush()
    }

    /// Lists read from `lexicon.bin` (see ``compiled(sourceHash:featureFingerprint:)``).
    init(table: PhraseTable, maxTokens: Int, commonAcronyms: HashSet64) {
      self.table = table
      self.maxTokens = maxTokens
      self.commonAcronyms = commonAcronyms
    }

    /// Adds the countries' names and demonyms, and the plural demonyms as group nouns.
    mutating func add(_ countries: CountryGazetteer) {
      for c in countries.countries {
        for n in c.names { add(n, .country) }
        for d in c.demonyms { add(d, .demonym) }
      }
      for c in countries.countries {
        for d in c.demonyms where d.hasSuffix("s") || d.hasSuffix("men") { add(d, .groupNoun) }
      }
      flush()
    }

    private mutating func flush() {
      table.insert(contentsOf: pending)
      pending = []
    }

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
    /// reads as one token: hashed straight from the bytes (the same hash), with no `String` made; others are
    /// tokenized (``Lexicon/spacedWordHashes(_:)`` and ``Lexicon/tokenizedHashes(_:)``).
    private mutating func add(bytes: UnsafeBufferPointer<UInt8>, _ category: Category) {
      var word = TextHash.seed
      for b in bytes {
        guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else {
          let hashes =
            Lexicon.spacedWordHashes(bytes) ?? Lexicon.tokenizedHashes(String(decoding: bytes, as: UTF8.self))
          add(phraseHashes: hashes, category)
          return
        }
        TextHash.feed(&word, b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
      }
      if !bytes.isEmpty { pending.append((TextHash.combine(0, word), category.rawValue, 0)) }
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

    /// Adds a phrase given as the lower-case hashes of its tokens, and marks its prefixes; at most 6 tokens.
    private mutating func add(phraseHashes hashes: [UInt64], _ category: Category) {
      guard !hashes.isEmpty, hashes.count <= 6 else { return }
      var h: UInt64 = 0
      for (k, word) in hashes.enumerated() {
        h = TextHash.combine(h, word)
        // Every proper prefix is marked, so that `mark` can stop at an n-gram no phrase starts with.
        if k < hashes.count - 1 { pending.append((h, PhraseTable.prefixBit, 0)) }
      }
      pending.append((h, category.rawValue, 0))
      maxTokens = max(maxTokens, hashes.count)
    }
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
}
