import DocumentModel
import Testing

@testable import Extraction

@Suite struct TokenizerTests {
  func tokens(_ text: String) -> [String] {
    let doc = Document(id: "t", text: text)
    return Tokenizer.tokenize(doc.scalars).map { doc.text(from: $0.start, to: $0.end) }
  }

  @Test func keepsAbbreviationsAndInitialisms() {
    #expect(
      tokens("Dr. Kim met U.S. officials at 9 a.m. today.") == [
        "Dr.", "Kim", "met", "U.S.", "officials", "at", "9", "a.m.", "today", ".",
      ])
  }

  @Test func splitsPossessivesContractionsAndHyphens() {
    #expect(
      tokens("Israel’s plan didn't help Ha-Levi's group") == [
        "Israel", "’s", "plan", "did", "n't", "help", "Ha", "-", "Levi", "'s", "group",
      ])
  }

  @Test func separatesCurlyAndStraightQuotes() {
    #expect(
      tokens("“Yes,” he said. \"No\" ‘maybe’") == [
        "“", "Yes", ",", "”", "he", "said", ".", "\"", "No", "\"", "‘", "maybe", "’",
      ])
  }

  @Test func keepsNumbersWhole() {
    #expect(
      tokens("1,000 people on 2023-11-16 at 9:30, the 1970’s") == [
        "1,000", "people", "on", "2023", "-", "11", "-", "16", "at", "9:30", ",", "the", "1970", "’s",
      ])
  }

  @Test(arguments: [
    "", " ", "\n\n", "emoji 👩‍👩‍👧 and 🇮🇷 flags", "עברית ومرحبا RTL", "combining e\u{301}te\u{301}",
    "control \u{0}\u{7}\u{1B} chars", "“unbalanced ‘quotes”’ ’", "ALL CAPS TEXT WITHOUT PUNCTUATION",
    "tab\tseparated\r\nlines", "a.b.c. d... e--f —g", "'s", "n't", "x'", "’’’",
  ])
  func tokensStayInsideAndInOrder(_ text: String) {
    let doc = Document(id: "t", text: text)
    let toks = Tokenizer.tokenize(doc.scalars)
    var previousEnd = 0
    for t in toks {
      #expect(t.start >= previousEnd && t.end > t.start && t.end <= doc.length)
      // Only whitespace lies between tokens.
      for k in previousEnd..<t.start { #expect(doc.scalars[k].properties.isWhitespace) }
      previousEnd = t.end
    }
    for k in previousEnd..<doc.length { #expect(doc.scalars[k].properties.isWhitespace) }
  }
}

@Suite struct SentenceSplitterTests {
  func sentences(_ text: String) -> [String] {
    var a = AnalyzedDocument(document: Document(id: "s", text: text))
    Tokenizer().process(&a)
    SentenceSplitter().process(&a)
    return a.sentences.map { a.document.text(from: $0.start, to: $0.end) }
  }

  @Test func splitsOnTerminatorsButNotAbbreviations() {
    #expect(
      sentences("Dr. Kim arrived. The U.S. delegation left! Why? Because.") == [
        "Dr. Kim arrived.", "The U.S. delegation left!", "Why?", "Because.",
      ])
  }

  /// "etc." is one abbreviation token, but a capitalized word after it opens a new sentence; a lower-case
  /// one does not.
  @Test func etcEndsASentenceBeforeACapital() {
    #expect(sentences("We sell pens, ink, etc. Prices vary.") == ["We sell pens, ink, etc.", "Prices vary."])
    #expect(sentences("Pens, ink, etc. are sold here.") == ["Pens, ink, etc. are sold here."])
    #expect(sentences("Pens, ETC. Next.") == ["Pens, ETC.", "Next."])
  }

  @Test func keepsClosingQuoteWithSentence() {
    #expect(sentences("He said: “It is over.” Then he left.") == ["He said: “It is over.”", "Then he left."])
  }

  @Test func lineBreaksEndSentencesAndParagraphs() {
    var a = AnalyzedDocument(document: Document(id: "p", text: "Title line\nFirst one. Second one\n\nThird"))
    Tokenizer().process(&a)
    SentenceSplitter().process(&a)
    #expect(a.sentences.map(\.paragraph) == [0, 1, 1, 2])
  }

  @Test func cutsVeryLongSentences() {
    let text = Array(repeating: "word", count: 1000).joined(separator: " ")
    var a = AnalyzedDocument(document: Document(id: "l", text: text))
    Tokenizer().process(&a)
    SentenceSplitter(maxTokens: 100).process(&a)
    #expect(a.sentences.count == 10)
    #expect(a.sentenceIndex(containing: 4990) == 9)
  }
}
