import DocumentModel
import GraphStore
import Testing

@Suite struct MergeTests {
  @Test func countriesMergeByISOCode() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "The United States spoke.")
    a.entity(.country, "United States", attributes: ["iso_alpha2": "US"])
    var b = DocBuilder("b", "The USA spoke.")
    b.entity(.country, "USA", attributes: ["iso_alpha2": "US"])
    try a.ingest(into: store)
    try b.ingest(into: store)
    let report = try store.entity(named: "United States")
    #expect(report.entity.id == "country:united-states")
    #expect(report.aliases == ["USA"])
    #expect(report.documents == ["a", "b"])
  }

  @Test func peopleMergeByFullNameAndAlias() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "Dr. Ada Lovelace spoke. Lovelace smiled.")
    a.entity(
      .person, "Ada Lovelace", aliases: ["Dr. Ada Lovelace", "Lovelace"], surfaces: ["Dr. Ada Lovelace", "Lovelace"])
    var b = DocBuilder("b", "Augusta Ada Lovelace wrote.")
    b.entity(.person, "Augusta Ada Lovelace", aliases: ["Ada Lovelace"])
    try a.ingest(into: store)
    try b.ingest(into: store)
    let report = try store.entity(named: "Ada Lovelace")
    #expect(report.mergedIDs == ["person:ada-lovelace", "person:augusta-ada-lovelace"])
  }

  @Test func twoPeopleSharingOnlyASurnameStayApart() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "Omar Castell spoke. Castell left.")
    a.entity(.person, "Omar Castell", aliases: ["Castell"], surfaces: ["Omar Castell", "Castell"])
    var b = DocBuilder("b", "Lucia Castell spoke. Castell left.")
    b.entity(.person, "Lucia Castell", aliases: ["Castell"], surfaces: ["Lucia Castell", "Castell"])
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.statistics().entities == 2)
  }

  @Test func personNeverMergesWithOrganization() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "Jordan Peters founded a firm.")
    a.entity(.person, "Jordan Peters")
    var b = DocBuilder("b", "Jordan Peters signed a deal.")
    b.entity(.organization, "Jordan Peters")
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.statistics().entities == 2)
    let error = #expect(throws: StoreError.self) {
      try store.merge("person:jordan-peters", "organization:jordan-peters")
    }
    #expect(error?.code == .kindMismatch)
  }

  @Test func organizationAcronymMergesWithItsExpansion() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "The World Health Organization (WHO) said.")
    a.entity(.organization, "World Health Organization", aliases: ["WHO"])
    var b = DocBuilder("b", "WHO said.")
    b.entity(.organization, "WHO")
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.resolveEntity("WHO") == "organization:world-health-organization")
    #expect(try store.statistics().entities == 1)
  }

  @Test func manualMergeIsRespectedByLaterIngests() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "Bob Stone spoke.")
    a.entity(.person, "Bob Stone")
    var b = DocBuilder("b", "Robert Stone spoke.")
    b.entity(.person, "Robert Stone")
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.statistics().entities == 2)
    let merged = try store.merge("Robert Stone", "Bob Stone")
    #expect(merged.kept == "person:robert-stone")
    #expect(try store.statistics().entities == 1)
    var c = DocBuilder("c", "Bob Stone again.")
    c.entity(.person, "Bob Stone")
    try c.ingest(into: store)
    let report = try store.entity(named: "Robert Stone")
    #expect(report.documents == ["a", "b", "c"])
    #expect(report.aliases == ["Bob Stone"])
  }

  @Test func splitUndoesAutomaticMergeAndIsRespectedLater() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "Sam Green of Acme.")
    a.entity(.person, "Sam Green", id: "person:sam-green")
    var b = DocBuilder("b", "Samuel Green, called Sam Green.")
    b.entity(.person, "Samuel Green", aliases: ["Sam Green"])
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.statistics().entities == 1)
    try store.split("Sam Green")
    #expect(try store.statistics().entities == 2)
    var c = DocBuilder("c", "Samuel Green, called Sam Green, again.")
    c.entity(.person, "Samuel Green", id: "person:samuel-green-2", aliases: ["Sam Green"])
    try c.ingest(into: store)
    #expect(try store.entity(named: "person:sam-green").documents == ["a"])
    #expect(try store.decisions().map(\.action) == ["split"])
  }

  @Test func splitOfTwoUndoesTheirManualMerge() throws {
    let store = try GraphStore()
    var a = DocBuilder("a", "Bob Stone spoke.")
    a.entity(.person, "Bob Stone")
    var b = DocBuilder("b", "Robert Stone spoke.")
    b.entity(.person, "Robert Stone")
    try a.ingest(into: store)
    try b.ingest(into: store)
    try store.merge("Robert Stone", "Bob Stone")
    try store.split("Robert Stone", from: "person:bob-stone")
    #expect(try store.statistics().entities == 2)
    #expect(try store.integrityCheck() == ["ok"])
  }

  @Test func mergingAnEntityWithItselfIsABadDecision() throws {
    let store = try GraphStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    let error = #expect(throws: StoreError.self) { try store.merge("Ada Lovelace", "person:ada-lovelace") }
    #expect(error?.code == .badDecision)
  }
}
