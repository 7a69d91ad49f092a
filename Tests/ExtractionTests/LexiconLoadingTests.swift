import Foundation
import Testing

@testable import Extraction

/// The gazetteers are loaded at every start of the tool, so most entries are hashed straight from their bytes;
/// the hashes must be those of the tokens the tokenizer makes of the same text, or a phrase would never match.
@Suite struct LexiconLoadingTests {
  static func spaced(_ phrase: String) -> [UInt64]? {
    var phrase = phrase
    return phrase.withUTF8 { Lexicon.spacedWordHashes($0) }
  }

  @Test func spacedWordsHashAsTheTokenizerReadsThem() {
    for phrase in ["New York", "Gaza Strip", "a b c d e f", "X", "McDonald Islands", "Rio de Janeiro"] {
      #expect(Self.spaced(phrase) == Lexicon.tokenizedHashes(phrase), "\(phrase)")
    }
  }

  @Test func otherPhrasesAreLeftToTheTokenizer() {
    for phrase in ["St. Louis", "Bailey-Ross", "New  York", " York", "York ", "Zoë Bay", "O'Hare", "A1 road", ""] {
      #expect(Self.spaced(phrase) == nil, "\(phrase)")
    }
  }

  /// Every multi-word entry of the bundled lists that the byte path takes gets the tokenizer's hashes.
  @Test func everyBundledSpacedEntryMatchesTheTokenizer() throws {
    var checked = 0
    for (name, ext) in [("places", "txt"), ("wordnet-names", "tsv"), ("common-words", "txt"), ("surnames", "txt")] {
      let text = try ResourceLoader.text(name, ext)
      for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let phrase = String(line.split(separator: "\t").last ?? "")
        guard let fast = Self.spaced(phrase), fast.count > 1 else { continue }
        #expect(fast == Lexicon.tokenizedHashes(phrase), "\(name): \(phrase)")
        checked += 1
      }
    }
    #expect(checked > 5_000)
  }
}
