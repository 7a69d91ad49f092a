import DocumentModel
import GraphStore
import Testing

/// Quote records in the store: kept per document, speakers and mentions followed through merges, removed
/// with their document.
@Suite struct QuoteStoreTests {
  func docs() -> (DocBuilder, DocBuilder) {
    var a = DocBuilder("a", "Ada Lovelace said, \"Peru matters.\"")
    let ada = a.entity(.person, "Ada Lovelace")
    let peru = a.entity(.country, "Peru", attributes: ["iso_alpha2": "PE"])
    a.quote("Peru matters.", by: ada, mentions: [peru])
    var b = DocBuilder("b", "Augusta Ada Lovelace said, \"Officials will decide.\"")
    let augusta = b.entity(.person, "Augusta Ada Lovelace", aliases: ["Ada Lovelace"])
    b.quote("Officials will decide.", by: augusta)
    b.quote("will decide", by: nil)
    return (a, b)
  }

  @Test(arguments: Backend.available) func quotesRoundTripAndFollowMergedSpeakers(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let (a, b) = docs()
    try a.ingest(into: store)
    try b.ingest(into: store)
    let quotes = try store.loadGraph().quotes
    #expect(quotes.count == 3)
    // Both documents' speakers resolved to one store entity.
    let speakers = Set(quotes.compactMap(\.speaker))
    #expect(speakers == [EntityID(rawValue: "person:ada-lovelace")])
    #expect(quotes.first { $0.doc == "a" }?.mentions == [EntityID(rawValue: "country:peru")])
    let graph = try store.loadGraph()
    #expect(graph.quotes == quotes)
    if let sqlite = store as? GraphStore { #expect(try sqlite.quotes() == quotes) }
    #expect(graph.invariantViolations().isEmpty)
    #expect(try store.documentGraph("b").quotes.count == 2)
  }

  @Test(arguments: Backend.available) func quotesGoWithTheirDocument(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let (a, b) = docs()
    try a.ingest(into: store)
    try b.ingest(into: store)
    _ = try store.remove(documents: ["a"])
    #expect(try store.loadGraph().quotes.map(\.doc) == ["b", "b"])
    // Re-ingesting a changed document replaces its quotes.
    var changed = DocBuilder("b", "Someone else entirely.")
    changed.quote("else", by: nil)
    try changed.ingest(into: store)
    #expect(try store.loadGraph().quotes.map(\.text) == ["else"])
  }

  @Test(arguments: Backend.available) func manualSplitMovesTheSpeaker(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let (a, b) = docs()
    try a.ingest(into: store)
    try b.ingest(into: store)
    try store.split("Ada Lovelace")
    let quotes = try store.loadGraph().quotes
    #expect(
      quotes.first { $0.doc == "b" && $0.text.hasPrefix("Officials") }?.speaker
        == EntityID(rawValue: "person:augusta-ada-lovelace"))
    #expect(quotes.first { $0.doc == "a" }?.speaker == EntityID(rawValue: "person:ada-lovelace"))
  }
}
