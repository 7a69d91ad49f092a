import DocumentModel
import Testing

@testable import Extraction

@Suite struct EntityCanonicalizationTests {
  /// `entitygraph mentions` turns entity building off: the mentions and their canonical ids must not change.
  @Test func mentionsAloneKeepTheirCanonicalIds() throws {
    var recognizer = try #require(EntityFixtures.recognizer)
    let text =
      "Dr. Helena Marsh of the World Health Organization (WHO) met Iranian officials in Gaza City. Marsh said "
      + "the WHO would return to Gaza. Robert Kensington and Maria Kensington agreed; Kensington left."
    let full = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), recognizer]).run(Document(id: "t", text: text))
    recognizer.makesEntities = false
    #expect(!recognizer.produces.contains(.entities))
    let alone = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), recognizer]).run(Document(id: "t", text: text))
    #expect(alone.entities.isEmpty)
    #expect(!full.entities.isEmpty)
    #expect(alone.mentions == full.mentions)
  }

  @Test func titleIsStrippedButKeptAsAlias() throws {
    let a = try EntityFixtures.analyze(
      "The talk was given by Dr. Helena Marsh, a historian. Marsh said the archive was closed.")
    let person = try #require(a.entities["person:helena-marsh"])
    #expect(person.name == "Helena Marsh")
    #expect(person.aliases.contains("Dr. Helena Marsh"))
    #expect(person.mentions.count == 2)
  }

  @Test func surnameJoinsTheOnlyFullName() throws {
    let a = try EntityFixtures.analyze(
      "We interviewed Jonas Whitfield about the harbour. Later, Whitfield explained the plan.")
    #expect(a.entities["person:whitfield"] == nil)
    #expect(a.entities["person:jonas-whitfield"]?.mentions.count == 2)
  }

  @Test func twoPeopleWithOneSurnameStayApart() throws {
    let a = try EntityFixtures.analyze(
      "Under Robert Kensington and Maria Kensington, the company grew. Robert Kensington retired in May.")
    #expect(a.entities["person:robert-kensington"] != nil)
    #expect(a.entities["person:maria-kensington"] != nil)
  }

  @Test func acronymJoinsItsExpansion() throws {
    let a = try EntityFixtures.analyze(
      "The report came from the International Water Council (IWC) in spring. The IWC later revised it.")
    let ids = Set(a.mentions.filter { !$0.isDemonym }.map(\.entity))
    let iwc = a.mentions.filter { a.document.text(from: $0.start, to: $0.end) == "IWC" }
    #expect(iwc.count == 2)
    #expect(iwc.allSatisfy { $0.entity == EntityID(kind: .organization, name: "International Water Council") })
    #expect(ids.contains(EntityID(kind: .organization, name: "International Water Council")))
  }

  @Test func possessiveIsNotPartOfTheName() throws {
    let a = try EntityFixtures.analyze("Chile's exports rose while Peru’s fell.")
    let names = EntityFixtures.names(a)
    #expect(names.contains("Chile=country:chile"))
    #expect(names.contains("Peru=country:peru"))
  }

  @Test func oneKindPerNameInADocument() throws {
    let a = try EntityFixtures.analyze(
      "Marlow hosted the fair. Visitors came to Marlow by train. In Marlow, prices rose.")
    let kinds = Set(
      a.mentions.filter { a.document.text(from: $0.start, to: $0.end) == "Marlow" }.map(\.kind))
    #expect(kinds.count <= 1)
  }

  @Test func countryWordInsideAnotherNameIsNotTheCountry() throws {
    let a = try EntityFixtures.analyze(
      "The story was first broadcast by Radio Free Canada last week, reporters said.")
    let inside = a.mentions.filter { $0.entity == "country:canada" && !$0.isDemonym }
    let org = a.mentions.first { a.document.text(from: $0.start, to: $0.end).hasPrefix("Radio") }
    if org != nil {
      #expect(inside.isEmpty)
    }
    #expect(a.mentions.allSatisfy { $0.start < $0.end && $0.end <= a.document.length })
  }

  @Test(arguments: [
    "The loan came from the Bank of Chile last year.", "She told the Echo of Chile reporters everything.",
  ])
  func countryClosingAnOfNameIsNotTheCountry(text: String) throws {
    let a = try EntityFixtures.analyze(text)
    #expect(!a.mentions.contains { $0.entity == "country:chile" && !$0.isDemonym })
    #expect(a.mentions.contains { a.document.text(from: $0.start, to: $0.end).hasSuffix("of Chile") })
  }
}
