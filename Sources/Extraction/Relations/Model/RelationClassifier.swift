import DocumentModel

/// The trained relation stage: scores every nearby pair of mentions in a sentence with ``RelationModel``
/// and adds the relations it is confident of (`source` `relation-model`, confidence from the model's
/// calibrated margin).
///
/// Pairs the rule stage already related (in either direction, by any predicate but speech) are left to
/// the rules, which are more precise where they apply. A person is not related by the model to what lies
/// inside their own speech (a speaker and the things they spoke of).
///
/// ```swift
/// let stage = RelationClassifier(model: try RelationModel.makeDefault())
/// stage.process(&analyzed)  // after the entity and rule stages
/// ```
public struct RelationClassifier: ExtractionStage {
  /// The stage name.
  public let name = "relation-classifier"
  /// What the stage reads.
  public let requires: Set<ExtractionProduct> = [.tokens, .sentences, .mentions, .entities]
  /// What the stage adds.
  public let produces: Set<ExtractionProduct> = [.relations]
  /// The trained model.
  public let model: RelationModel
  /// The rule name written as each relation's `source`.
  public static let source = RelationRule.relationModel.rawValue

  /// Creates the stage.
  public init(model: RelationModel) { self.model = model }

  /// Runs the stage on `document`.
  ///
  /// - Complexity: O(mentions), each mention paired with a bounded number of neighbours.
  public func process(_ document: inout AnalyzedDocument) {
    let predictions = model.predictions(in: document, thresholds: model.thresholds)
    guard !predictions.isEmpty else { return }
    struct Pair: Hashable {
      var a: EntityID
      var b: EntityID
      init(_ x: EntityID, _ y: EntityID) {
        a = min(x, y)
        b = max(x, y)
      }
    }
    var related = Set<Pair>()
    for r in document.relations where r.predicate != .mentioned && r.predicate != .quotedIn {
      related.insert(Pair(r.subject, r.object))
    }
    var added = RelationCollector()
    let mentions = document.mentions
    let speech = SpeechSpans(document.quotes)
    for p in predictions {
      let s = mentions[p.candidate.subject]
      let o = mentions[p.candidate.object]
      guard !related.contains(Pair(s.entity, o.entity)) else { continue }
      // Shapes that only look like prose: list siblings, results tables, another name's place.
      if Self.coordinated(s, o, in: document) || Self.scoreOrFixture(s, o, in: document)
        || Self.placeOfAnother(s, o, in: document) || Self.placeOfAnother(o, s, in: document)
        || p.predicate == .locatedIn && o.kind == .country
          && (Self.isContinent(s.entity, in: document) || Self.isCityOfAnotherCountry(s.entity, o.entity, in: document))
        || p.predicate == .livesIn && Self.isContinent(o.entity, in: document) && Self.modifiesANoun(o, in: document)
      {
        continue
      }
      // A person and what they spoke of are not related by the model: "X, who discussed how Iran threatens
      // Azerbaijan" says nothing of where X lives. (A body's own announcement may: "Acme said its engineer
      // Roe …" states that Roe works for Acme.)
      if s.kind == .person && speech.spoken(by: s.entity, holds: o)
        || o.kind == .person && speech.spoken(by: o.entity, holds: s)
      {
        continue
      }
      let evidence = document.document.evidence(
        min(s.start, o.start), max(s.end, o.end), sentence: p.candidate.sentence)
      added.add(
        Relation(
          subject: s.entity, predicate: p.predicate, object: o.entity,
          confidence: (model.confidence(margin: p.margin) * 1000).rounded() / 1000, evidence: [evidence],
          source: Self.source))
    }
    document.relations += added.relations
  }

  /// Continents and world regions, which lie in no country.
  static let continents: Set<String> = RelationWords[.continents]

  /// Whether `entity` is a continent or world region ("Europe", "the Middle East"), by its name.
  static func isContinent(_ entity: EntityID, in document: AnalyzedDocument) -> Bool {
    guard let e = document.entities[entity], e.kind == .location else { return false }
    return Self.continents.contains(e.name.lowercased())
  }

  /// Whether `mention` is written right before a lower-case word, as a modifier of a noun ("a Middle East
  /// expert", "the Asia correspondent"): a region named that way says what the person knows, not where they live.
  static func modifiesANoun(_ mention: EntityMention, in document: AnalyzedDocument) -> Bool {
    let k = document.wordIndex(atOrAfter: mention.end)
    guard k < document.words.count, document.words[k].start <= mention.end + 1 else { return false }
    let w = document.words[k]
    return w.isWord && !w.isCapitalized && !w.isClitic && !coordinators.contains(w.lower)
      && !prepositions.contains(w.lower)
  }

  /// Prepositions (a place before one is no modifier: "Europe in the winter").
  static let prepositions: Set<String> = RelationWords[.prepositions].union(["in", "on", "from", "by", "during"])

  /// Whether place `city` is a city that GeoNames knows only in other countries than `country` ("Brussels" for
  /// Germany): the words "Brussels, Germany" then list two places, they do not place one in the other.
  static func isCityOfAnotherCountry(_ city: EntityID, _ country: EntityID, in document: AnalyzedDocument) -> Bool {
    guard let c = document.entities[city], c.kind == .location,
      let code = document.entities[country]?.attributes["iso_alpha2"]
    else { return false }
    return CityCountries.contradicts(city: c.name, country: code)
  }

