import Foundation

/// The bytes of the bundled word lists the lexicon is made from, with a hash of them all.
///
/// The hash decides whether `lexicon.bin` (the lists compiled, see ``Lexicon/Lists``) was made from these very
/// lists: an edited list, or a `lexicon.bin` left over from other lists, makes the lexicon from the text again.
struct LexiconSources {
  /// The files, in this fixed order: the feature resources (``Lexicon/featureResources``), then the common
  /// acronyms.
  static let files: [(name: String, ext: String)] = Lexicon.featureResources + [("common-acronyms", "txt")]

  /// `name.ext` → the file's bytes.
  let bytes: [String: Data]
  /// ``hash(_:)`` of the files.
  let hash: UInt64

  init(_ bytes: [String: Data]) {
    self.bytes = bytes
    hash = Self.hash(bytes)
  }

  /// Reads the bundled files.
  ///
  /// - Throws: ``ExtractionError`` `.missingResource` or `.badResource`.
  static func bundled() throws -> LexiconSources {
    var bytes: [String: Data] = [:]
    for (name, ext) in files { bytes["\(name).\(ext)"] = try ResourceLoader.data(name, ext) }
    return LexiconSources(bytes)
  }

  /// The text of `file` (`name.ext`).
  ///
  /// - Throws: ``ExtractionError`` `.badResource` when the file is not UTF-8.
  func text(_ file: String) throws -> String {
    guard let text = String(data: bytes[file] ?? Data(), encoding: .utf8) else {
      throw ExtractionError(.badResource, "cannot read bundled resource \(file) as UTF-8")
    }
    return text
  }

  /// A 64-bit hash of the files' names and bytes in the order of ``files``, eight bytes at a step: stable across
  /// runs and platforms, and a fraction of a millisecond for the 2 MB of lists.
  static func hash(_ bytes: [String: Data]) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3
    @inline(__always) func mixIn(_ word: UInt64) {
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
    }
    for (name, ext) in files {
      let file = "\(name).\(ext)"
      for b in file.utf8 { mixIn(UInt64(b)) }
      let data = bytes[file] ?? Data()
      mixIn(UInt64(data.count))
      data.withUnsafeBytes { raw in
        var i = 0
        while i + 8 <= raw.count {
          mixIn(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
          i += 8
        }
        while i < raw.count {
          mixIn(UInt64(raw[i]))
          i += 1
        }
      }
    }
    return TextHash.mix(h)
  }
}

extension Lexicon.Lists {
  static let magic: [UInt8] = Array("EGLX".utf8)
  /// Bumped whenever the hashing of phrases, the tokenizer or the lists' reading changes what the tables hold.
  static let version: UInt32 = 2

  /// Reads the text of the lists in `sources`.
  ///
  /// - Throws: ``ExtractionError`` `.badResource` when a file is not UTF-8.
  init(_ sources: LexiconSources) throws {
    self.init(
      places: try sources.text("places.txt"), firstNames: try sources.text("first-names.txt"),
      surnames: try sources.text("surnames.txt"), cueWords: try sources.text("cue-words.tsv"),
      commonWords: try sources.text("common-words.txt"), knownNames: try sources.text("wordnet-names.tsv"),
      commonAcronyms: try sources.text("common-acronyms.txt"), wordClasses: try sources.text("word-classes.tsv"))
  }

  /// The lists compiled: the tables' entries as they lie in their slots, with the hash of the sources they were
  /// read from and the ``Lexicon/featureFingerprint`` of those sources.
  ///
  /// Layout (little-endian): `EGLX`, version, source hash (UInt64), feature fingerprint (UInt64), most tokens of
  /// a phrase (UInt32); the phrase table as its slot count (UInt32), the count and list of its entries with
  /// category bits (UInt64 key, UInt32 bits) in slot order, then the count and list of its entries with a word
  /// class (UInt64 key, UInt32 class); the common acronyms as their slot count and the count and list of their
  /// keys (UInt64).
  func compiled(sourceHash: UInt64, featureFingerprint: UInt64) -> Data {
    var out = ModelBytes.Writer()
    out.bytes(Self.magic)
    out.u32(Self.version)
    out.u64(sourceHash)
    out.u64(featureFingerprint)
    out.u32(UInt32(maxTokens))
    let entries = table.entries
    out.u32(UInt32(table.slotCount))
    for payloads in [false, true] {
      let part = entries.filter { payloads ? $0.payload != 0 : $0.bits != 0 }
      out.u32(UInt32(part.count))
      for e in part {
        out.u64(e.key)
        out.u32(payloads ? e.payload : e.bits)
      }
    }
    let acronyms = commonAcronyms.table.entries
    out.u32(UInt32(commonAcronyms.table.slotCount))
    out.u32(UInt32(acronyms.count))
    for e in acronyms { out.u64(e.key) }
    return out.data
  }

