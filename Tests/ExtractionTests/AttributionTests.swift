import DocumentModel
import Testing

@testable import Extraction

/// Entities shared by the speech fixtures (all invented).
let lena = SpeechEntity.person("Lena Farrow", "Farrow")
let tomas = SpeechEntity.person("Tomas Hale", "Hale")
let otto = SpeechEntity.person("Otto Brenner")
let countries: [SpeechEntity] = [
  .country("Peru", "Peruvian"), .country("Chile", "Chilean"), .country("Kenya", "Kenyan"), .country("Brazil"),
  .country("Norway", "Norwegian"), .country("Canada"), .country("Mexico"), .country("Ghana"), .country("Togo"),
  .country("Argentina"), .country("Uruguay"), .country("Bolivia"), .country("Spain"), .country("Ecuador"),
  .country("Colombia"),
]

@Suite struct AttributionTests {
  func run(_ fixture: String, _ extra: [SpeechEntity] = []) throws -> AnalyzedDocument {
    attribute(try loadFixture("speech/\(fixture).txt"), [lena, tomas, otto] + countries + extra)
  }

  @Test func cueAfterQuote() throws {
    let doc = try run("quote-before-cue")
    #expect(doc.speaker(ofQuoteContaining: "must talk") == "Lena Farrow")
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru", "Chile"]])
  }

  @Test func cueBeforeQuote() throws {
    let doc = try run("quote-after-cue")
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Kenya"]])
  }

  @Test func colonIntroduction() throws {
    let doc = try run("colon-intro")
    #expect(doc.mentionedNames(kind: .country) == ["Tomas Hale": ["Brazil"]])
  }

  @Test func quoteAcrossParagraphs() throws {
    let doc = try run("across-paragraphs")
    // The narrator's closing line about Norway is not hers, but her own words name it.
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Norway", "Kenya"]])
  }

  @Test func embeddedSourceCountsForBothSpeakers() throws {
    let doc = try run("nested-embedded")
    let said = doc.mentionedNames(kind: .country)
    #expect(said["Lena Farrow"] == ["Canada", "Mexico", "Peru"])
    #expect(said["Otto Brenner"] == ["Canada", "Mexico"])
    #expect(doc.relationLines().contains("Otto Brenner quoted_in Lena Farrow"))
  }

  @Test func neverASelfMention() throws {
    let doc = try run("nested-embedded")
    #expect(!doc.relations.contains { $0.predicate == .mentioned && $0.subject == $0.object })
    // Lena mentions Otto (inside her words); Otto does not mention himself.
    #expect(doc.mentionedNames()["Lena Farrow"]?.contains("Otto Brenner") == true)
    #expect(doc.mentionedNames()["Otto Brenner"]?.contains("Otto Brenner") != true)
  }

  @Test func mismatchedMarksKeepTheOuterSpeaker() throws {
    let doc = try run("mismatched-marks")
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Chile", "Norway"]])
  }

  @Test func reportedSpeechAndPronounSubject() throws {
    let doc = try run("reported-speech")
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Ghana", "Togo"]])
    #expect(doc.quotes.allSatisfy { $0.form == .reported })
  }

  @Test func pronounsResolveToTheCurrentSpeaker() throws {
    let doc = try run("pronoun")
    #expect(doc.speaker(ofQuoteContaining: "Ghana is growing") == "Lena Farrow")
    #expect(doc.speaker(ofQuoteContaining: "Togo is next") == "Lena Farrow")
  }

  @Test func pronounSkipsAPersonOfTheOtherGender() throws {
    let doc = try run("pronoun-gender")
    #expect(doc.speaker(ofQuoteContaining: "ready to sign") == "Lena Farrow")
  }

  @Test func roleIntroductionsAndContinuation() throws {
    let doc = try run("role-intro")
    #expect(doc.speaker(ofQuoteContaining: "Chile is ready") == "Tomas Hale")
    // No cue: the same speaker keeps the floor.
    #expect(doc.speaker(ofQuoteContaining: "Argentina is not ready") == "Tomas Hale")
    #expect(doc.speaker(ofQuoteContaining: "Uruguay") == "Lena Farrow")
  }

  @Test func speakerIntroducedInTheSameSentence() throws {
    let doc = try run("role-intro-variants", [.person("Ana Ruiz")])
    #expect(doc.mentionedNames(kind: .country) == ["Ana Ruiz": ["Ecuador"], "Tomas Hale": ["Colombia"]])
  }

  @Test func newspaperQuotedInsideASpeechIsAnEmbeddedSource() {
    let times = SpeechEntity.org("Harbor Times")
    let doc = attribute(
      "Lena Farrow said: “According to the Harbor Times, ‘Chile will sign next week.’ I hope Peru follows.”",
      [lena, times] + countries)
    #expect(doc.mentionedNames(kind: .country)["Harbor Times"] == ["Chile"])
    #expect(doc.mentionedNames(kind: .country)["Lena Farrow"] == ["Chile", "Peru"])
    #expect(doc.relationLines().contains("Harbor Times quoted_in Lena Farrow"))
  }

  @Test func wireStyleCues() throws {
    let doc = try run("wire-cues", [.person("Ali Karimi"), .person("Ana Ruiz")])
    #expect(doc.speaker(ofQuoteContaining: "answer any strike") == "Ali Karimi")
    #expect(doc.speaker(ofQuoteContaining: "border stays open") == "Ana Ruiz")
    // "accused Brazil of …" reports his words; "was praised by Chile" is not hers.
    #expect(doc.mentionedNames(kind: .country) == ["Tomas Hale": ["Brazil"]])
  }

