import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Document-level organization evidence, groups of people in lists, acronyms of things, stacked models.
@Suite struct EntityOrganizationCueTests {
  func kinds(_ a: AnalyzedDocument, _ surface: String) -> Set<EntityKind> {
    Set(a.mentions.filter { a.document.text(from: $0.start, to: $0.end) == surface }.map(\.kind))
  }

  @Test func appositiveCompanyMakesEveryMentionAnOrganization() throws {
    let a = try EntityFixtures.analyze(
      "Zentrova, a company that builds water pumps, opened a plant last year. Zentrova hired 300 workers. "
        + "Analysts said Zentrova would grow.")
    #expect(kinds(a, "Zentrova") == [.organization])
  }

  @Test func roleOfNameMakesItAnOrganization() throws {
    let a = try EntityFixtures.analyze(
      "Paula Brennick, the CEO of Hartwell, spoke first. Hartwell later denied the report. Shares of Hartwell fell.")
    #expect(kinds(a, "Hartwell") == [.organization])
    #expect(kinds(a, "Paula Brennick") == [.person])
  }

  @Test func clauseAfterAPersonIsNotAnAppositive() throws {
    let a = try EntityFixtures.analyze(
      "Under Robert Kensington and Maria Kensington, the company grew. Robert Kensington retired in May.")
    #expect(kinds(a, "Maria Kensington") == [.person])
  }

  @Test func looseAcronymInBracketsIsTheOrganization() throws {
    #expect(EntityRecognizer.isLooseAcronym("ACPeds", of: "American College of Pediatricians"))
    #expect(EntityRecognizer.isLooseAcronym("NATO", of: "North Atlantic Treaty Organization"))
    #expect(!EntityRecognizer.isLooseAcronym("XYZ", of: "North Atlantic Treaty Organization"))
    #expect(!EntityRecognizer.isLooseAcronym("Nato", of: "North Atlantic Treaty Organization"))
  }

  @Test func acronymsOfThingsAreNotOrganizations() throws {
    let a = try EntityFixtures.analyze(
      "The team sequenced the DNA of every sample. They then fed the coordinates into the GPS of the boat. "
        + "Every module of the System Under Test (SUT) was mutated, and the SUT was run again.")
    #expect(!a.mentions.contains { $0.kind == .organization })
  }

  @Test func groupsListedWithDemonymsAreNotPersonEntities() throws {
    let a = try EntityFixtures.analyze(
      "The report covers Azerbaijanis, Talysh and Lezgins in the north. Activists said the Talysh were ignored.")
    #expect(!a.entities.values.contains { $0.kind == .person && $0.name.contains("Talysh") })
    // Still mentions for GUM-style scoring (groups of people are person mentions there).
    #expect(a.mentions.contains { a.document.text(from: $0.start, to: $0.end) == "Talysh" && $0.source == .group })
  }

  @Test func starOfPhraseIsNotAPerson() throws {
    let a = try EntityFixtures.analyze("Visitors may wear a Star of Hope pendant inside the hall.")
    #expect(!a.entities.values.contains { $0.kind == .person })
  }

  @Test func stackedModelRoundTripsAndTags() throws {
    let docs = try ConllReader.parse(
      TaggerModelTests.fixture
        + TaggerModelTests.fixture.replacingOccurrences(
          of: "# doc = tiny", with: "# doc = tiny2"))
    let lexicon = try #require(EntityFixtures.recognizer?.lexicon)
    let trainer = PerceptronTrainer(lexicon: lexicon, epochs: 4, bits: 12, seed: 1)
    let model = trainer.trainStacked(docs, folds: 2)
    #expect(model.secondPass != nil)
    let data = model.serialized()
    #expect(Array(data.prefix(4)) == Array("EGNS".utf8))
    let copy = try TaggerModel(data: data)
    #expect(copy.serialized() == data)
    #expect(trainer.evaluate(copy, on: docs).f1 == trainer.evaluate(model, on: docs).f1)
    #expect(throws: ExtractionError.self) { _ = try TaggerModel(data: Data("EGNS".utf8) + Data([9, 0, 0, 0])) }
  }
}
