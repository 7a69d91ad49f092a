import DocumentModel
import Testing

@testable import Extraction

@Suite struct RelationExtractorTests {
  func relations(_ text: String, _ entities: [SpeechEntity]) -> [String] {
    var doc = makeSpeechDocument(text, entities)
    RelationExtractor().process(&doc)
    return doc.relationLines()
  }

  static let roleEntities: [SpeechEntity] = [
    .person("Nora Vance"), .person("Marco Diaz"), .person("Ana Ruiz"), .person("Karim Nasser"),
    .person("Pablo Soto"), .person("Ivan Petrov"), .person("Sara Lind"),
    .org("Brightwater Labs"), .org("Open Roads"), .org("Andean Council"), .org("Valley Front"), .org("Harbor Trust"),
    .country("Chile", "Chilean"),
  ]

  @Test(arguments: [
    "Nora Vance ceo_of Brightwater Labs",
    "Marco Diaz president_of Open Roads",
    "Marco Diaz founder_of Open Roads",
    "Ana Ruiz advisor_to Andean Council",
    "Karim Nasser leader_of Valley Front",
    "Pablo Soto former_consul_general_of Chile",
    "Ivan Petrov leader_of Harbor Trust",
    "Sara Lind ceo_of Open Roads",
  ])
  func rolePatterns(expected: String) throws {
    let found = relations(try loadFixture("speech/relation-roles.txt"), Self.roleEntities)
    #expect(found.contains(expected))
  }

  @Test func rolePatternsMakeNothingElse() throws {
    let found = relations(try loadFixture("speech/relation-roles.txt"), Self.roleEntities)
    #expect(found.count == 8)
  }

  @Test(arguments: [
    ("Farida Noor, the foreign minister of Kenya, arrived.", "Farida Noor minister_of Kenya"),
    ("Juan Ortiz, the ambassador to Peru, left.", "Juan Ortiz ambassador_to Peru"),
    ("Harbor Trust’s spokesperson, Ivan Petrov, declined to comment.", "Ivan Petrov spokesperson_of Harbor Trust"),
    ("Karim Nasser is the leader of the Valley Front.", "Karim Nasser leader_of Valley Front"),
  ])
  func ministersAmbassadorsSpokespeopleAndCopulas(text: String, expected: String) {
    let found = relations(
      text,
      [
        .person("Farida Noor"), .person("Juan Ortiz"), .person("Ivan Petrov"), .person("Karim Nasser"),
        .country("Kenya"), .country("Peru"), .org("Harbor Trust"), .org("Valley Front"),
      ])
    #expect(found == [expected])
  }

  @Test func boardAndAuditCommitteeSeats() throws {
    let found = relations(
      try loadFixture("speech/relation-seats.txt"),
      [.person("Sam Okafor"), .person("Rita Moss"), .org("Lakeside Institute")])
    #expect(
      found == [
        "Rita Moss audit_committee_member_of Lakeside Institute", "Sam Okafor board_member_of Lakeside Institute",
      ])
  }

  @Test func eventRoles() throws {
    let forum = SpeechEntity.event("Water and Peace", attributes: ["title": "Water and Peace"])
    let found = relations(
      try loadFixture("speech/relation-events.txt"),
      [.person("Sam Okafor", "Okafor"), .person("Rita Moss"), .org("Civic Forum"), forum])
    #expect(
      found == [
        "Civic Forum hosted Water and Peace", "Rita Moss moderated Water and Peace",
        "Sam Okafor organized Water and Peace",
      ])
  }

  @Test func stancesWithNegation() throws {
    let found = relations(
      try loadFixture("speech/relation-stances.txt"),
      [
        .country("Norway"), .country("Kenya"), .country("Peru"), .country("Chile"), .country("Canada"),
        .country("Mexico"),
        .country("Brazil"), .country("Venezuela"), .country("Ghana"), .country("Bolivia"),
      ])
    #expect(
      found == ["Canada allied_with Mexico", "Chile attacked Bolivia", "Norway supports Kenya", "Peru opposes Chile"])
    #expect(!found.contains { $0.hasPrefix("Brazil") })
  }

  @Test func coordinatedSubjectsAndObjects() {
    let ents: [SpeechEntity] = [.country("Peru"), .country("Chile"), .country("Kenya"), .country("Ghana")]
    #expect(
      relations("Peru and Chile support Kenya and Ghana.", ents) == [
        "Chile supports Ghana", "Chile supports Kenya", "Peru supports Ghana", "Peru supports Kenya",
      ])
  }

  @Test func passiveStance() {
    let found = relations(
      "The rebel movement was also supported by Ghana.", [.org("rebel movement"), .country("Ghana")])
    #expect(found == ["Ghana supports rebel movement"])
  }

  @Test func demonymActsAsCountryOnlyAsActor() {
    let ents: [SpeechEntity] = [.country("Peru", "Peruvian", "Peruvians"), .country("Chile")]
    #expect(relations("Peruvians have shown strong support for Chile.", ents) == ["Peru supports Chile"])
    #expect(relations("The Peruvian government threatens Chile.", ents) == ["Peru opposes Chile"])
    #expect(relations("A Peruvian supported plan reached Chile.", ents).isEmpty)
  }

  @Test func relationsCarryEvidenceConfidenceAndRule() throws {
    var doc = makeSpeechDocument("Norway supports Kenya.", [.country("Norway"), .country("Kenya")])
    RelationExtractor().process(&doc)
    let r = try #require(doc.relations.first)
    #expect(r.source == "stance")
    #expect(r.confidence > 0 && r.confidence <= 1)
    #expect(r.evidence.first?.text == "Norway supports Kenya")
    #expect(r.evidence.first?.doc == "fixture")
  }

  @Test func bundledLexiconsLoad() throws {
    #expect(try RelationLexicon.bundled().roles["ceo"] == .ceoOf)
    #expect(try SpeechLexicon.bundled().speechVerbs.contains("proclaimed"))
  }

  @Test func malformedLexiconLineIsAnError() {
    #expect(throws: ExtractionError.self) { try RelationLexicon(tsv: "role\tceo\n") }
    #expect(throws: ExtractionError.self) { try SpeechLexicon(tsv: "nonsense\tword\n") }
  }
}