  /// Reads what ``compiled(sourceHash:featureFingerprint:)`` wrote, or `nil` when it was compiled from other
  /// sources than those of `sourceHash` or by another version.
  ///
  /// - Throws: ``ExtractionError`` `.badResource` when the data is damaged.
  static func read(compiled data: Data, sourceHash: UInt64) throws -> (lists: Self, featureFingerprint: UInt64)? {
    var reader = ModelBytes.Reader(data) { ExtractionError(.badResource, "compiled lexicon: \($0)") }
    guard reader.expect(magic) else { throw reader.bad("not a compiled lexicon (bad magic)") }
    guard try reader.u32() == version, try reader.u64() == sourceHash else { return nil }
    let fingerprint = try reader.u64()
    let maxTokens = Int(try reader.u32())
    guard maxTokens >= 1 && maxTokens <= 6 else { throw reader.bad("bad phrase length \(maxTokens)") }
    func emptyTable() throws -> PhraseTable {
      let slots = Int(try reader.u32())
      guard slots >= 16, slots <= 1 << 26, slots.nonzeroBitCount == 1 else {
        throw reader.bad("bad table size \(slots)")
      }
      return PhraseTable(slotCount: slots)
    }
    var table = try emptyTable()
    for payloads in [false, true] {
      let count = Int(try reader.u32())
      guard count <= table.slotCount / 2 else { throw reader.bad("too many entries (\(count))") }
      try reader.fixedRecords(count: count, size: 12) { record in
        let key = UInt64(littleEndian: record.loadUnaligned(as: UInt64.self))
        let value = UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        if payloads { table.insert(key, bits: 0, payload: value) } else { table.insert(key, bits: value) }
      }
    }
    var acronyms = try emptyTable()
    let count = Int(try reader.u32())
    guard count <= acronyms.slotCount / 2 else { throw reader.bad("too many acronyms (\(count))") }
    try reader.fixedRecords(count: count, size: 8) { record in
      acronyms.insert(UInt64(littleEndian: record.loadUnaligned(as: UInt64.self)), bits: 1)
    }
    guard reader.isAtEnd else { throw reader.bad("unexpected bytes after the tables") }
    return (Self(table: table, maxTokens: maxTokens, commonAcronyms: HashSet64(table: acronyms)), fingerprint)
  }
}

extension Lexicon {
  /// Loads the bundled data files and the ISO country data. The word lists are read compiled from
  /// `lexicon.bin` when it was made from the very lists bundled beside it, and from their text otherwise.
  ///
  /// - Throws: ``ExtractionError`` when a data file is missing (`.missingResource`, `.missingCountryData`) or
  ///   damaged (`.badResource`).
  public static func makeDefault(isoPath: String = CountryGazetteer.defaultISOPath) throws -> Lexicon {
    let sources = try LexiconSources.bundled()
    let featureWords = try WordListFile<FeatureWord>(
      name: "feature-words.tsv", text: try sources.text("feature-words.tsv"))
    let countries = try CountryGazetteer(isoPath: isoPath, aliasesTSV: try sources.text("country-aliases.tsv"))
    let lists: Lists
    let fingerprint: UInt64
    if let data = try? ResourceLoader.data("lexicon", "bin"),
      let compiled = try? Lists.read(compiled: data, sourceHash: sources.hash)
    {
      (lists, fingerprint) = compiled
    } else {
      lists = try Lists(sources)
      fingerprint = try Self.fingerprint(sources)
    }
    return Lexicon(
      lists: lists, countries: countries, ruleWords: try EntityRuleWords.bundled(),
      documentContext: DocumentContext(featureWords), featureFingerprint: fingerprint)
  }

  /// ``fingerprint(_:)`` of the feature resources among `sources`.
  ///
  /// - Throws: ``ExtractionError`` `.badResource` when a file is not UTF-8.
  static func fingerprint(_ sources: LexiconSources) throws -> UInt64 {
    var texts: [String: String] = [:]
    for (name, ext) in featureResources { texts["\(name).\(ext)"] = try sources.text("\(name).\(ext)") }
    return fingerprint(texts)
  }
}
