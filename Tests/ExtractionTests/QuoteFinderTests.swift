import DocumentModel
import Testing

@testable import Extraction

@Suite struct QuoteFinderTests {
  func quotes(_ text: String) -> [Quote] {
    QuoteFinder().findQuotes(in: Document(id: "q", text: text)).quotes
  }
  func texts(_ text: String, form: Quote.Form = .direct) -> [String] {
    let doc = Document(id: "q", text: text)
    return quotes(text).filter { $0.form == form }.map { doc.text(from: $0.start, to: $0.end) }
  }

  @Test(arguments: [
    ("He said “yes, indeed” and left.", "yes, indeed"),
    ("He said \"yes, indeed\" and left.", "yes, indeed"),
    ("He said ‘yes, indeed’ and left.", "yes, indeed"),
    ("He said «yes, indeed» and left.", "yes, indeed"),
  ])
  func findsStraightAndCurlyMarks(text: String, expected: String) {
    #expect(texts(text) == [expected])
  }

  @Test(arguments: [
    "We don’t know why Chile’s plan failed in the 1970’s.",
    "The Habsburg’s rule ended; the students’ books stayed.",
    "It's the 90's again, isn't it?",
  ])
  func apostrophesAreNotQuoteMarks(text: String) {
    #expect(texts(text).isEmpty)
  }

  @Test(arguments: [
    ("“The workers’ union agreed,” she said.", ["The workers’ union agreed,"]),
    (
      "She said: “He told me “the workers’ union agreed” and left.”",
      ["He told me “the workers’ union agreed” and left.", "the workers’ union agreed"]
    ),
    ("He said: \"They told me 'no way' yesterday.\"", ["They told me 'no way' yesterday.", "no way"]),
  ])
  func pluralPossessivesAndStraightNesting(text: String, expected: [String]) {
    #expect(texts(text) == expected)
  }

  @Test func nestedQuoteHasDepthOne() throws {
    let text = try loadFixture("speech/nested-embedded.txt")
    let qs = quotes(text).filter { $0.form == .direct }
    #expect(qs.map(\.depth) == [0, 1])
    let doc = Document(id: "q", text: text)
    #expect(doc.text(from: qs[1].start, to: qs[1].end) == "Canada needs Mexico more than ever.")
  }

  @Test func doubleNestedQuoteHasDepthTwo() {
    let qs = quotes("She said: “He wrote: “They shouted ‘never’ twice” and left.”").filter { $0.form == .direct }
    #expect(qs.map(\.depth) == [0, 1, 2])
  }

  @Test func mismatchedNestedMarkIsRepaired() throws {
    let text = try loadFixture("speech/mismatched-marks.txt")
    let found = texts(text)
    #expect(found.contains("free Chile"))
    #expect(found.contains { $0.hasSuffix("Norway stayed silent.") && $0.hasPrefix("People chanted") })
  }

  @Test func quoteContinuesIntoParagraphOpeningWithMark() throws {
    let text = try loadFixture("speech/across-paragraphs.txt")
    let found = texts(text)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("We met the delegation") == true)
    #expect(found.first?.hasSuffix("stayed a week.") == true)
  }

  @Test func unclosedQuoteEndsAtParagraphEndWithDiagnostic() {
    let result = QuoteFinder().findQuotes(in: Document(id: "q", text: "She said: “We will win.\nThe crowd cheered."))
    #expect(result.quotes.filter { $0.form == .direct }.count == 1)
    #expect(result.diagnostics.contains { $0.code == "unclosed-quote" })
  }

  @Test(arguments: [
    ("She noted that Ghana had improved its schools.", "Ghana had improved its schools"),
    ("He added that the talks would resume soon.", "the talks would resume soon"),
    ("She argued that Togo lagged behind.", "Togo lagged behind"),
    ("The minister stated that prices will fall: “Soon.”", "prices will fall"),
    ("He discussed how the border was drawn.", "the border was drawn"),
    ("She told reporters that the deal was dead.", "the deal was dead"),
  ])
  func findsReportedSpeech(text: String, expected: String) {
    #expect(texts(text, form: .reported) == [expected])
  }

  @Test func topicVerbReportsItsObject() {
    #expect(
      texts("Ana Ruiz discussed the history of mining in Peru.", form: .reported) == ["the history of mining in Peru"])
  }

  @Test func nounUseOfCueWordIsNotReportedSpeech() {
    #expect(texts("The noted author said nothing.", form: .reported).isEmpty)
  }

  @Test func interviewTurnsAreQuotes() throws {
    let text = try loadFixture("speech/qa-interview.txt")
    let turns = quotes(text).filter { $0.cue?.text.hasSuffix(":") == true }
    #expect(turns.count == 4)
    #expect(turns.map { $0.cue?.text ?? "" } == ["Q:", "A:", "Q:", "A:"])
  }

  @Test func singleLabelledLineIsNotAnInterview() {
    #expect(quotes("Update: the talks resumed on Monday morning.").isEmpty)
  }

  @Test func spansStayInsideTheDocument() throws {
    for name in ["nested-embedded", "mismatched-marks", "across-paragraphs", "qa-interview", "role-intro"] {
      let text = try loadFixture("speech/\(name).txt")
      let n = text.unicodeScalars.count
      for q in quotes(text) { #expect(0 <= q.start && q.start < q.end && q.end <= n) }
    }
  }
}