  @Test func interruptedQuoteKeepsItsSpeaker() {
    let doc = attribute("“Peru is ready,” she said, “and Chile will follow.”", [lena] + countries)
    let doc2 = attribute(
      "Lena Farrow spoke first. “Peru is ready,” she said, “and Chile will follow.”", [lena] + countries)
    #expect(doc.mentionedNames(kind: .country).isEmpty)  // nobody to resolve "she" to
    #expect(doc2.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru", "Chile"]])
  }

  @Test func unknownSpeakerDoesNotInheritTheFloor() {
    let doc = attribute(
      "“Peru will sign,” Lena Farrow said.\n“Chile will not,” said a man in the crowd.", [lena] + countries)
    #expect(doc.speaker(ofQuoteContaining: "Chile will not") == nil)
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru"]])
  }

  @Test func theyNeedsAnOrganizationThatSpokeOrIsNear() {
    let trust = SpeechEntity.org("Harbor Trust")
    let far = attribute(
      "The Harbor Trust opened an office last year.\nMany people came to the launch.\n“Peru is ready for us,” they said.",
      [trust] + countries)
    #expect(far.speaker(ofQuoteContaining: "Peru is ready") == nil)
    let near = attribute("The Harbor Trust met the press. “Peru is ready for us,” they said.", [trust] + countries)
    #expect(near.speaker(ofQuoteContaining: "Peru is ready") == "Harbor Trust")
  }

  @Test func organizationsSpeak() throws {
    let ministry = SpeechEntity.org("Ministry of Trade")
    let alliance = SpeechEntity.org("Coastal Alliance")
    let doc = try run("organization-speaker", [ministry, alliance])
    #expect(doc.speaker(ofQuoteContaining: "reliable partner") == "Ministry of Trade")
    #expect(doc.speaker(ofQuoteContaining: "open its ports") == "Coastal Alliance")
  }

  @Test func accordingTo() throws {
    let doc = try run("according-to")
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru", "Chile"]])
  }

  @Test func interviewAnswersBelongToTheInterviewee() throws {
    let doc = try run("qa-interview")
    // The questions name Peru and Bolivia too, but they are not the interviewee's words.
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru", "Chile", "Bolivia"]])
    #expect(doc.speaker(ofQuoteContaining: "What about Peru") == nil)
  }

  @Test func narrationAboutASpeakerIsNotTheirWords() throws {
    let doc = try run("narration-not-speech")
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru"]])
  }

  @Test func titlesAreNotSpeech() throws {
    let doc = try run("title-not-speech")
    #expect(doc.relations.filter { $0.predicate == .mentioned }.isEmpty)
  }

  @Test func mentionedCarriesCountAndEvidenceOffsets() throws {
    let doc = attribute("Lena Farrow said: “Peru, Peru and again Peru.”", [lena] + countries)
    let r = try #require(doc.relations.first { $0.predicate == .mentioned })
    #expect(r.count == 3)
    let ev = try #require(r.evidence.first)
    #expect(doc.document.text(from: ev.start, to: ev.end) == ev.text)
    #expect(ev.text.contains("Peru"))
    #expect(r.source == "quote-attribution")
  }

  @Test func demonymsCountAsCountryMentions() {
    let doc = attribute("“The Peruvian plan is bold,” Lena Farrow said.", [lena] + countries)
    #expect(doc.mentionedNames(kind: .country) == ["Lena Farrow": ["Peru"]])
  }

  @Test func speakersOfTheReportedEventSpokeAtIt() throws {
    let forum = SpeechEntity.event("Water and Peace", attributes: ["title": "Water and Peace", "date": "2024-05-03"])
    let doc = attribute(
      try loadFixture("speech/relation-events.txt"),
      [.person("Sam Okafor", "Okafor"), .person("Rita Moss"), .org("Civic Forum"), forum] + countries)
    #expect(doc.relationLines().contains("Sam Okafor spoke_at Water and Peace"))
    #expect(!doc.relationLines().contains("Rita Moss spoke_at Water and Peace"))
  }
}

@Suite struct SpokeAtTests {
  static let countries: [SpeechEntity] = [.country("Chile"), .country("Peru")]

  /// Issue 9: a source quoted by phone is not a speaker at the event the article reports on.
  @Test func onlySpeakersTheTextPutsAtTheEventSpokeAtIt() throws {
    let event = SpeechEntity.event(
      "Rivers and Borders", attributes: ["title": "Rivers and Borders", "date": "2024-06-09"])
    var doc = makeSpeechDocument(
      try loadFixture("speech/relation-events-remote.txt"),
      [.person("Ines Carvel", "Carvel"), .person("Tomas Ferreira"), .org("Harbour Institute"), event] + Self.countries)
    for stage: any ExtractionStage in [Tokenizer(), SentenceSplitter(), QuoteFinder(), SpeechAttributor()] {
      stage.process(&doc)
    }
    let lines = doc.relationLines()
    #expect(lines.contains("Ines Carvel spoke_at Rivers and Borders"))
    #expect(!lines.contains("Tomas Ferreira spoke_at Rivers and Borders"))
    #expect(doc.mentionedNames(kind: .country)["Tomas Ferreira"] == ["Peru"])
  }
}
