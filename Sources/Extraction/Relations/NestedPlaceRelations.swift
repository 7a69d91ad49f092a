import DocumentModel

/// `located_in` (the seat) from an organization to a place written inside its name where the name states the seat
/// (rule `nested-place`): a company's "Fenwick Tooling Inc. of Dunmore" → Dunmore, and a place before a
/// news outlet's name, as in datelines and mastheads: "Varna PRESSNET", "the Dunmore Tribune" → the place.
///
/// Places inside other names are not seats often enough to be stated ("the Working Group for Ruritania",
/// "the Bank of Ruritania" abroad), so they are left to the trained model.
///
/// The place becomes an entity of the graph with that mention (the recognizer keeps it out of the
/// document's mention list, since the whole name is the organization's mention), so the relation has both
/// arguments and exact provenance.
///
/// ```swift
/// NestedPlaceRelations(recognizer: recognizer).process(&analyzed)
/// ```
public struct NestedPlaceRelations: ExtractionStage {
  /// The stage name.
  public let name = "nested-place"
  /// What the stage reads.
  public let requires: Set<ExtractionProduct> = [.tokens, .mentions, .entities]
  /// What the stage adds.
  public let produces: Set<ExtractionProduct> = [.relations]
  /// The recognizer whose gazetteers find the nested names.
  public let recognizer: EntityRecognizer
  /// The rule name written as each relation's `source`.
  public static let source = RelationRule.nestedPlace.rawValue
  /// Confidence of a nested-place relation (a place named inside an organization's name is usually its
  /// seat; "Bank of Ruritania" abroad is the exception).
  public static let confidence = 0.75

  /// Creates the stage.
  public init(recognizer: EntityRecognizer) { self.recognizer = recognizer }

  /// Runs the stage on `document`.
  public func process(_ document: inout AnalyzedDocument) {
    let nested = recognizer.nestedMentions(in: document, leadingPlaces: true)
    guard !nested.isEmpty else { return }
    let organizations = document.mentions.filter { $0.kind == .organization && !$0.isDemonym }
    var added = RelationCollector()
    var k = 0
    for org in organizations {
      // `nested` is sorted by start; organizations too: walk both.
      while k < nested.count && nested[k].start < org.start { k += 1 }
      var j = k
      while j < nested.count && nested[j].start < org.end {
        let place = nested[j]
        j += 1
        guard place.end <= org.end, place.entity != org.entity, statesSeat(org, place, in: document) else { continue }
        let evidence = document.document.evidence(
          org.start, org.end, sentence: document.sentenceIndex(containing: org.start))
        let mention = document.document.evidence(
          place.start, place.end, sentence: document.sentenceIndex(containing: place.start))
        if document.entities[place.entity] == nil {
          document.entities[place.entity] = Entity(
            id: place.entity, kind: place.kind, name: mention.text, mentions: [mention], confidence: place.confidence)
        } else if !document.entities[place.entity]!.mentions.contains(mention) {
          document.entities[place.entity]!.mentions.append(mention)
          document.entities[place.entity]!.mentions.sort()
        }
        added.add(
          Relation(
            subject: org.entity, predicate: .locatedIn, object: place.entity, confidence: Self.confidence,
            evidence: [evidence], source: Self.source))
      }
    }
    document.relations += added.relations
  }

  /// Company suffixes before "of PLACE" in a name.
  static let companySuffixes: Set<String> = RelationWords[.companySuffixes]
  /// Words after a leading place that make the name a news outlet's.
  static let outletWords: Set<String> = RelationWords[.outletWords]

  /// Whether the name `org` states that it is based at the nested `place`.
  func statesSeat(_ org: EntityMention, _ place: EntityMention, in document: AnalyzedDocument) -> Bool {
    let tokens = document.tokens
    let lo = tokens.partitioningIndex { $0.start >= place.start }
    let s = document.document.scalars
    func lower(_ i: Int) -> String { String(String.UnicodeScalarView(s[tokens[i].start..<tokens[i].end])).lowercased() }
    if place.start == org.start {
      // The first token after the place: an ALL-CAPS agency name or an outlet word.
      var k = lo
      while k < tokens.count && tokens[k].start < place.end { k += 1 }
      guard k < tokens.count, tokens[k].start < org.end, tokens[k].kind == .word else { return false }
      let word = s[tokens[k].start..<tokens[k].end]
      let allCaps = word.count >= 2 && word.allSatisfy { !$0.properties.isLowercase }
      return allCaps || Self.outletWords.contains(lower(k))
    }
    // "… Inc. of PLACE" / "… Corp., of PLACE".
    var k = lo - 1
    guard k >= 0, tokens[k].start >= org.start, lower(k) == "of" else { return false }
    k -= 1
    while k >= 0 && tokens[k].start >= org.start && tokens[k].kind == .punctuation { k -= 1 }
    return k >= 0 && tokens[k].start >= org.start && Self.companySuffixes.contains(lower(k))
  }
}
