import DocumentModel
import Testing

@testable import Extraction

/// The speech and relation stages' word lists live in `Resources/speech/*-words.tsv`.
@Suite struct SpeechWordListTests {
  @Test func bundledListsLoad() throws {
    try SpeechWords.validate()
    try RelationWords.validate()
    #expect(SpeakerContext.malePronouns == ["he", "him", "his", "himself"])
    #expect(QuoteFinder.postposedPronouns == ["he", "she", "they", "we", "i"])
    #expect(RelationRun.titleWords.contains("dr") && RelationRun.titleWords.contains("."))
    #expect(BoardSeatRule.verbs.contains("serves"))
  }

  @Test func everyCategoryHasWords() throws {
    let speech = try SpeechWords.file.get()
    for c in SpeechWordCategory.allCases { #expect(!speech[c].isEmpty, "\(c.rawValue) is empty") }
    let relation = try RelationWords.file.get()
    for c in RelationWordCategory.allCases { #expect(!relation[c].isEmpty, "\(c.rawValue) is empty") }
  }

  @Test func anUnknownCategoryIsAnErrorNamingTheLine() {
    #expect(throws: ExtractionError.self) {
      try WordListFile<SpeechWordCategory>(name: "speech-words.tsv", text: "intro-verbs\tspoke\nintro-verb\ttook\n")
    }
  }
}
