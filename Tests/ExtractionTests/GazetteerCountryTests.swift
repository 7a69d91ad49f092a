import DocumentModel
import Testing

@testable import Extraction

@Suite struct GazetteerCountryTests {
  @Test(arguments: [
    ("Officials in America disagreed.", "America", "country:united-states"),
    ("Trade between the US and Chile grew.", "US", "country:united-states"),
    ("Ministers from the UK arrived.", "UK", "country:united-kingdom"),
    ("Britain voted later.", "Britain", "country:united-kingdom"),
    ("Tulips grow in Holland every spring.", "Holland", "country:netherlands"),
    ("The delegation flew to Peru on Monday.", "Peru", "country:peru"),
  ])
  func aliasesResolveToTheirCountry(text: String, surface: String, id: String) throws {
    let a = try EntityFixtures.analyze(text)
    #expect(EntityFixtures.names(a).contains("\(surface)=\(id)"))
  }

  @Test(arguments: [
    ("Iranian officials met.", "Iranian", "country:iran"),
    ("Many Azerbaijanis live abroad.", "Azerbaijanis", "country:azerbaijan"),
    ("They called the group pro-Israeli yesterday.", "Israeli", "country:israel"),
    ("The Dutch team won.", "Dutch", "country:netherlands"),
  ])
  func demonymsResolveToTheirCountry(text: String, surface: String, id: String) throws {
    let a = try EntityFixtures.analyze(text)
    #expect(EntityFixtures.demonyms(a).contains("\(surface)=\(id)"))
    #expect(!a.entities.isEmpty && a.entities[EntityID(rawValue: id)] != nil)
  }

  /// Issue 11: a country found only through a demonym still has a mention (its provenance), marked as one.
  @Test(arguments: [
    ("Iranian officials met.", "Iranian", "country:iran"), ("The Dutch team won.", "Dutch", "country:netherlands"),
  ])
  func demonymOnlyCountriesHaveDemonymMentions(text: String, surface: String, id: String) throws {
    let entity = try #require(try EntityFixtures.analyze(text).makeGraph().entities.first { $0.id.rawValue == id })
    #expect(entity.mentions.map { "\($0.text):\($0.form?.rawValue ?? "name")" } == ["\(surface):demonym"])
  }

  @Test func namedCountriesKeepPlainMentions() throws {
    let entity = try #require(
      try EntityFixtures.analyze("Turkish envoys flew to Turkey.").makeGraph().entities.first {
        $0.id == "country:turkey"
      })
    #expect(entity.mentions.map { "\($0.text):\($0.form?.rawValue ?? "name")" } == ["Turkish:demonym", "Turkey:name"])
  }

  @Test func lowerCaseUsIsNotACountry() throws {
    let a = try EntityFixtures.analyze("Let us go home now, said the tired walkers.")
    #expect(a.mentions.allSatisfy { $0.entity != "country:united-states" })
  }

  @Test func countryEntitiesCarryISOCodes() throws {
    let a = try EntityFixtures.analyze("The minister visited Japan and spoke about Kenya.")
    let japan = try #require(a.entities["country:japan"])
    #expect(japan.attributes["iso_alpha2"] == "JP")
    #expect(japan.attributes["iso_alpha3"] == "JPN")
    #expect(japan.kind == .country)
  }

  @Test func citiesAreLocationsNotTheirCountry() throws {
    let a = try EntityFixtures.analyze("She moved from Toronto to Lima, then wrote about Canada.")
    let kinds = Dictionary(a.mentions.map { (a.document.text(from: $0.start, to: $0.end), $0.kind) }) { x, _ in x }
    #expect(kinds["Toronto"] == .location)
    #expect(kinds["Canada"] == .country)
    #expect(a.entities["country:peru"] == nil)
  }

  @Test func missingISODataIsAClearError() {
    #expect {
      _ = try CountryGazetteer(isoPath: "/nonexistent/iso_3166-1.json", aliasesTSV: "")
    } throws: { error in
      guard let e = error as? ExtractionError else { return false }
      return e.code == .missingCountryData && e.message.contains("apt-get install iso-codes")
    }
  }

  @Test func aloneStatesIsNotACountry() throws {
    let a = try EntityFixtures.analyze("Several States of the region signed, and member States agreed.")
    #expect(!a.mentions.contains { $0.entity == "country:united-states" })
  }
}
