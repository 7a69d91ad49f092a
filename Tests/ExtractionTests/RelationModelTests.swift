import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Places hand-listed entities' mentions (every whole-word occurrence), so relation tests need no tagger.
struct HandPlacedMentions: ExtractionStage {
  let name = "hand-placed-mentions"
  let requires: Set<ExtractionProduct> = [.tokens, .sentences]
  let produces: Set<ExtractionProduct> = [.mentions, .entities]
  let entities: [SpeechEntity]
  func process(_ document: inout AnalyzedDocument) {
    let placed = makeSpeechDocument(document.document.text, id: document.document.id, entities)
    document.mentions = placed.mentions
    document.entities = placed.entities
  }
}

/// Invented sentences in two patterns, with their gold relations.
enum InventedRelations {
  static let people = [
    "Mara Quill", "Ivo Brand", "Lena Ost", "Tomas Vey", "Ada Koss", "Remy Tal", "Nils Oro", "Kira Lund",
  ]
  static let bodies = [
    "Fenwick Tooling", "Harbour Trust", "Kelmarsh Council", "Dunmore Press", "Vale Mining", "Orin Labs",
  ]
  static let towns = ["Dunmore", "Kelmarsh", "Varna", "Tolvik", "Brenholt", "Ostrava"]

  static var entities: [SpeechEntity] {
    people.map { .person($0) } + bodies.map { .org($0) } + towns.map { .place($0) }
  }

  /// `i`-th sentence: a role ("P, an engineer at B, said …") or a seat ("B, based in T, said …").
  static func document(_ i: Int) -> RelationTrainingDocument {
    let p = people[i % people.count]
    let b = bodies[(i / 2) % bodies.count]
    let t = towns[(i / 3) % towns.count]
    let p2 = people[(i + 3) % people.count]
    let text: String
    var relations: [RelationTrainingDocument.GoldRelation] = []
    func span(_ s: String, in text: String) -> Range<Int> {
      let scalars = Array(text.unicodeScalars)
      let needle = Array(s.unicodeScalars)
      for k in 0...(scalars.count - needle.count) where Array(scalars[k..<(k + needle.count)]) == needle {
        return k..<(k + needle.count)
      }
      fatalError("fixture text lacks \(s)")
    }
    if i % 2 == 0 {
      text = "\(p), an engineer at \(b), met \(p2) on Tuesday."
      relations.append(.init(type: "Work_For", relationClass: .role, head: span(p, in: text), tail: span(b, in: text)))
    } else {
      text = "\(b), based in \(t), hired \(p2) last year."
      relations.append(
        .init(type: "OrgBased_In", relationClass: .located, head: span(b, in: text), tail: span(t, in: text)))
    }
    return RelationTrainingDocument(id: "inv\(i)", text: text, corpus: .conll04, relations: relations)
  }

  static func trainer() throws -> RelationTrainer {
    RelationTrainer(
      entityStages: try Pipeline(stages: [Tokenizer(), SentenceSplitter(), HandPlacedMentions(entities: entities)]),
      epochs: 8, bits: 14)
  }
}

@Suite struct RelationClassTests {
  @Test(arguments: [
    (RelationClass.role, EntityKind.person, EntityKind.organization, "employee_of"),
    (.located, .organization, .location, "located_in"),
    (.located, .person, .country, "lives_in"),
    (.located, .location, .country, "located_in"),
    (.partOf, .location, .country, "part_of"),
    (.killed, .person, .person, "killed"),
  ])
  func classNamesPredicateByKinds(cls: RelationClass, subject: EntityKind, object: EntityKind, expected: String) {
    #expect(cls.predicate(subject: subject, object: object)?.rawValue == expected)
  }

  @Test func kindsOutsideTheSchemaNameNothing() {
    #expect(RelationClass.killed.predicate(subject: .person, object: .organization) == nil)
    #expect(RelationClass.role.predicate(subject: .organization, object: .organization) == nil)
    #expect(RelationClass.located.predicate(subject: .person, object: .person) == nil)
  }

  /// Every predicate a model class can name, for every pair of kinds, is one the schema allows.
  @Test func modelClassesAgreeWithTheSchema() throws {
    let schema = try PredicateSchema.bundled()
    for cls in RelationClass.allCases {
      for s in EntityKind.allCases {
        for o in EntityKind.allCases {
          guard let p = cls.predicate(subject: s, object: o) else { continue }
          #expect(schema.allows(p, subject: s, object: o), "\(cls) names \(p) for \(s) -> \(o)")
        }
      }
    }
  }
}

