import Foundation
import Testing

@testable import Extraction

/// The unsupervised word classes (`word-classes.tsv`) the tagger reads: packing, loading, and that the
/// bundled classes group words by use.
@Suite struct WordClassTests {
  @Test func packingKeepsEveryFieldAndRefusesOutOfRangeValues() throws {
    let packed = try #require(WordClass.pack(fine: 399, coarse: 39, capitalization: 3))
    #expect(WordClass.fine(packed) == 400 && WordClass.coarse(packed) == 40 && WordClass.capitalization(packed) == 3)
    let zero = try #require(WordClass.pack(fine: 0, coarse: 0, capitalization: 0))
    #expect(zero != 0, "class 0 must differ from a word the file lacks")
    #expect(WordClass.capitalization(0) == 4)
    #expect(WordClass.pack(fine: WordClass.maxFine + 1, coarse: 0, capitalization: 0) == nil)
    #expect(WordClass.pack(fine: 0, coarse: WordClass.maxCoarse + 1, capitalization: 0) == nil)
    #expect(WordClass.pack(fine: 0, coarse: 0, capitalization: 4) == nil)
  }

  @Test func bundledClassesAreCaseInsensitiveAndGroupWordsByUse() throws {
    let lexicon = try #require(RuleDocument.lexicon, "the lexicon needs iso-codes")
    func cls(_ w: String) -> UInt32 { lexicon.wordClass(TextHash.lowerHash(w)) }
    #expect(cls("said") != 0 && cls("Said") == cls("said"))
    #expect(cls("zorblattic") == 0)
    // Weekdays share a fine class; words of unrelated use do not.
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday"].map { WordClass.fine(cls($0)) }
    #expect(Set(days).count == 1)
    let mixed = ["monday", "said", "texas", "the", "company"].map { WordClass.fine(cls($0)) }
    #expect(Set(mixed).count == 5)
    // Capitalization prior: a weekday is capitalized, "the" is not.
    #expect(WordClass.capitalization(cls("monday")) == 3 && WordClass.capitalization(cls("the")) == 0)
  }

  @Test func malformedLinesAreSkipped() throws {
    let base = try #require(RuleDocument.lexicon, "the lexicon needs iso-codes")
    let lexicon = Lexicon(
      countries: base.countries, places: "", firstNames: "", surnames: "", cueWords: "",
      wordClasses: "# comment\nalpha\t1\t2\t3\nbeta\t1\t2\nGamma\t9999\t1\t1\ndelta\tx\t1\t1\nepsilon\t5\t6\t0\n",
      ruleWords: base.ruleWords, documentContext: base.documentContext, featureFingerprint: 0)
    func cls(_ w: String) -> UInt32 { lexicon.wordClass(TextHash.lowerHash(w)) }
    #expect(WordClass.fine(cls("alpha")) == 2 && WordClass.coarse(cls("alpha")) == 3)
    #expect(cls("beta") == 0 && cls("gamma") == 0 && cls("delta") == 0)
    #expect(WordClass.fine(cls("EPSILON")) == 6)
  }

  @Test func theTokenViewCarriesEachTokensClass() throws {
    let lexicon = try #require(RuleDocument.lexicon, "the lexicon needs iso-codes")
    let doc = try RuleDocument("On Monday the zorblattic company said no.")
    let words = doc.context.tokens.indices.map { doc.context.infos[$0].wordClass }
    #expect(words[1] == lexicon.wordClass(TextHash.lowerHash("monday")) && words[1] != 0)
    #expect(words[3] == 0)
  }
}
