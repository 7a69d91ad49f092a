import Foundation
import Testing

@testable import Extraction

/// `lexicon.bin` holds the bundled word lists compiled, so the tool does not hash 125,000 phrases at every start;
/// it must hold exactly what reading the lists gives, and is only used when made from the very lists beside it.
@Suite struct CompiledLexiconTests {
  /// `Sources/Extraction/Resources/lexicon.bin` in the checkout.
  static let resource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Extraction/Resources/lexicon.bin")

  static func entries(_ table: PhraseTable) -> [UInt64: [UInt32]] {
    Dictionary(uniqueKeysWithValues: table.entries.map { ($0.key, [$0.bits, $0.payload]) })
  }

  static func expectSame(_ a: Lexicon.Lists, _ b: Lexicon.Lists) {
    #expect(a.maxTokens == b.maxTokens)
    #expect(entries(a.table) == entries(b.table))
    #expect(entries(a.commonAcronyms.table) == entries(b.commonAcronyms.table))
  }

  /// The bundled `lexicon.bin` is what compiling the bundled lists gives now. When a list, the tokenizer or the
  /// phrase hashing changes, this fails; `RECORD_GOLDEN=1 swift test --filter CompiledLexiconTests` rewrites it.
  @Test func theBundledCompiledListsAreCurrent() throws {
    let sources = try LexiconSources.bundled()
    let fresh = try Lexicon.Lists(sources).compiled(
      sourceHash: sources.hash, featureFingerprint: try Lexicon.fingerprint(sources))
    let bundled = try? ResourceLoader.data("lexicon", "bin")
    guard ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != "1", let bundled else {
      try fresh.write(to: Self.resource, options: .atomic)
      Issue.record("Recorded \(Self.resource.path); rebuild and run the tests again")
      return
    }
    #expect(
      bundled == fresh,
      """
      lexicon.bin is stale: the word lists, the tokenizer or the phrase hashing changed since it was compiled. \
      Run `RECORD_GOLDEN=1 swift test --filter CompiledLexiconTests` and commit \
      Sources/Extraction/Resources/lexicon.bin
      """)
  }

  @Test func theCompiledListsHoldWhatTheTextGives() throws {
    let sources = try LexiconSources.bundled()
    let data = try ResourceLoader.data("lexicon", "bin")
    let compiled = try #require(try Lexicon.Lists.read(compiled: data, sourceHash: sources.hash), "stale lexicon.bin")
    #expect(compiled.featureFingerprint == (try Lexicon.bundledFeatureFingerprint()))
    let text = try Lexicon.Lists(sources)
    #expect(text.table.count > 100_000)
    Self.expectSame(compiled.lists, text)
  }

  @Test func compiledListsReadBackAsBuilt() throws {
    let lists = Lexicon.Lists(
      places: "Oslo\nNew York\n", firstNames: "Anna\n", surnames: "Berg\n", cueWords: "title\tminister\n",
      commonWords: "table\n", knownNames: "person\tAda Lovelace\n", commonAcronyms: "DNA\n",
      wordClasses: "monday\t3\t4\t1\n")
    let data = lists.compiled(sourceHash: 7, featureFingerprint: 9)
    let read = try #require(try Lexicon.Lists.read(compiled: data, sourceHash: 7))
    #expect(read.featureFingerprint == 9 && read.lists.maxTokens == 2)
    Self.expectSame(read.lists, lists)
    #expect(read.lists.table[TextHash.combine(0, TextHash.lowerHash("oslo"))] == Lexicon.Category.place.rawValue)
    // A classed word in no list is in the table for its class alone.
    let monday = try #require(read.lists.table.lookup(TextHash.combine(0, TextHash.lowerHash("monday"))))
    #expect(monday.bits == 0 && monday.payload == WordClass.pack(fine: 3, coarse: 4, capitalization: 1))
  }

  @Test func otherSourcesOrADamagedFileAreNotRead() throws {
    let lists = Lexicon.Lists(
      places: "Oslo\n", firstNames: "", surnames: "", cueWords: "", commonWords: "", knownNames: "",
      commonAcronyms: "", wordClasses: "")
    let data = lists.compiled(sourceHash: 7, featureFingerprint: 9)
    #expect(try Lexicon.Lists.read(compiled: data, sourceHash: 8) == nil)
    #expect(throws: ExtractionError.self) { try Lexicon.Lists.read(compiled: data.dropLast(5), sourceHash: 7) }
    #expect(throws: ExtractionError.self) { try Lexicon.Lists.read(compiled: data + Data([0]), sourceHash: 7) }
    #expect(throws: ExtractionError.self) { try Lexicon.Lists.read(compiled: Data("EGNT".utf8), sourceHash: 7) }
  }

  /// An edited list changes the sources' hash, so a `lexicon.bin` compiled before the edit is not used.
  @Test func anEditedListChangesTheSourceHash() throws {
    let sources = try LexiconSources.bundled()
    var bytes = sources.bytes
    bytes["places.txt", default: Data()].append(Data("Zorblatt Bay\n".utf8))
    #expect(LexiconSources(bytes).hash != sources.hash)
    bytes = sources.bytes
    bytes["common-acronyms.txt"] = Data()
    #expect(LexiconSources(bytes).hash != sources.hash)
    #expect(LexiconSources(sources.bytes).hash == sources.hash)
  }
}