@Suite struct PredicateSchemaTests {
  @Test func bundledSchemaListsTheRoleFamilyAndPlaces() throws {
    let schema = try PredicateSchema.bundled()
    for p in [
      "employee_of", "ceo_of", "president_of", "chair_of", "director_of", "founder_of", "member_of",
      "leader_of", "spokesperson_of", "minister_of", "ambassador_to", "advisor_to", "editor_of", "head_of",
      "located_in", "part_of", "lives_in", "from", "citizen_of", "killed", "attacked",
      "organized", "moderated", "spoke_at", "hosted", "supports", "opposes", "mentioned",
    ] {
      let e = try #require(schema.entry(DocumentModel.Predicate(p)), "\(p) missing")
      #expect(!e.definition.isEmpty && !e.example.isEmpty)
    }
  }

  @Test func malformedLinesAreNamed() {
    #expect(throws: ExtractionError.self) { try PredicateSchema(tsv: "located_in\tplace\torganization\n") }
    #expect(throws: ExtractionError.self) { try PredicateSchema(tsv: "x\tf\tpersn\tperson\td\te\n") }
    let twice = "x\tf\tperson\tperson\td\te\nx\tf\tperson\tperson\td\te\n"
    #expect((try? PredicateSchema(tsv: twice)) == nil)
  }

  /// Every relation the default pipeline writes on the invented held-out articles fits the schema.
  @Test func pipelineWritesOnlySchemaRelations() throws {
    let extractor = try Extractor()
    let schema = try PredicateSchema.bundled()
    let dir = try #require(Bundle.module.url(forResource: "Fixtures/heldout", withExtension: nil))
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
    #expect(!files.isEmpty)
    for f in files {
      let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
      let graph = extractor.graph(for: Document(id: f, text: text))
      for r in graph.relations {
        let s = try #require(graph.entity(r.subject)).kind
        let o = try #require(graph.entity(r.object)).kind
        #expect(schema.allows(r.predicate, subject: s, object: o), "\(f): \(r.predicate) \(s) -> \(o) (\(r.source))")
        #expect(!r.evidence.isEmpty, "\(f): \(r.predicate) has no evidence")
      }
    }
  }
}

@Suite struct RelationModelTests {
  @Test func learnsInventedPatternsAndAppliesThemToNewNames() throws {
    let trainer = try InventedRelations.trainer()
    let docs = (0..<40).map(InventedRelations.document)
    var model = trainer.train(docs)
    model.thresholds = [Float](repeating: 0, count: RelationClass.groupCount)
    var doc = trainer.entityStages.run(
      Document(id: "new", text: "Kira Lund, an engineer at Orin Labs, met Ada Koss on Friday."))
    RelationClassifier(model: model).process(&doc)
    let lines = doc.relationLines()
    #expect(lines == ["Kira Lund employee_of Orin Labs"])
    let r = try #require(doc.relations.first)
    #expect(r.source == RelationClassifier.source)
    #expect(r.confidence > 0 && r.confidence <= 1)
    let ev = try #require(r.evidence.first)
    #expect(doc.document.text(from: ev.start, to: ev.end) == ev.text)
    #expect(ev.text == "Kira Lund, an engineer at Orin Labs")
  }

  @Test func trainingIsDeterministic() throws {
    let trainer = try InventedRelations.trainer()
    let docs = (0..<30).map(InventedRelations.document)
    #expect(trainer.train(docs).serialized() == trainer.train(docs).serialized())
  }

  @Test func crossValidationScoresHeldOutFolds() throws {
    let trainer = try InventedRelations.trainer()
    let cv = trainer.crossValidate((0..<40).map(InventedRelations.document), folds: 4)
    let micro = try #require(cv.scores["conll04"])
    #expect(micro.gold == 40)
    #expect(micro.f1 > 0.9, "\(cv)")
  }

  @Test func serializationRoundTrips() throws {
    let trainer = try InventedRelations.trainer()
    var model = trainer.train((0..<20).map(InventedRelations.document))
    model.thresholds = [0, 1.5, 2, 2.5, 1, -1, 0.5]
    model.slope = 0.25
    model.intercept = -0.5
    let data = model.serialized()
    let back = try RelationModel(data: data)
    #expect(back.serialized() == data)
    #expect(back.thresholds == [0, 1.5, 2, 2.5, 1, -1, 0.5] && back.slope == 0.25 && back.intercept == -0.5)
  }

  @Test func eachInPredicateHasItsOwnThreshold() {
    let groups = [EntityKind.person, .organization, .location, .country, .event].map {
      RelationClass.located.decisionGroup(subject: $0)
    }
    #expect(groups == [2, 3, 4, 4, 4])
    let all = RelationClass.allCases.flatMap { c in EntityKind.allCases.map { c.decisionGroup(subject: $0) } }
    #expect(Set(all) == Set(0..<RelationClass.groupCount))
  }

