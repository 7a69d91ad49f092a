import DocumentModel
import Testing

@testable import Extraction

/// One small invented fixture per attribution pattern added after the blind held-out measurement.
@Suite struct AttributionPatternTests {
  let people: [SpeechEntity] = [
    .person("Ilse Varga", "Varga"), .person("Rafael Ostin", "Ostin"), .person("Mina Kovac", "Kovac"),
  ]
  let orgs: [SpeechEntity] = [
    .org("Harbor Gazette", "the Harbor Gazette"), .org("Delta Relief Agency"), .org("Coalition for Clean Ports"),
  ]

  func run(_ text: String) -> AnalyzedDocument { attribute(text, people + orgs + countries) }

  @Test func accordingToOpeningASentence() {
    let doc = run(
      "Ilse Varga spoke last. According to her, Peru had already signed the accord and others would follow.")
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Peru"]])
  }

  @Test func accordingToClosingASentence() {
    let doc = run("Officials briefed diplomats from Chile before the vote, according to the Harbor Gazette.")
    #expect(doc.mentionedNames(kind: .country) == ["Harbor Gazette": ["Chile"]])
  }

  @Test func accordingToInsideAQuoteIsNotNarration() {
    let doc = run("“According to my notes, Peru agreed,” Varga said.")
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Peru"]])
  }

  @Test func personSetOffByCommasBeforeTheVerb() {
    let doc = run(
      "The deputy head of the Delta Relief Agency, Ilse Varga, warned on Monday that Kenya could not cope alone.")
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Kenya"]])
  }

  @Test func possessivePronounDoesNotOpenTheClause() {
    let doc = run(
      "Ilse Varga said the talks were over. Her colleague Rafael Ostin, who runs the warehouses, said the roads through Ghana were closed."
    )
    #expect(doc.mentionedNames(kind: .country) == ["Rafael Ostin": ["Ghana"]])
  }

  @Test func bareClauseAfterAnAppositive() {
    let doc = run(
      "Opening the session, Rafael Ostin, the deputy minister, said the region had cut its ties with Norway for good.")
    #expect(doc.mentionedNames(kind: .country) == ["Rafael Ostin": ["Norway"]])
  }

  @Test func bareClauseAfterAnAgeOrAPhrase() {
    let doc = run(
      "Rafael Ostin, 54, said Mexico would wait. The Delta Relief Agency, in a statement, said Ghana had asked for help."
    )
    #expect(doc.mentionedNames(kind: .country) == ["Rafael Ostin": ["Mexico"], "Delta Relief Agency": ["Ghana"]])
  }

  @Test func quoteClosedBeforeCommaAndSaidIsNotABareClause() {
    let doc = run("“We are ready,” said Mina Kovac. “Peru is not.”")
    #expect(doc.quotes.allSatisfy { $0.form == .direct })
  }

  @Test func theModeratorIsThePersonIntroducedInThatRole() {
    let doc = run(
      """
      The panel was moderated by Mina Kovac, a radio host. Rafael Ostin spoke first about prices.
      The moderator asked the panel whether Canada could be relied on for gas.
      """)
    #expect(doc.mentionedNames(kind: .country) == ["Mina Kovac": ["Canada"]])
  }

  @Test func questionTurnsBelongToTheNamedInterviewer() {
    let doc = run(
      """
      Ilse Varga runs the Delta Relief Agency. Our correspondent, Mina Kovac, spoke with her last week.

      Q: Does Mexico help?

      A: Mexico helps a great deal, and so does Canada.
      """)
    #expect(doc.mentionedNames(kind: .country) == ["Mina Kovac": ["Mexico"], "Ilse Varga": ["Mexico", "Canada"]])
  }

  @Test func questionTurnsWithoutAnInterviewerBelongToNobody() {
    let doc = run(
      """
      Ilse Varga runs the Delta Relief Agency.

      Q: Does Mexico help?

      A: It does, and so does Canada.
      """)
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Canada"]])
  }

  @Test func embeddedNewspaperQuotedAsIt() {
    let doc = run(
      "Varga quoted an editorial in the Harbor Gazette. “It wrote: ‘Peru has traded jobs for promises.’ That is the point,” she said."
    )
    #expect(doc.speaker(ofQuoteContaining: "traded jobs") == "Harbor Gazette")
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Peru"], "Harbor Gazette": ["Peru"]])
    #expect(doc.relationLines().contains("Harbor Gazette quoted_in Ilse Varga"))
  }

  @Test func embeddedPersonAsTheyPutIt() {
    let doc = run("“As Mina Kovac put it to me, ‘Brazil will outgrow us all,’ ” Varga said.")
    #expect(doc.speaker(ofQuoteContaining: "outgrow") == "Mina Kovac")
    #expect(doc.relationLines().contains("Mina Kovac quoted_in Ilse Varga"))
  }

  @Test func nominalCoalitionSpeaks() {
    let doc = run(
      "The Coalition for Clean Ports published its data. In its report, the coalition said Chilean ships were nearby.")
    #expect(doc.mentionedNames(kind: .country) == ["Coalition for Clean Ports": ["Chile"]])
  }

  @Test func objectIsNotTheSubjectForPronouns() {
    let doc = run(
      "Ilse Varga opened the debate. “We must act,” she told the Delta Relief Agency. She then argued that Peru should pay more."
    )
    #expect(doc.mentionedNames(kind: .country) == ["Ilse Varga": ["Peru"]])
  }

  @Test func nounReadingsOfSpeechVerbsAreNotCues() {
    let doc = run("Negotiators from the coastal states failed to agree on how much fish Norway may land.")
    #expect(doc.quotes.isEmpty)
  }
}
