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
  private(set) var table: [UInt64: UInt32] = [:]
  private(set) var maxTokens = 1
  /// Lower-case hashes of acronyms that name things, not organizations ("DNA", "GPS"; WordNet common nouns).
  private(set) var commonAcronyms = Set<UInt64>()
  /// The countries (exact typing of country names and demonyms).
  public let countries: CountryGazetteer

  /// Builds the lexicon from the country gazetteer and the text of the other data files.
  init(
    countries: CountryGazetteer, places: String, firstNames: String, surnames: String, cueWords: String,
    commonWords: String = "", knownNames: String = "", commonAcronyms: String = ""
  ) {
    self.countries = countries
    for line in commonAcronyms.split(whereSeparator: \.isNewline) where !line.isEmpty {
      self.commonAcronyms.insert(TextHash.lowerHash(String(line)))
    }
    for c in countries.countries {
      for n in c.names { add(n, .country) }
      for d in c.demonyms { add(d, .demonym) }
    }
    for c in countries.countries {
      for d in c.demonyms where d.hasSuffix("s") || d.hasSuffix("men") { add(d, .groupNoun) }
    }
    for line in places.split(whereSeparator: \.isNewline) { add(String(line), .place) }
    for line in firstNames.split(whereSeparator: \.isNewline) { add(String(line), .firstName) }
    for line in surnames.split(whereSeparator: \.isNewline) { add(String(line), .surname) }
    for line in commonWords.split(whereSeparator: \.isNewline) { add(String(line), .common) }
    for line in knownNames.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let cols = line.split(separator: "\t")
      guard cols.count == 2 else { continue }
      switch cols[0] {
      case "person": add(String(cols[1]), .knownPerson)
      case "place": add(String(cols[1]), .knownPlace)
      case "organization": add(String(cols[1]), .knownOrganization)
      case "event": add(String(cols[1]), .knownEvent)
      default: continue
      }
    }
    for line in cueWords.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
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
  }

  /// Loads the bundled data files and the ISO country data.
  ///
  /// - Throws: ``ExtractionError`` when a data file is missing (`.missingResource`, `.missingCountryData`).
  public static func makeDefault(isoPath: String = CountryGazetteer.defaultISOPath) throws -> Lexicon {
    Lexicon(
      countries: try CountryGazetteer.makeDefault(isoPath: isoPath),
      places: try ResourceLoader.text("places", "txt"),
      firstNames: try ResourceLoader.text("first-names", "txt"),
      surnames: try ResourceLoader.text("surnames", "txt"),
      cueWords: try ResourceLoader.text("cue-words", "tsv"),
      commonWords: try ResourceLoader.text("common-words", "txt"),
      knownNames: try ResourceLoader.text("wordnet-names", "tsv"),
      commonAcronyms: try ResourceLoader.text("common-acronyms", "txt"))
  }

  private mutating func add(_ phrase: String, _ category: Category) {
    let s = Array(phrase.unicodeScalars)
    let tokens = Tokenizer.tokenize(s)
    guard !tokens.isEmpty, tokens.count <= 6 else { return }
    var h: UInt64 = 0
    for t in tokens { h = TextHash.combine(h, TextHash.lowerHash(s, t.start..<t.end)) }
    table[h, default: 0] |= category.rawValue
    maxTokens = max(maxTokens, tokens.count)
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
        if let bits = table[h] {
          starts[i] |= bits
          for k in i..<(i + len) { inside[k] |= bits }
        }
        len += 1
      }
    }
  }
}