  @Test func damagedModelsFailWithBadModel() throws {
    let data = try InventedRelations.trainer().train((0..<10).map(InventedRelations.document)).serialized()
    for broken in [Data(), Data("EGNT".utf8), data.prefix(30), data.prefix(data.count - 3)] {
      #expect(throws: ExtractionError.self) { try RelationModel(data: broken) }
    }
    var otherTemplates = [UInt8](data)
    otherTemplates[16] = 99  // feature-template version field
    do {
      _ = try RelationModel(data: Data(otherTemplates), name: "m.bin")
      Issue.record("a model of other feature templates loaded")
    } catch let e as ExtractionError {
      #expect(e.code == .badModel)
      #expect(e.description.contains("m.bin") && e.description.contains("train-relations"))
    }
  }

  @Test func bundledModelLoads() throws {
    let model = try RelationModel.makeDefault()
    #expect(model.thresholds.count == RelationClass.groupCount)
  }

  @Test func goldLinesParseAndBadLinesAreNamed() throws {
    let line =
      #"{"doc":"0001","text":"Mara Quill of Dunmore.","relations":[{"type":"Live_In","head":{"start":0,"end":10},"tail":{"start":14,"end":21}}]}"#
    let docs = try RelationTrainingDocument.load(jsonl: line + "\n", corpus: .conll04, idPrefix: "c-")
    #expect(docs.count == 1 && docs[0].id == "c-0001" && docs[0].relations[0].relationClass == .located)
    #expect(throws: ExtractionError.self) {
      try RelationTrainingDocument.load(jsonl: "{not json\n", corpus: .conll04, idPrefix: "")
    }
    let outside =
      #"{"doc":"1","text":"ab","relations":[{"type":"Kill","head":{"start":0,"end":1},"tail":{"start":1,"end":9}}]}"#
    #expect(throws: ExtractionError.self) {
      try RelationTrainingDocument.load(jsonl: outside, corpus: .conll04, idPrefix: "")
    }
  }
}

/// Which mentions lie inside what a given speaker said (the relation model does not relate a person to
/// the things they spoke of).
@Suite struct SpeechSpansTests {
  let roe = EntityID(kind: .person, name: "Jane Roe")
  let lund = EntityID(kind: .person, name: "Kira Lund")
  let peru = EntityID(kind: .country, name: "Peru")

  func mention(_ start: Int, _ end: Int) -> EntityMention {
    EntityMention(start: start, end: end, kind: .country, entity: peru)
  }

  @Test func aMentionInsideTheSpeakersOwnSpeechIsSpokenByThem() {
    var a = Quote(start: 10, end: 40, form: .reported, speaker: roe)
    a.kind = .indirect
    var b = Quote(start: 30, end: 60, form: .direct, speaker: roe)
    b.kind = .direct
    var other = Quote(start: 100, end: 120, form: .direct, speaker: lund)
    other.kind = .direct
    var title = Quote(start: 200, end: 220, form: .direct, speaker: roe)
    title.kind = nil  // a title in quote marks, not speech
    var unattributed = Quote(start: 300, end: 320, form: .direct)
    unattributed.kind = .direct
    let spans = SpeechSpans([a, b, other, title, unattributed])
    #expect(spans.spoken(by: roe, holds: mention(12, 16)))
    #expect(spans.spoken(by: roe, holds: mention(35, 55)), "overlapping spans of one speaker merge")
    #expect(!spans.spoken(by: roe, holds: mention(55, 65)), "a mention running out of the speech")
    #expect(!spans.spoken(by: roe, holds: mention(105, 110)), "someone else's speech")
    #expect(spans.spoken(by: lund, holds: mention(105, 110)))
    #expect(!spans.spoken(by: roe, holds: mention(205, 210)), "not speech")
    #expect(!spans.spoken(by: roe, holds: mention(305, 310)))
    #expect(!spans.spoken(by: peru, holds: mention(12, 16)))
  }
}

/// Mentions joined by a bare coordinator are list siblings, which the relation model never relates.
@Suite struct CoordinatedMentionTests {
  func check(_ text: String, _ a: String, _ b: String) throws -> Bool {
    let doc = try Pipeline(stages: [Tokenizer(), SentenceSplitter()]).run(Document(id: "t", text: text))
    func mention(_ name: String) throws -> EntityMention {
      let r = try #require(text.range(of: name))
      let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
      return EntityMention(
        start: start, end: start + name.unicodeScalars.count, kind: .location,
        entity: EntityID(kind: .location, name: name))
    }
    return RelationClassifier.coordinated(try mention(a), try mention(b), in: doc)
  }

