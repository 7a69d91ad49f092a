import DocumentModel
import GraphStore
import Testing

@Suite struct MergeTests {
  @Test(arguments: Backend.available) func countriesMergeByISOCode(_ backend: Backend) throws {
    let store = try backend.makeStore()
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

  @Test(arguments: Backend.available) func peopleMergeByFullNameAndAlias(_ backend: Backend) throws {
    let store = try backend.makeStore()
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

  @Test(arguments: Backend.available) func twoPeopleSharingOnlyASurnameStayApart(_ backend: Backend) throws {
    let store = try backend.makeStore()
    var a = DocBuilder("a", "Omar Castell spoke. Castell left.")
    a.entity(.person, "Omar Castell", aliases: ["Castell"], surfaces: ["Omar Castell", "Castell"])
    var b = DocBuilder("b", "Lucia Castell spoke. Castell left.")
    b.entity(.person, "Lucia Castell", aliases: ["Castell"], surfaces: ["Lucia Castell", "Castell"])
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.statistics().entities == 2)
  }

  @Test(arguments: Backend.available) func personNeverMergesWithOrganization(_ backend: Backend) throws {
    let store = try backend.makeStore()
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

  @Test(arguments: Backend.available) func organizationAcronymMergesWithItsExpansion(_ backend: Backend) throws {
    let store = try backend.makeStore()
    var a = DocBuilder("a", "The World Health Organization (WHO) said.")
    a.entity(.organization, "World Health Organization", aliases: ["WHO"])
    var b = DocBuilder("b", "WHO said.")
    b.entity(.organization, "WHO")
    try a.ingest(into: store)
    try b.ingest(into: store)
    #expect(try store.resolveEntity("WHO") == "organization:world-health-organization")
    #expect(try store.statistics().entities == 1)
  }

  @Test(arguments: Backend.available) func manualMergeIsRespectedByLaterIngests(_ backend: Backend) throws {
    let store = try backend.makeStore()
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

  @Test(arguments: Backend.available) func splitUndoesAutomaticMergeAndIsRespectedLater(_ backend: Backend) throws {
    let store = try backend.makeStore()
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

  @Test(arguments: Backend.available) func splitOfTwoUndoesTheirManualMerge(_ backend: Backend) throws {
    let store = try backend.makeStore()
    var a = DocBuilder("a", "Bob Stone spoke.")
    a.entity(.person, "Bob Stone")
    var b = DocBuilder("b", "Robert Stone spoke.")
    b.entity(.person, "Robert Stone")
    try a.ingest(into: store)
    try b.ingest(into: store)
    try store.merge("Robert Stone", "Bob Stone")
    try store.split("Robert Stone", from: "person:bob-stone")
    #expect(try store.statistics().entities == 2)
    #expect(try integrityCheck(store) == ["ok"])
  }

  @Test(arguments: Backend.available) func mergingAnEntityWithItselfIsABadDecision(_ backend: Backend) throws {
    let store = try backend.makeStore()
    try speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR")]).ingest(into: store)
    let error = #expect(throws: StoreError.self) { try store.merge("Ada Lovelace", "person:ada-lovelace") }
    #expect(error?.code == .badDecision)
  }
}
