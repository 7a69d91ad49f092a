import DocumentModel
import Testing

@testable import Extraction

/// Quote records: one per piece of speech, with kind, speaker, the words naming the speaker, the cue, the
/// entities named inside, and the rule (all texts invented).
@Suite struct QuoteRecordTests {
  let roe = SpeechEntity.person("Jane Roe", "Roe")
  let ministry = SpeechEntity.org("Ministry of Water")

  func records(_ text: String, _ extra: [SpeechEntity] = []) -> (doc: AnalyzedDocument, records: [QuoteRecord]) {
    let doc = attribute(text, [roe, lena, ministry] + countries + extra)
    return (doc, doc.quoteRecords())
  }

  func record(_ records: [QuoteRecord], containing fragment: String) -> QuoteRecord? {
    records.filter { $0.text.contains(fragment) }.min { ($0.end - $0.start) < ($1.end - $1.start) }
  }

  @Test func cueAfterQuoteNamesSpeakerAndCue() throws {
    let (_, rs) = records("“We will not let Peru down,” said Jane Roe on Tuesday.")
    let q = try #require(record(rs, containing: "We will not"))
    #expect(q.kind == .direct)
    #expect(q.speaker == roe.id)
    #expect(q.speakerMention?.text == "Jane Roe")
    #expect(q.cue?.text == "said")
    #expect(q.mentions == [EntityID(kind: .country, name: "Peru")])
    #expect(q.source == "cue-after-quote")
    #expect(q.text == "We will not let Peru down,")
    #expect(q.id == "q:fixture:1")
  }

  @Test func pronounIsTheSpeakerMention() throws {
    let (_, rs) = records("Jane Roe met farmers in the valley.\n\n“The canal reaches Chile next year,” she added.")
    let q = try #require(record(rs, containing: "canal"))
    #expect(q.speaker == roe.id)
    #expect(q.speakerMention?.text == "she")
  }

  @Test func nominalSourceHasNoSpeakerButItsWords() throws {
    let (_, rs) = records("Officials said: “The bridge will stay closed until the spring floods pass.”")
    let q = try #require(record(rs, containing: "bridge"))
    #expect(q.speaker == nil)
    #expect(q.speakerMention?.text == "Officials")
    #expect(q.source == "nominal-source")
  }

  @Test func titlesAndScareQuotesAreNotSpeech() {
    let (_, rs) = records("The exhibition, titled “Blue River Nights”, opens Friday. Critics found the “vibe” odd.")
    #expect(rs.isEmpty)
  }

  @Test func phraseInsideNarrationIsPartial() throws {
    let (_, rs) = records("Jane Roe called the dam plan a “reckless gamble with our water” on Monday.")
    let q = try #require(record(rs, containing: "reckless"))
    #expect(q.kind == .partial)
    #expect(q.speaker == roe.id)
  }

  @Test func continuedQuoteIsNamedByTheFloor() throws {
    let text = """
      “The river is lower than ever,” said Jane Roe.

      “We have asked Kenya for engineers and they have said yes to every request we made.”
      """
    let (_, rs) = records(text)
    let q = try #require(record(rs, containing: "engineers"))
    #expect(q.speaker == roe.id)
    #expect(q.source == "continued-quote")
    #expect(q.speakerMention?.text == "Jane Roe")
  }

  @Test func embeddedQuoteNamesItsHost() throws {
    let (_, rs) = records("Jane Roe said: “My teacher told me, ‘Never sell the water of Chile.’ I never did.”")
    let outer = try #require(record(rs, containing: "My teacher"))
    let inner = try #require(record(rs, containing: "Never sell"))
    #expect(outer.kind == .direct)
    #expect(inner.kind == .embedded)
    #expect(inner.embeddedIn == outer.id)
  }

  @Test func reportedClauseIsIndirect() throws {
    let (_, rs) = records("Jane Roe said the pumps in Peru had failed twice this year.")
    let q = try #require(record(rs, containing: "pumps"))
    #expect(q.kind == .indirect)
    #expect(q.speaker == roe.id)
  }

  @Test func recordMentionsAgreeWithMentionedEdges() {
    let text = """
      “Peru and Chile must talk,” said Jane Roe. Lena Farrow said the talks should include Kenya.

      “Officials in Ghana will host them,” Roe added.
      """
    let (doc, rs) = records(text, [.country("Ghana")])
    var fromRecords: Set<String> = []
    for q in rs where q.kind != .embedded {
      guard let s = q.speaker else { continue }
      for m in q.mentions { fromRecords.insert("\(s.rawValue) \(m.rawValue)") }
    }
    let fromEdges = Set(doc.relations.filter { $0.predicate == .mentioned }.map { "\($0.subject.rawValue) \($0.object.rawValue)" })
    #expect(fromRecords == fromEdges)
    #expect(!fromEdges.isEmpty)
  }

  @Test func everyRecordIsInsideItsDocumentAndIdsAreUnique() {
    let text = "“A,” she said. “B” “C” ‘D’ said Jane Roe: “E “F” G.” Officials said “H.”"
    let (doc, rs) = records(text)
    for q in rs {
      #expect(0 <= q.start && q.start < q.end && q.end <= doc.document.length)
      #expect(q.text == doc.document.text(from: q.start, to: q.end))
      if let m = q.speakerMention { #expect(m.text == doc.document.text(from: m.start, to: m.end)) }
    }
    #expect(Set(rs.map(\.id)).count == rs.count)
  }
}