  @Test func bareCoordinatorsJoinSiblings() throws {
    #expect(try check("They met in the Middle East and in Europe.", "Middle East", "Europe"))
    #expect(try check("Ships from Peru or Chile docked.", "Chile", "Peru"))
    #expect(try check("Ships from Peru, and Chile docked.", "Peru", "Chile"))
  }

  func pair(_ text: String, _ a: (String, EntityKind), _ b: (String, EntityKind)) throws -> (
    AnalyzedDocument, EntityMention, EntityMention
  ) {
    var doc = try Pipeline(stages: [Tokenizer(), SentenceSplitter()]).run(Document(id: "t", text: text))
    var all: [EntityMention] = []
    for (name, kind) in [a, b] {
      let r = try #require(text.range(of: name))
      let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
      all.append(
        EntityMention(
          start: start, end: start + name.unicodeScalars.count, kind: kind, entity: EntityID(kind: kind, name: name)))
    }
    doc.mentions = all.sorted { $0.start < $1.start }
    return (doc, all[0], all[1])
  }

  @Test func scoresAndFixturesJoinNoPlaces() throws {
    var (doc, x, y) = try pair("Dunmore 18 Varna 7", ("Dunmore", .location), ("Varna", .location))
    #expect(RelationClassifier.scoreOrFixture(x, y, in: doc))
    (doc, x, y) = try pair("DUNMORE AT VARNA", ("DUNMORE", .location), ("VARNA", .location))
    #expect(RelationClassifier.scoreOrFixture(x, y, in: doc))
    // In running prose "at" may place one thing in another.
    (doc, x, y) = try pair(
      "The talks were held at Fort Lune at Varna.", ("Fort Lune", .location), ("Varna", .location))
    #expect(!RelationClassifier.scoreOrFixture(x, y, in: doc))
  }

  @Test func aPlaceInParenthesesBelongsToTheNameBeforeIt() throws {
    let text = "Kira Lund (Ruritania) beat Ada Koss (Borduria) 6-3 6-2."
    var doc = try Pipeline(stages: [Tokenizer(), SentenceSplitter()]).run(Document(id: "t", text: text))
    func m(_ name: String, _ kind: EntityKind) throws -> EntityMention {
      let r = try #require(text.range(of: name))
      let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
      return EntityMention(
        start: start, end: start + name.unicodeScalars.count, kind: kind, entity: EntityID(kind: kind, name: name))
    }
    let lund = try m("Kira Lund", .person)
    let ruritania = try m("Ruritania", .location)
    let koss = try m("Ada Koss", .person)
    doc.mentions = [lund, ruritania, koss, try m("Borduria", .location)]
    #expect(!RelationClassifier.placeOfAnother(ruritania, lund, in: doc))
    #expect(RelationClassifier.placeOfAnother(ruritania, koss, in: doc))
  }

  @Test func continentsAndOtherCountriesCitiesLieInNoNamedCountry() throws {
    let doc = try EntityFixtures.analyze(
      "Rallies were held in Brussels, Germany and other areas of Europe, and in Lyon, France.")
    func id(_ raw: String) throws -> EntityID { try #require(doc.entities.keys.first { $0.rawValue == raw }) }
    let germany = try id("country:germany")
    #expect(RelationClassifier.isCityOfAnotherCountry(try id("location:brussels"), germany, in: doc))
    #expect(!RelationClassifier.isCityOfAnotherCountry(try id("location:lyon"), try id("country:france"), in: doc))
    #expect(RelationClassifier.isContinent(try id("location:europe"), in: doc))
    #expect(!RelationClassifier.isContinent(try id("location:lyon"), in: doc))
  }

  @Test func aRegionBeforeANounIsAModifier() throws {
    var (doc, x, _) = try pair(
      "Lena Roe, a prominent Middle East scholar, spoke.", ("Middle East", .location), ("Lena Roe", .person))
    #expect(RelationClassifier.modifiesANoun(x, in: doc))
    (doc, x, _) = try pair(
      "Lena Roe spent years in the Middle East, teaching.", ("Middle East", .location), ("Lena Roe", .person))
    #expect(!RelationClassifier.modifiesANoun(x, in: doc))
    (doc, x, _) = try pair("Lena Roe moved to Europe in 1990.", ("Europe", .location), ("Lena Roe", .person))
    #expect(!RelationClassifier.modifiesANoun(x, in: doc))
  }

  @Test func anythingMoreIsNotABareCoordinator() throws {
    #expect(try !check("Floods hit Houston and Galveston, Texas.", "Houston", "Texas"))
    #expect(try !check("The plant in Dunmore, Ruritania closed.", "Dunmore", "Ruritania"))
    #expect(try !check("Roe left Peru and then moved to Chile.", "Peru", "Chile"))
  }
}
