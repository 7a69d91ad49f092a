import DocumentModel
import Testing

@testable import Extraction

/// The one text model: tokens, their word view, sentences and paragraphs, computed once by the early stages
/// and read by the speech and relation stages.
@Suite struct TextModelTests {
  func analyzed(_ text: String) -> AnalyzedDocument {
    var doc = AnalyzedDocument(document: Document(id: "t", text: text))
    Tokenizer().process(&doc)
    SentenceSplitter().process(&doc)
    return doc
  }

  @Test func oneWordPerToken() {
    let doc = analyzed("Dr. Ortiz-Vega didn’t sign Peru's plan in the U.S. 1,000 times.")
    #expect(doc.words.count == doc.tokens.count, "\(doc.debugDump())")
    #expect(zip(doc.words, doc.tokens).allSatisfy { $0.start == $1.start && $0.end == $1.end })
    #expect(
      doc.words.map(\.lower) == [
        "dr", "ortiz", "-", "vega", "did", "n't", "sign", "peru", "'s", "plan", "in", "the", "u.s", "1,000", "times",
        ".",
      ], "\(doc.debugDump())")
  }

  @Test func hyphensJoinAndCliticsBelongToTheirWord() {
    let doc = analyzed("Ortiz-Vega didn't sign Peru's plan - yet.")
    let w = doc.words
    #expect(w[1].joinsWords && !w[1].isWord)
    #expect(!w.last(where: { $0.lower == "-" })!.joinsWords, "a spaced dash joins nothing")
    #expect(w.filter(\.isClitic).map(\.lower) == ["n't", "'s"])
    // "Ortiz-Vega", "didn't", "sign", "Peru's", "plan", "yet": six words.
    #expect(doc.wordCount(0, doc.document.length) == 6, "\(doc.debugDump())")
  }

  @Test func flags() {
    let doc = analyzed("Kim paid 40 euros.")
    #expect(doc.words.map(\.isCapitalized) == [true, false, false, false, false])
    #expect(doc.words.map(\.isNumber) == [false, false, true, false, false])
    #expect(doc.words.map(\.hasLetter) == [true, true, false, true, false])
    #expect(doc.words.map(\.isWord) == [true, true, true, true, false])
  }

  @Test func sentenceLookupsFollowTheSplitter() {
    let text = "Roe met Kim on Monday. “It works,” she said.\nNext line here."
    let doc = analyzed(text)
    #expect(doc.sentences.count == 3, "\(doc.debugDump())")
    #expect(doc.paragraphs.count == 2)
    for s in doc.sentences {
      for offset in [s.start, (s.start + s.end) / 2] {
        #expect(doc.sentenceStart(before: offset, lower: 0) == s.start, "\(offset)\n\(doc.debugDump())")
        #expect(doc.sentenceIndex(containing: offset) == s.index)
      }
    }
    // The sentence end stops after the terminator, before a closing quote mark the splitter kept.
    let quoted = analyzed("She said “We will win.” Then she left.")
    #expect(
      quoted.text(0, quoted.sentenceEnd(after: 0, upper: 1000)) == "She said “We will win.", "\(quoted.debugDump())")
    #expect(doc.paragraph(of: text.unicodeScalars.count - 2) == doc.paragraphs[1])
  }

  @Test func stagesSayWhatTheyNeed() {
    #expect(QuoteFinder().requires.isSuperset(of: [.tokens, .words, .sentences]))
    #expect(Tokenizer().produces == [.tokens, .words])
    #expect(throws: ExtractionError.self) { try Pipeline(stages: [QuoteFinder(), Tokenizer(), SentenceSplitter()]) }
    #expect(throws: ExtractionError.self) { try Pipeline(stages: [Tokenizer(), RelationExtractor()]) }
    #expect(throws: Never.self) { try Pipeline(stages: [Tokenizer(), SentenceSplitter(), QuoteFinder()]) }
    // A tokenizer told not to make the word view does not, and a stage that reads it is refused after it.
    #expect(Tokenizer(makesWords: false).produces == [.tokens])
    #expect(throws: ExtractionError.self) {
      try Pipeline(stages: [Tokenizer(makesWords: false), SentenceSplitter(), QuoteFinder()])
    }
    var doc = AnalyzedDocument(document: Document(id: "d", text: "Dr. Kim said yes."))
    Tokenizer(makesWords: false).process(&doc)
    #expect(doc.tokens.count == 5 && doc.words.isEmpty)
  }

  @Test func debugDumpListsWhatTheStagesFound() {
    let doc = attribute("“The wells are dry,” Ruth Okoye said.", [.person("Ruth Okoye")])
    let dump = doc.debugDump()
    #expect(dump.contains("0-1 \"“\""), "\(dump)")
    #expect(dump.contains("sentence 0 (paragraph 0)"), "\(dump)")
    #expect(dump.contains("mention 21-31 person \"Ruth Okoye\""), "\(dump)")
    #expect(dump.contains("quote 1-19 direct depth 0 \"The wells are dry,\""), "\(dump)")
    #expect(dump.contains("by cue-after-quote"), "\(dump)")
  }
}
