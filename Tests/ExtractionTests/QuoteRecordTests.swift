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

  /// A quote longer than `Evidence.textLimit` keeps its whole span in offsets but writes only its two ends, so
  /// a quote that is a whole huge document cannot make every fact citing it carry the document (issue 12).
  @Test func longQuoteTextIsAbridgedButItsOffsetsCoverTheWholeQuote() throws {
    let body = String(repeating: "the water of Peru stays clean and ", count: 400)
    let text = "Jane Roe said: “" + body + "the end.” Then she left."
    let (doc, rs) = records(text)
    let q = try #require(rs.max { ($0.end - $0.start) < ($1.end - $1.start) })
    #expect(q.speaker == roe.id)
    #expect(q.end - q.start > Evidence.textLimit)
    #expect(q.text.unicodeScalars.count == 2 * Evidence.textEdge + Evidence.textGap.unicodeScalars.count)
    #expect(q.text.hasPrefix("the water of Peru"))
    #expect(q.text.hasSuffix("the end."))
    #expect(q.text == doc.document.excerpt(from: q.start, to: q.end))
    for r in doc.relations {
      for e in r.evidence { #expect(e.text.unicodeScalars.count <= Evidence.textLimit, "\(r.key)") }
    }
  }

  @Test func clauseBeforeItsSpeechVerbIsReportedSpeechOfTheSourceAfterTheComma() throws {
    let (_, rs) = records("The canal will reach Chile by next spring, Jane Roe said on Tuesday.")
    let q = try #require(record(rs, containing: "canal"))
    #expect(q.kind == .indirect)
    #expect(q.text == "The canal will reach Chile by next spring")
    #expect(q.speaker == roe.id)
    #expect(q.cue?.text == "said")
    #expect(q.source == "reported-speech-subject")
  }

  @Test func invertedPostposedVerbTakesTheNameAfterIt() throws {
    let (_, rs) = records("The dam will stay closed until the inquiry ends, said Jane Roe of the Ministry of Water.")
    let q = try #require(record(rs, containing: "dam will stay"))
    #expect(q.kind == .indirect)
    #expect(q.speaker == roe.id)
    // The name after the verb is the source, not a reported clause.
    #expect(record(rs, containing: "Jane Roe") == nil)
  }

  @Test func invertedSourceMayOpenWithATitleAndEndInAnAppositive() throws {
    for text in [
      "The dam will stay closed until the inquiry ends, said Jane Roe, the minister.",
      "The dam will stay closed until the inquiry ends, said former minister Jane Roe, who led the inquiry.",
    ] {
      let (_, rs) = records(text)
      let q = try #require(record(rs, containing: "dam will stay"), "\(text)")
      #expect(q.text == "The dam will stay closed until the inquiry ends")
      #expect(q.speaker == roe.id, "\(text)")
      // Neither the name nor its appositive is a reported clause.
      #expect(record(rs, containing: "Jane Roe") == nil, "\(text)")
    }
  }

  @Test func nominalSourceMayCloseAPostposedClause() throws {
    let (_, rs) = records("The sluices will open next week, one longtime engineer said.")
    let q = try #require(record(rs, containing: "sluices"))
    #expect(q.kind == .indirect)
    #expect(q.text == "The sluices will open next week")
    #expect(q.speaker == nil)
    #expect(q.speakerMention?.text.hasSuffix("engineer") == true)
  }

  @Test func aReportedClauseEndsWhereTheSameSpeakersNextAttributionBegins() throws {
    let (_, rs) = records("Jane Roe said the canal would reach Chile by spring, insisting that the dam stay closed.")
    let first = try #require(record(rs, containing: "canal"))
    #expect(first.text == "the canal would reach Chile by spring")
    let second = try #require(record(rs, containing: "dam stay"))
    #expect(second.text == "the dam stay closed")
    #expect(first.speaker == roe.id && second.speaker == roe.id)
    // A cue with its own subject inside the clause is part of what was said.
    let (_, embedded) = records("Jane Roe said the engineers discussed the canal with farmers in Chile.")
    let q = try #require(record(embedded, containing: "engineers"))
    #expect(q.text == "the engineers discussed the canal with farmers in Chile")
  }

  @Test func thatMayComeAfterAParentheticalBetweenVerbAndClause() throws {
    let (_, rs) = records(
      "Jane Roe said on the radio, where she now works, that the canal would reach Chile by spring.")
    let q = try #require(record(rs, containing: "canal"))
    #expect(q.text == "the canal would reach Chile by spring")
    #expect(q.speaker == roe.id)
  }

  @Test func aHeadlineNamingItsSourceBeforeAColonIsReportedSpeech() throws {
    let (_, rs) = records("Jane Roe: the canal will reach Chile by spring\n\nThe minister spoke in the valley.")
    let q = try #require(record(rs, containing: "canal"))
    #expect(q.kind == .indirect && q.text == "the canal will reach Chile by spring")
    #expect(q.speaker == roe.id && q.cue?.text.hasSuffix(":") == true)
    // Not below the headline, and not a label of two words with no clause.
    let (_, below) = records("The valley waits.\n\nJane Roe: the canal will reach Chile by spring")
    #expect(record(below, containing: "canal") == nil)
    let (_, short) = records("Jane Roe: Chile\n\nThe minister spoke.")
    #expect(short.isEmpty)
  }

  @Test func announcedReportsTheClauseAfterIt() throws {
    let (_, rs) = records("Jane Roe announced the canal would reach Chile by spring.")
    let q = try #require(record(rs, containing: "canal"))
    #expect(q.text == "the canal would reach Chile by spring" && q.speaker == roe.id)
  }

  @Test func aQuestionVerbsClauseMayOpenWithIf() throws {
    let (_, rs) = records("Jane Roe asked the engineers if the canal would reach Chile by spring.")
    let q = try #require(record(rs, containing: "canal"))
    #expect(q.text == "the canal would reach Chile by spring" && q.speaker == roe.id)
  }

  @Test func aVerbFormInsideANameIsNoCue() throws {
    // "States" is a speech verb's form, but here a word of a name: no postposed or parenthetical clause.
    let (_, rs) = records("In 1833, Jane Roe, the first envoy of the United States, was born in a small port town.")
    #expect(rs.isEmpty, "\(rs.map(\.text))")
  }

  @Test func accordingToSetOffByCommasReportsTheLongerSide() throws {
    let (_, rs) = records("Since the floods, according to the Ministry of Water, the canal has carried half its load.")
    let q = try #require(record(rs, containing: "canal has carried"))
    #expect(q.text == "the canal has carried half its load")
    #expect(q.speaker == ministry.id)
  }

  @Test func toldWithAnObjectThenAClause() throws {
    for (text, clause) in [
      ("Jane Roe told her the canal was safe.", nil as String?),
      ("Jane Roe told reporters she would stay.", "she would stay"),
      ("Jane Roe told the Harbor Gazette it was too early.", "it was too early"),
    ] {
      let (_, rs) = records(text)
      if let clause {
        let q = try #require(record(rs, containing: clause), "\(text)")
        #expect(q.text == clause && q.speaker == roe.id, "\(text)")
      } else {
        // "her the canal …": no subject pronoun after the object, so no clause from this pattern.
        #expect(rs.allSatisfy { !$0.text.hasPrefix("the canal") || $0.speaker == roe.id }, "\(text)")
      }
    }
    // A possessive after "told" is not an object: "told her story" opens no clause.
    let (_, rs) = records("Jane Roe told her story to the court.")
    #expect(rs.isEmpty)
  }

  @Test func postposedVerbWithAClauseAfterItIsNotAPostposedQuote() throws {
    let (_, rs) = records("When the rains came, Jane Roe said that the canal would wait.")
    #expect(record(rs, containing: "When the rains came") == nil)
    let q = try #require(record(rs, containing: "canal would wait"))
    #expect(q.speaker == roe.id)
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
    let fromEdges = Set(
      doc.relations.filter { $0.predicate == .mentioned }.map { "\($0.subject.rawValue) \($0.object.rawValue)" })
    #expect(fromRecords == fromEdges)
    #expect(!fromEdges.isEmpty)
  }

  @Test func everyRecordIsInsideItsDocumentAndIdsAreUnique() {
    let text = "“A,” she said. “B” “C” ‘D’ said Jane Roe: “E “F” G.” Officials said “H.”"
    let (doc, rs) = records(text)
    for q in rs {
      #expect(0 <= q.start && q.start < q.end && q.end <= doc.document.length)
      #expect(q.text == doc.document.excerpt(from: q.start, to: q.end))
      if let m = q.speakerMention { #expect(m.text == doc.document.excerpt(from: m.start, to: m.end)) }
    }
    #expect(Set(rs.map(\.id)).count == rs.count)
  }
}

/// Speech cues that name speakers, and pronouns that respect first-name gender (texts invented).
@Suite struct SpeakerCueTests {
  @Test func unknownNamesBesideSpeechVerbsArePeople() throws {
    let doc = try EntityFixtures.analyze(
      "The hall was quiet.\n\n“We wrote it in a week,” Vantrell continued.\n\nOfficials said the doors would open. "
        + "“It matters,” said county clerk Odalys Brenneke.")
    let people = Set(doc.mentions.filter { $0.kind == .person }.map { doc.document.text(from: $0.start, to: $0.end) })
    #expect(people.contains("Vantrell"))
    #expect(people.contains("Odalys Brenneke"))
    #expect(!people.contains("Officials"))
  }

  @Test func lowerCaseTitlesBeforeAnInvertedSpeaker() throws {
    let roe = SpeechEntity.person("Jane Roe", "Roe")
    let doc = attribute("“The vote is close,” said veteran pollster Jane Roe.", [roe])
    #expect(doc.speaker(ofQuoteContaining: "vote is close") == "Jane Roe")
  }

  @Test func sheNeverGoesToAManFirstName() throws {
    let mark = SpeechEntity.person("Mark Dunmore", "Dunmore")
    let doc = attribute("Mark Dunmore spoke first.\n\n“The wells are dry,” she said.", [mark])
    #expect(doc.speaker(ofQuoteContaining: "wells") == nil)
    let maria = SpeechEntity.person("Maria Dunmore", "Dunmore")
    let doc2 = attribute("Maria Dunmore spoke first.\n\n“The wells are dry,” he said.", [maria])
    #expect(doc2.speaker(ofQuoteContaining: "wells") == nil)
    let doc3 = attribute("Maria Dunmore spoke first.\n\n“The wells are dry,” she said.", [maria])
    #expect(doc3.speaker(ofQuoteContaining: "wells") == "Maria Dunmore")
  }

  @Test func appositiveBeforeTheVerb() throws {
    let roe = SpeechEntity.person("Jane Roe", "Roe")
    let doc = attribute(
      "“Prices will rise,” Jane Roe, who ran the county water board for a decade before she retired, said on Friday.",
      [roe])
    #expect(doc.speaker(ofQuoteContaining: "Prices") == "Jane Roe")
  }

  @Test func describedSourceIsTheSpeakerMention() throws {
    let doc = attribute("“The gap is too wide,” said a Denver teacher.", [.place("Denver")])
    let q = try #require(doc.quoteRecords().first)
    #expect(q.speaker == nil)
    #expect(q.speakerMention?.text == "a Denver teacher")
  }

  @Test func shortQuoteContinuesInTheSameParagraph() throws {
    let roe = SpeechEntity.person("Jane Roe", "Roe")
    let doc = attribute("“We wrote the songs,” Roe said. “Now we wait.”", [roe])
    #expect(doc.speaker(ofQuoteContaining: "Now we wait") == "Jane Roe")
  }
}

/// Hostile quote marks: thousands of unclosed or nested marks give a bounded number of records, all inside
/// the document (timing is measured by `eg-bench speech`, not here).
@Suite struct HostileQuoteTests {
  func check(_ text: String) -> [QuoteRecord] {
    let doc = attribute(text, [SpeechEntity.person("Jane Roe", "Roe")])
    let records = doc.quoteRecords()
    for q in records {
      #expect(0 <= q.start && q.start < q.end && q.end <= doc.document.length)
    }
    return records
  }

  @Test func unclosedMarksGiveOneQuotePerParagraph() {
    let records = check(String(repeating: "\u{201C}", count: 20_000) + " Jane Roe said the plan failed.\n")
    #expect(records.filter { $0.kind == .direct || $0.kind == .partial }.count <= 1)
  }

  @Test func deepNestingIsCut() {
    var text = "Jane Roe said: "
    for i in 0..<1000 { text += i % 2 == 0 ? "\u{201C}level \(i) says " : "\u{2018}level \(i) says " }
    text += "end"
    for i in (0..<1000).reversed() { text += i % 2 == 0 ? "\u{201D}" : "\u{2019}" }
    let records = check(text)
    #expect(records.count <= QuoteFinder.maxNesting + 2)
    #expect(records.contains { $0.kind == .direct })
  }
}
