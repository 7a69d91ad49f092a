import DocumentModel
import Foundation
import GraphStore
import Testing

@Suite struct QueryTests {
  /// Two documents: a panel where two people speak, and a report linking one of them to an organization.
  func makeStore(_ backend: Backend) throws -> any GraphStoring {
    let store = try backend.makeStore()
    var panel = DocBuilder(
      "panel", "Ada Lovelace said, \"France and Japan matter.\" Grace Hopper said, \"Japan, Japan.\" At Acme Labs.")
    let ada = panel.entity(.person, "Ada Lovelace")
    let grace = panel.entity(.person, "Grace Hopper")
    let france = panel.entity(.country, "France", attributes: ["iso_alpha2": "FR"])
    let japan = panel.entity(.country, "Japan", attributes: ["iso_alpha2": "JP"])
    let acme = panel.entity(.organization, "Acme Labs")
    panel.relation(ada, .mentioned, france, evidence: "France and Japan matter.")
    panel.relation(ada, .mentioned, japan, evidence: "France and Japan matter.")
    panel.relation(grace, .mentioned, japan, evidence: "Japan, Japan.", count: 2)
    panel.relation(grace, .mentioned, acme, evidence: "Acme Labs")
    var report = DocBuilder("report", "Grace Hopper leads Acme Labs in Japan.")
    let grace2 = report.entity(.person, "Grace Hopper")
    let acme2 = report.entity(.organization, "Acme Labs")
    let japan2 = report.entity(.country, "Japan", attributes: ["iso_alpha2": "JP"])
    report.relation(grace2, .leaderOf, acme2, evidence: "Grace Hopper leads Acme Labs", confidence: 0.9)
    report.relation(acme2, .locatedIn, japan2, evidence: "Acme Labs in Japan", confidence: 0.4)
    try panel.ingest(into: store)
    try report.ingest(into: store)
    return store
  }