  /// The words strictly between two mentions (first by start), or `nil` when they overlap.
  static func wordsBetween(_ a: EntityMention, _ b: EntityMention, in document: AnalyzedDocument) -> Range<Int>? {
    let (first, second) = a.start <= b.start ? (a, b) : (b, a)
    guard first.end <= second.start else { return nil }
    return document.wordIndex(atOrAfter: first.end)..<document.wordIndex(atOrAfter: second.start)
  }

  /// A score or a fixture between two names: only a number ("Cincinnati 18 Colorado 7") or, on a line of
  /// its own, "at" ("ATLANTA AT CHICAGO"). Results tables, never a place inside another (no CoNLL04 or
  /// CrossRE train relation has that shape).
  static func scoreOrFixture(_ a: EntityMention, _ b: EntityMention, in document: AnalyzedDocument) -> Bool {
    guard let between = wordsBetween(a, b, in: document), between.count == 1 else { return false }
    let w = document.words[between.lowerBound]
    if w.isNumber { return true }
    guard w.lower == "at", let s = document.sentenceIndex(containing: a.start) else { return false }
    let sentence = document.sentences[s]
    let words = document.wordRange(sentence.start, sentence.end)
    let (first, second) = a.start <= b.start ? (a, b) : (b, a)
    return words.allSatisfy { k in
      let x = document.words[k]
      return !x.isWord || (x.start >= first.start && x.end <= second.end)
    }
  }

  /// Whether `place` stands in parentheses right after a mention other than `other`: "Todd Martin (U.S.)
  /// beat Andrea Gaudenzi (Italy)" gives the United States to Martin, not to Gaudenzi (one CoNLL04 train
  /// relation of 1,283 has that shape).
  static func placeOfAnother(
    _ place: EntityMention, _ other: EntityMention, in document: AnalyzedDocument
  ) -> Bool {
    guard place.kind == .country || place.kind == .location else { return false }
    let w = document.words
    let k = document.wordIndex(atOrAfter: place.start)
    let after = document.wordIndex(atOrAfter: place.end)
    guard k >= 2, after < w.count, w[k - 1].lower == "(", w[after].lower == ")" else { return false }
    let ownerEnd = w[k - 2].end
    // The mention ending right before the "(" (mentions are sorted by start; nested ones may interleave).
    let mentions = document.mentions
    var i = mentions.partitioningIndex { $0.start >= place.start } - 1
    var owner: EntityMention?
    while i >= 0, owner == nil, mentions[i].end >= ownerEnd - 200 {
      if mentions[i].end == ownerEnd && mentions[i].entity != place.entity { owner = mentions[i] }
      i -= 1
    }
    guard let owner else { return false }
    return owner.entity != other.entity
  }

  /// Words that join two coordinated mentions.
  static let coordinators: Set<String> = RelationWords[.coordinators]
  /// Prepositions repeated after a coordinator ("in Peru and in Chile").
  static let repeatedPrepositions: Set<String> = RelationWords[.repeatedPrepositions]

  /// Whether only a coordinator stands between the two mentions ("the Middle East and in Europe", "Peru or
  /// Chile"): siblings in a list, which no predicate of the model relates (2 of 848 CoNLL04 train relations).
  static func coordinated(_ a: EntityMention, _ b: EntityMention, in document: AnalyzedDocument) -> Bool {
    guard let between = wordsBetween(a, b, in: document) else { return false }
    let words = document.words
    var k = between.lowerBound
    if k < between.upperBound, words[k].lower == "," { k += 1 }
    guard k < between.upperBound, coordinators.contains(words[k].lower) else { return false }
    k += 1
    if k < between.upperBound, repeatedPrepositions.contains(words[k].lower) { k += 1 }
    return k == between.upperBound
  }
}

/// The speech spans of a document (quotes and reported clauses that are speech) by speaker, to tell whether a
/// mention lies in what a given entity said.
struct SpeechSpans {
  private let bySpeaker: [EntityID: [Range<Int>]]

  init(_ quotes: [Quote]) {
    var spans: [EntityID: [Range<Int>]] = [:]
    for q in quotes where q.isSpeech && q.kind != nil && q.start < q.end {
      if let who = q.speaker { spans[who, default: []].append(q.start..<q.end) }
    }
    // Sorted and merged per speaker, so each offset lies in at most one of a speaker's spans.
    bySpeaker = spans.mapValues { list in
      var merged: [Range<Int>] = []
      for r in list.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
        if let last = merged.last, r.lowerBound < last.upperBound {
          merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
        } else {
          merged.append(r)
        }
      }
      return merged
    }
  }

  /// Whether `mention` lies wholly inside something `speaker` said.
  func spoken(by speaker: EntityID, holds mention: EntityMention) -> Bool {
    guard let spans = bySpeaker[speaker] else { return false }
    let i = spans.partitioningIndex { $0.upperBound > mention.start }
    return i < spans.count && spans[i].lowerBound <= mention.start && mention.end <= spans[i].upperBound
  }
}