  @Test(arguments: Backend.available) func mentionsOfCountriesAreSortedWithCountsAndEvidence(_ backend: Backend) throws
  {
    let rows = try makeStore(backend).mentions(MentionsQuery(kind: .country))
    #expect(
      rows.map { "\($0.speaker.name)|\($0.entity.name)|\($0.count)|\($0.documents)|\($0.evidence?.text ?? "")" } == [
        "Ada Lovelace|France|1|[\"panel\"]|France and Japan matter.",
        "Ada Lovelace|Japan|1|[\"panel\"]|France and Japan matter.",
        "Grace Hopper|Japan|2|[\"panel\"]|Japan, Japan.",
      ])
  }

  @Test(arguments: Backend.available) func mentionsFilterBySpeakerAndDocument(_ backend: Backend) throws {
    let store = try makeStore(backend)
    #expect(try store.mentions(MentionsQuery(speaker: "hopper")).map(\.entity.name) == ["Japan", "Acme Labs"])
    #expect(try store.mentions(MentionsQuery(document: "report")).isEmpty)
    #expect(try store.mentions(MentionsQuery(speaker: "nobody")).isEmpty)
  }

  @Test(arguments: Backend.available) func entityReportListsKindAliasesRelationsAndDocuments(_ backend: Backend) throws
  {
    let report = try makeStore(backend).entity(named: "grace hopper")
    #expect(report.entity.kind == .person)
    #expect(report.documents == ["panel", "report"])
    #expect(report.mentions.count == 2)
    #expect(
      report.relations.map { "\($0.predicate) \($0.object.name)" } == [
        "leader_of Acme Labs", "mentioned Japan", "mentioned Acme Labs",
      ])
  }

  @Test(arguments: Backend.available) func unknownAndAmbiguousNamesAreReported(_ backend: Backend) throws {
    let store = try makeStore(backend)
    #expect((#expect(throws: StoreError.self) { try store.entity(named: "Zork") })?.code == .unknownEntity)
    #expect((#expect(throws: StoreError.self) { try store.entity(named: "a") })?.code == .ambiguousEntity)
  }

  @Test(arguments: Backend.available) func relationsFilterByPredicateSubjectAndObject(_ backend: Backend) throws {
    let store = try makeStore(backend)
    #expect(try store.relations(RelationsQuery(predicate: .leaderOf)).map(\.object.name) == ["Acme Labs"])
    #expect(
      try store.relations(RelationsQuery(object: "Japan")).map(\.subject.name) == [
        "Acme Labs", "Ada Lovelace", "Grace Hopper",
      ])
    #expect(try store.relations(RelationsQuery(subject: "Ada", object: "France")).count == 1)
    #expect(try store.relations().count == 6)
  }

  @Test(arguments: Backend.available) func neighborsWalkBothDirectionsUpToDepth(_ backend: Backend) throws {
    let store = try makeStore(backend)
    let one = try store.neighbors(of: "France", depth: 1)
    #expect(one.map(\.entity.name) == ["Ada Lovelace"])
    #expect(one.first?.direction == .in)
    let two = try store.neighbors(of: "France", depth: 2)
    #expect(two.map { "\($0.distance):\($0.entity.name)" } == ["1:Ada Lovelace", "2:Japan"])
  }

  @Test(arguments: Backend.available) func pathFindsShortestChain(_ backend: Backend) throws {
    let store = try makeStore(backend)
    let steps = try store.path(from: "France", to: "Acme Labs")
    #expect(
      steps.map { "\($0.from.name) \($0.predicate) \($0.to.name)" } == [
        "France mentioned Ada Lovelace", "Ada Lovelace mentioned Japan", "Japan located_in Acme Labs",
      ])
    #expect(steps.first?.direction == .in)
    var lonely = DocBuilder("lonely", "Nobody Here.")
    lonely.entity(.person, "Nobody Here")
    try lonely.ingest(into: store)
    #expect(try store.path(from: "France", to: "Nobody Here").isEmpty)
  }

  @Test(arguments: Backend.available) func loadGraphKeepsEveryFactOfOneDocument(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let doc = speechDocument("a", speaker: "Ada Lovelace", countries: [("France", "FR"), ("Japan", "JP")])
    try doc.ingest(into: store)
    let loaded = try store.loadGraph()
    #expect(loaded.entities == doc.graph.entities)
    #expect(loaded.relations == doc.graph.relations)
    #expect(loaded.documents == [doc.info])
    #expect(loaded.invariantViolations().isEmpty)
  }

  @Test(arguments: Backend.available) func documentGraphIsWhatTheDocumentBrought(_ backend: Backend) throws {
    let store = try makeStore(backend)
    let report = try store.documentGraph("report")
    #expect(report.entities.map(\.name) == ["Japan", "Acme Labs", "Grace Hopper"])
    #expect(report.entities.allSatisfy { $0.mentions.allSatisfy { $0.doc == "report" } })
    #expect(report.relations.map(\.predicate) == [.locatedIn, .leaderOf])
    #expect(report.documents.map(\.id) == ["report"])
    #expect((#expect(throws: StoreError.self) { try store.documentGraph("nope") })?.code == .unknownDocument)
  }

  @Test(arguments: Backend.available) func subgraphFollowsFocusDepthKindsAndConfidence(_ backend: Backend) throws {
    let store = try makeStore(backend)
    let focused = try store.subgraph(focus: "Acme Labs", depth: 1)
    #expect(focused.entities.map(\.name) == ["Japan", "Acme Labs", "Grace Hopper"])
    let confident = try store.subgraph(focus: "Acme Labs", depth: 1, kinds: nil, minConfidence: 0.5)
    #expect(confident.entities.map(\.name) == ["Acme Labs", "Grace Hopper"])
    let people = try store.subgraph(focus: "Japan", depth: 2, kinds: [.person, .country])
    #expect(people.entities.map(\.name) == ["France", "Japan", "Ada Lovelace", "Grace Hopper"])
    #expect(try store.subgraph(focus: nil, kinds: [.country]).entities.map(\.name) == ["France", "Japan"])
  }

  @Test(arguments: Backend.available) func hostileNamesSurviveQueries(_ backend: Backend) throws {
    let store = try backend.makeStore()
    let hostile = "Evil \"Quote\" \\ <script>alert(1)</script> & Co\nLine2"
    var doc = DocBuilder("h", "\(hostile) said, \"France.\"")
    let s = doc.entity(.person, hostile)
    let c = doc.entity(.country, "France", attributes: ["iso_alpha2": "FR"])
    doc.relation(s, .mentioned, c, evidence: "France.")
    try doc.ingest(into: store)
    #expect(try store.mentions().first?.speaker.name == hostile)
    #expect(try store.entity(named: hostile).entity.name == hostile)
    let json = try JSONEncoder().encode(try store.mentions())
    let decoded = try JSONDecoder().decode([MentionRow].self, from: json)
    #expect(decoded.first?.speaker.name == hostile)
  }
}
