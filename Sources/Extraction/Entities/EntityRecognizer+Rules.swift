import Foundation
import DocumentModel

// MARK: - Exact rules: spans trimmed, countries, demonyms, reported events

extension EntityRecognizer {
  /// Words that announce a reported event's title ("a webinar titled “…”").
  static let titleCues: Set<String> = ["titled", "entitled", "called", "named", "themed", "dubbed"]
  /// Gatherings an article reports on.
  static let gatheringWords: Set<String> = [
    "webinar", "conference", "summit", "hearing", "symposium", "forum", "meeting", "panel", "seminar",
    "workshop", "lecture", "debate", "roundtable", "event", "session", "briefing", "congress", "convention",
    "festival", "exhibition", "talk", "discussion", "colloquium", "rally", "ceremony", "gala",
  ]

  func applyRules(_ c: RecognitionContext, _ proposed: [NameSpan]) -> [NameSpan] {
    var spans: [NameSpan] = []
    for var s in proposed {
      guard trim(c, &s) else { continue }
      classifyExact(c, &s)
      // "Voice of America": a country closing another name is not the country.
      if s.country != nil, !s.isDemonym, let head = nameBeforeOf(c, s.first),
        !c.has(head.upperBound - 1, .title), !Self.stateWords.contains(c.lower(head.upperBound - 1)),
        !proposed.contains(where: { $0.end > head.lowerBound && $0.first < head.upperBound })
      {
        let kind: EntityKind = c.has(head.upperBound - 1, .placeWord) ? .location : .organization
        s = NameSpan(first: head.lowerBound, end: s.end, kind: kind, source: .ofCountry, confidence: 0.7)
      }
      spans.append(s)
    }
    for k in spans.indices { refine(c, &spans[k]) }
    spans += reportedEvents(c)
    spans += datedEvents(c)
    spans += headedEvents(c, existing: spans)
    spans += knownNames(c, existing: spans)
    retypeSpeakers(c, &spans)
    spans += speakerNames(c, existing: spans)
    spans = resolveOverlaps(spans, count: c.tokens.count)
    // "International Water Council (IWC)": the acronym in brackets is a name of the same kind.
    var acronyms: [NameSpan] = []
    let starts = Set(spans.map(\.first))
    for s in spans where s.end + 2 < c.tokens.count && s.country == nil && !s.isDemonym {
      let a = s.end + 1
      guard c.text(s.end) == "(", c.text(a + 1) == ")", !starts.contains(a), c.infos[a].flags.contains(.allCaps),
        EntityCanonicalizer.isAcronym(c.text(a), of: c.text(s.first, s.end))
      else { continue }
      acronyms.append(NameSpan(first: a, end: a + 1, kind: s.kind, source: .acronym, confidence: 0.8))
    }
    spans = (spans + acronyms).sorted { ($0.first, $0.end) < ($1.first, $1.end) }
    // Fill in countries and demonyms that the tagger missed, outside other names.
    var covered = [Bool](repeating: false, count: c.tokens.count)
    for s in spans { for i in s.first..<s.end { covered[i] = true } }
    var i = 0
    while i < c.tokens.count {
      if covered[i] || !c.isCapitalized(i) {
        i += 1
        continue
      }
      var found: NameSpan?
      let limit = min(c.tokens.count, i + c.lexicon.countries.names.maxTokens)
      var end = limit
      while end > i {
        if let idx = countryIndex(c, i, end), (i..<end).allSatisfy({ !covered[$0] }) {
          found = NameSpan(first: i, end: end, kind: .country, source: .gazetteer, confidence: 0.95, country: idx)
          // "Voice of America", "Bank of Chile": a country closing another name is not the country.
          if let head = nameBeforeOf(c, i), head.allSatisfy({ !covered[$0] }) {
            let headWord = head.upperBound - 1
            if !c.has(headWord, .title), !Self.stateWords.contains(c.lower(headWord)) {
              let kind: EntityKind = c.has(headWord, .placeWord) ? .location : .organization
              found = NameSpan(first: head.lowerBound, end: end, kind: kind, source: .ofCountry, confidence: 0.7)
            }
          }
          break
        }
        end -= 1
      }
      if found == nil {
        end = min(c.tokens.count, i + c.lexicon.countries.demonyms.maxTokens)
        while end > i {
          if let idx = c.lexicon.countries.demonyms.lookup(c.lowers, i..<end),
            (i..<end).allSatisfy({ !covered[$0] })
          {
            var s = NameSpan(
              first: i, end: end, kind: .country, source: .demonym, confidence: 0.9, country: Int(idx))
            s.isDemonym = true
            found = s
            break
          }
          end -= 1
        }
      }
      if let f = found {
        for k in f.first..<f.end { covered[k] = true }
        spans.append(f)
        i = f.end
      } else {
        i += 1
      }
    }
    spans.sort { ($0.first, $0.end) < ($1.first, $1.end) }
    return spans
  }

  /// Gazetteer knowledge and name structure that override the tagger's type.
  func refine(_ c: RecognitionContext, _ s: inout NameSpan) {
    guard s.country == nil, !s.isDemonym else { return }
    let single = s.end - s.first == 1
    // A lone title word ("the President") is a role, not a named entity of the graph.
    if s.kind == .person, single, c.has(s.first, .title) {
      s.role = .role
      return
    }
    // Religious communities ("Sunni Muslims", "Catholic") are groups of people, not named entities.
    if (s.first..<s.end).allSatisfy({ Self.religionWords.contains(c.lower($0)) || c.has($0, .demonym) || c.text($0) == "-" }),
      (s.first..<s.end).contains(where: { Self.religionWords.contains(c.lower($0)) })
    {
      s.kind = .person
      s.role = .group
      return
    }
    // A plural capitalized word for a group of people ("Kurds") names no single entity.
    if s.kind == .person, single, c.isCapitalized(s.first), c.text(s.first).hasSuffix("s"),
      !c.has(s.first, .firstName), !c.has(s.first, .surname), !c.has(s.first, .knownPerson),
      !c.has(s.first, .knownOrganization)
    {
      s.role = .group
      return
    }
    // A name WordNet knows as exactly one kind of thing takes that kind.
    if let bits = c.lexicon.table[c.phraseHash(s.first, s.end)] {
      let known: [(Lexicon.Category, EntityKind)] = [
        (.knownPerson, .person), (.knownPlace, .location), (.knownOrganization, .organization), (.knownEvent, .event),
      ]
      let kinds = known.filter { bits & $0.0.rawValue != 0 }.map(\.1)
      // Only a person reading is overridden ("Hamas" as a person); other confusions are left to the tagger.
      if kinds.count == 1, kinds[0] != s.kind, !c.has(s.first, .firstName),
        s.kind == .person || kinds[0] == .organization
      {
        s.kind = kinds[0]
      }
    }
    // A name whose head is an organization word ("… Court of Appeal", "National Library of …",
    // "Leiden University") is an organization, unless a place word heads it ("… Square").
    if s.kind != .organization && s.kind != .event {
      var head = s.end - 1
      for k in s.first..<s.end where ["of", "for"].contains(c.lower(k)) && k > s.first {
        head = k - 1
        break
      }
      if c.isCapitalized(head), c.has(head, .orgWord), !c.has(head, .placeWord), !c.has(head, .eventWord),
        s.end - s.first >= 2 || s.kind == .location
      {
        s.kind = .organization
      }
    }
    // A lone organization head word ("Congress", "Parliament") names the institution, not a gathering.
    if s.kind == .event, single, c.has(s.first, .orgWord) { s.kind = .organization }
    // "Springfield Falcons": a place followed by a capitalized plural noun names a team or company, not a
    // place (unless the whole name is a known place, "Palm Springs", or the noun is a place word).
    if s.kind == .location, s.end - s.first >= 2, c.has(s.first, .place) || c.has(s.first, .country),
      c.isCapitalized(s.end - 1), c.text(s.end - 1).hasSuffix("s"), !c.has(s.end - 1, .placeWord),
      !c.has(s.end - 1, .place), !c.has(s.end - 1, .demonym), !c.has(s.end - 1, .surname),
      (c.lexicon.table[c.phraseHash(s.first, s.end)] ?? 0) & (Lexicon.Category.place.rawValue
        | Lexicon.Category.country.rawValue | Lexicon.Category.knownPlace.rawValue) == 0
    {
      s.kind = .organization
    }
    // "Trinidad and Tobago Court of Appeal": an organization named after two places joined by "and".
    if s.kind == .organization, s.end - s.first >= 2, s.first >= 2, c.lower(s.first - 1) == "and",
      c.isCapitalized(s.first - 2), c.isCapitalized(s.first),
      c.has(s.first - 2, .place) || c.has(s.first - 2, .country) || c.has(s.first, .place) || c.has(s.first, .country),
      c.sentenceOf[s.first - 2] == c.sentenceOf[s.first]
    {
      s.first -= 2
      while s.first > 0, c.isCapitalized(s.first - 1), !c.infos[s.first - 1].flags.contains(.sentenceInitial),
        c.has(s.first - 1, .place) || c.has(s.first - 1, .country), c.sentenceOf[s.first - 1] == c.sentenceOf[s.first]
      {
        s.first -= 1
      }
    }
    // "… Center for Diplomacy", "… Front for the Liberation of …": an organization head word followed by
    // for/of and capitalized words is one organization name.
    var end = s.end
    while end + 1 < c.tokens.count, c.has(end - 1, .orgWord) || s.kind == .organization,
      ["for", "of", "on"].contains(c.lower(end)), c.sentenceOf[end] == c.sentenceOf[s.first]
    {
      var k = end + 1
      if k < c.tokens.count, c.lower(k) == "the" { k += 1 }
      guard k < c.tokens.count, c.isCapitalized(k), !c.has(k, .time) else { break }
      while k < c.tokens.count, c.isCapitalized(k) || (c.text(k) == "-" && k + 1 < c.tokens.count && c.isCapitalized(k + 1)) {
        k += 1
      }
      end = k
    }
    if end > s.end, c.has(s.end - 1, .orgWord) || s.kind == .organization {
      s.end = end
      s.kind = .organization
    }
  }

  /// Religions and their adherents.
  static let religionWords: Set<String> = [
    "muslim", "muslims", "islamic", "christian", "christians", "jew", "jews", "jewish", "sunni", "sunnis", "shia",
    "shias", "shiite", "shiites", "shi'ite", "shi'ites", "catholic", "catholics", "protestant", "protestants",
    "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "orthodox", "evangelical", "evangelicals",
    "druze", "alawite", "alawites", "mormon", "mormons", "atheist", "atheists", "baha'i", "zoroastrian",
    "zoroastrians", "anglican", "anglicans", "lutheran", "lutherans", "methodist", "methodists", "baptist",
    "baptists", "pagan", "pagans",
  ]

  /// Head words after which "of Country" names the country itself ("Republic of Iran", "King of Jordan").
  static let stateWords: Set<String> = [
    "republic", "kingdom", "state", "states", "government", "people", "peoples", "emirate", "sultanate",
    "principality", "commonwealth", "federation", "president", "king", "queen", "prime", "minister", "embassy",
    "ambassador", "capital", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "history", "map", "flag", "citizens", "democratic",
    // Roles of people: "Protector of …", "Emperor of …" name a person by a country, not an organization.
    "protector", "emperor", "empress", "governor", "duke", "duchess", "prince", "princess", "bishop",
    "archbishop", "patriarch", "sultan", "shah", "tsar", "czar", "viceroy", "chancellor", "consul", "envoy",
    "secretary", "mayor", "lord", "lady", "queen", "regent", "ruler", "leader", "chief", "general",
  ]

  /// The capitalized words right before "of" at token `i` ("Voice" in "Voice of America"), if any.
  func nameBeforeOf(_ c: RecognitionContext, _ i: Int) -> Range<Int>? {
    guard i >= 2, c.lower(i - 1) == "of", c.isCapitalized(i - 2), c.tokens[i - 2].kind == .word,
      c.sentenceOf[i - 2] == c.sentenceOf[i]
    else { return nil }
    var first = i - 2
    while first > 0, c.isCapitalized(first - 1), c.tokens[first - 1].kind == .word,
      !c.infos[first - 1].flags.contains(.sentenceInitial) || !c.has(first - 1, .common),
      c.sentenceOf[first - 1] == c.sentenceOf[i]
    {
      first -= 1
    }
    if c.infos[first].flags.contains(.sentenceInitial) && c.has(first, .common) && first < i - 2 { first += 1 }
    return first..<(i - 1)
  }

  /// Drops a leading "the", a trailing possessive and edge punctuation; false when nothing name-like is left.
  func trim(_ c: RecognitionContext, _ s: inout NameSpan) -> Bool {
    while s.first < s.end, c.tokens[s.first].kind != .word && c.tokens[s.first].kind != .number {
      s.first += 1
    }
    if s.first < s.end, s.end - s.first > 1, c.lower(s.first) == "the" { s.first += 1 }
    // A capitalized common word opening the sentence ("Many Azerbaijanis") is not part of the name.
    while s.end - s.first > 1, s.kind != .event, c.infos[s.first].flags.contains(.sentenceInitial), c.has(s.first, .common),
      !c.has(s.first, .firstName), !c.has(s.first, .country), !c.has(s.first, .place),
      c.infos[s.first].flags.contains(.alsoLower) || !c.infos[s.first].flags.contains(.capitalizedMidSentence)
    {
      s.first += 1
    }
    // Lower-case lead-ins ("e.g. Smith") are not part of a name.
    while s.end - s.first > 1, c.infos[s.first].flags.contains(.lowerInitial), !c.has(s.first, .country) {
      s.first += 1
    }
    // A person's titles, nationality and country are not part of the name ("Justice Scalia" → "Scalia",
    // "Chilean MP Rosa Fuentes" → "Rosa Fuentes"); titles become aliases later.
    if s.kind == .person {
      while s.end - s.first > 1,
        c.has(s.first, .title) || c.has(s.first, .demonym) || c.has(s.first, .country) || c.text(s.first) == "-",
        c.isCapitalized(s.first + 1) || c.text(s.first + 1) == "-"
      {
        s.first += c.text(s.first + 1) == "-" ? 2 : 1
      }
    }
    // "CEO of the Example Center": a role phrase, the name is the organization after "of".
    if s.kind == .person || s.kind == .organization, s.end - s.first > 2, c.has(s.first, .title),
      !c.has(s.first, .orgWord), c.lower(s.first + 1) == "of"
    {
      s.first += 2
      if s.first < s.end - 1, c.lower(s.first) == "the" { s.first += 1 }
      s.kind = .organization
    }
    while s.end > s.first {
      let t = c.tokens[s.end - 1]
      let text = c.lower(s.end - 1)
      if t.kind == .punctuation || t.kind == .quote || text == "'s" || text == "'" { s.end -= 1 } else { break }
    }
    guard s.first < s.end else { return false }
    for i in s.first..<s.end
    where c.infos[i].flags.contains(.initialCap) || c.infos[i].flags.contains(.hasDigit) {
      return true
    }
    return false
  }

  /// The country named exactly by tokens `first..<end`, honouring case ("US" but not "us").
  func countryIndex(_ c: RecognitionContext, _ first: Int, _ end: Int) -> Int? {
    guard c.isCapitalized(first) else { return nil }
    var h: UInt64 = 0
    for i in first..<end { h = TextHash.combine(h, c.infos[i].lower) }
    guard let idx = c.lexicon.countries.names.phrases[h] else { return nil }
    let text = c.text(first, end)
    if let exact = c.lexicon.countries.exactCaseByLower[text.lowercased()], exact != text { return nil }
    return Int(idx)
  }

  /// Types a span exactly when its whole text is a country name or a demonym.
  func classifyExact(_ c: RecognitionContext, _ s: inout NameSpan) {
    if let idx = countryIndex(c, s.first, s.end) {
      let isFirstName = s.end - s.first == 1 && c.has(s.first, .firstName)
      if !(s.kind == .person && isFirstName) {
        let territory = c.lexicon.countries.countries[idx].isTerritory
        s.kind = territory ? .location : .country
        s.country = idx
        s.confidence = 0.95
      }
      return
    }
    if let idx = c.lexicon.countries.demonyms.lookup(c.lowers, s.first..<s.end) {
      s.isGroup = s.kind == .person || c.lexicon.countries.groupNouns.lookup(c.lowers, s.first..<s.end) != nil
      s.kind = .country
      s.country = Int(idx)
      s.isDemonym = true
      s.source = .demonym
      return
    }
    if s.kind == .country { s.kind = .location }
    // A multi-word name ending in a capitalized event word is an event ("First World War").
    let last = s.end - 1
    if s.end - s.first >= 2, c.isCapitalized(last), c.has(last, .eventWord), !c.has(last, .orgWord),
      !c.has(last, .placeWord), s.kind != .person || !c.has(s.first, .firstName)
    {
      s.kind = .event
    }
    if s.end - s.first >= 2, c.text(s.first) == "Operation", c.isCapitalized(s.first + 1) { s.kind = .event }
  }

  /// The event an article reports on: a gathering noun, a naming cue and a quoted title.
  func reportedEvents(_ c: RecognitionContext) -> [NameSpan] {
    var out: [NameSpan] = []
    let n = c.tokens.count
    var i = 0
    while i < n {
      guard c.tokens[i].kind == .word, Self.gatheringWords.contains(c.lower(i)) else {
        i += 1
        continue
      }
      var j = i + 1
      var cue = -1
      while j < min(n, i + 4) {
        if Self.titleCues.contains(c.lower(j)) {
          cue = j
          break
        }
        j += 1
      }
      guard cue >= 0, cue + 1 < n, c.tokens[cue + 1].kind == .quote else {
        i += 1
        continue
      }
      let open = cue + 1
      var close = open + 1
      while close < min(n, open + 60), c.tokens[close].kind != .quote || (close == open + 1) {
        close += 1
      }
      guard close < n, c.tokens[close].kind == .quote, close - open > 1 else {
        i += 1
        continue
      }
      var last = close
      // A comma or period often sits inside the closing mark: “Title,”
      while last > open + 1, c.tokens[last - 1].kind == .punctuation { last -= 1 }
      guard last > open + 1 else {
        i = close
        continue
      }
      var span = NameSpan(first: open + 1, end: last, kind: .event, source: .reportedEvent, confidence: 0.9)
      let title = c.text(open + 1, last)
      span.canonical = title
      span.attributes["title"] = title
      span.attributes["type"] = c.lower(i)
      let sentence = Int(c.sentenceOf[i])
      if let date = DateFinder.firstDate(c, sentences: [sentence, sentence - 1, sentence + 1]) {
        span.attributes["date"] = date
      }
      out.append(span)
      i = close + 1
    }
    return out
  }

  /// Dated named events: "October 7 attack", "September 11 attacks".
  func datedEvents(_ c: RecognitionContext) -> [NameSpan] {
    var out: [NameSpan] = []
    let n = c.tokens.count
    var i = 0
    while i + 2 < n {
      if c.isCapitalized(i), c.has(i, .time), c.tokens[i + 1].kind == .number, c.tokens[i + 2].kind == .word,
        c.has(i + 2, .eventWord), !c.isCapitalized(i + 2) || true
      {
        let w = c.lower(i + 2)
        if ["attack", "attacks", "massacre", "bombing", "bombings", "uprising", "war", "revolution"].contains(w) {
          out.append(NameSpan(first: i, end: i + 3, kind: .event, source: .datedEvent, confidence: 0.85))
          i += 3
          continue
        }
      }
      i += 1
    }
    return out
  }

  /// Event words that head a name at its end ("French Revolution") or start ("Cyclone Nadia").
  static let eventHeads: Set<String> = [
    "war", "revolution", "genocide", "massacre", "uprising", "spring", "crisis", "rebellion", "intifada",
    "holocaust", "olympics", "games", "championship", "championships", "cup", "summit", "festival", "crusade",
    "invasion", "revolt", "riots", "famine", "earthquake", "pandemic", "blockade", "siege", "airlift",
  ]
  static let eventPrefixes: Set<String> = ["cyclone", "hurricane", "typhoon", "storm", "operation", "tropical"]

  /// Capitalized names headed by an event word that the tagger missed: "the French Revolution",
  /// "Cyclone Nadia", "Operation Desert Wind".
  func headedEvents(_ c: RecognitionContext, existing: [NameSpan]) -> [NameSpan] {
    var covered = [Bool](repeating: false, count: c.tokens.count)
    // The spans over each token, so the checks below read the spans of one name, not of the document
    // (a scan of every span per name was quadratic on long lists of names).
    var owners = [[Int32]](repeating: [], count: c.tokens.count)
    for (k, s) in existing.enumerated() {
      for i in s.first..<s.end {
        covered[i] = true
        owners[i].append(Int32(k))
      }
    }
    func spans(_ first: Int, _ end: Int) -> [NameSpan] {
      var seen = Set<Int32>()
      var out: [NameSpan] = []
      for i in first..<end { for k in owners[i] where seen.insert(k).inserted { out.append(existing[Int(k)]) } }
      return out
    }
    var out: [NameSpan] = []
    for sent in c.sentences {
      var i = sent.lowerBound
      while i < sent.upperBound {
        guard c.isCapitalized(i), c.tokens[i].kind == .word else {
          i += 1
          continue
        }
        var end = i + 1
        while end < sent.upperBound, c.isCapitalized(end) || c.text(end) == "-" { end += 1 }
        let words = (i..<end).filter { c.tokens[$0].kind == .word }
        let touchesTagged = (i..<end).contains { covered[$0] }
        if words.count >= 2, let last = words.last, Self.eventHeads.contains(c.lower(last)),
          !c.infos[i].flags.contains(.sentenceInitial) || !c.has(i, .common) || c.has(i, .demonym)
        {
          var span = NameSpan(first: i, end: end, kind: .event, source: .eventHead, confidence: 0.75)
          span.end = last + 1
          if !touchesTagged || spans(i, span.end).contains(where: { $0.first >= i && $0.end <= span.end && $0.kind != .event }) {
            out.append(span)
          }
        } else if words.count >= 2, Self.eventPrefixes.contains(c.lower(i)),
          !touchesTagged || (!covered[i] && spans(i, end).allSatisfy { $0.first > i && $0.end <= end && $0.kind != .event })
        {
          // "Operation Northern Gale", "Hurricane Katrina": the prefix makes the name inside it an event.
          out.append(NameSpan(first: i, end: end, kind: .event, source: .eventHead, confidence: 0.75))
        } else if words.count >= 2, let last = words.last, c.has(last, .orgWord), !c.has(last, .placeWord),
          !c.has(last, .eventWord), !touchesTagged || onlyPlacesInside(spans(i, end), i, end)
        {
          // "The Working Group for …", "Friends Society of …": an untagged name headed by an organization word.
          var span = NameSpan(first: i, end: end, kind: .organization, source: .organizationHead, confidence: 0.7)
          if c.infos[i].flags.contains(.sentenceInitial), c.has(i, .common), !c.has(i, .orgWord) { span.first += 1 }
          if c.lower(span.first) == "the" { span.first += 1 }
          var e = end
          while e + 1 < sent.upperBound, ["for", "of"].contains(c.lower(e)) {
            var k = e + 1
            if k < sent.upperBound, c.lower(k) == "the" { k += 1 }
            guard k < sent.upperBound, c.isCapitalized(k) else { break }
            while k < sent.upperBound, c.isCapitalized(k) || (c.text(k) == "-" && k + 1 < sent.upperBound && c.isCapitalized(k + 1)) {
              k += 1
            }
            e = k
          }
          span.end = e
          if span.end - span.first >= 2 { out.append(span) }
          end = max(end, e)
        }
        i = end
      }
    }
    return out
  }

  /// Untagged names that WordNet knows as exactly one kind of thing ("Black September" → organization),
  /// and untagged capitalized acronyms ("the ABCF", "XYZ's faction") as organizations.
  func knownNames(_ c: RecognitionContext, existing: [NameSpan]) -> [NameSpan] {
    var covered = [Bool](repeating: false, count: c.tokens.count)
    for s in existing { for i in s.first..<s.end { covered[i] = true } }
    var out: [NameSpan] = []
    let known: [(Lexicon.Category, EntityKind)] = [
      (.knownPerson, .person), (.knownPlace, .location), (.knownOrganization, .organization), (.knownEvent, .event),
    ]
    let notOrganizations = acronymsOfThings(c, existing: existing)
    var i = 0
    while i < c.tokens.count {
      guard !covered[i], c.isCapitalized(i), c.tokens[i].kind == .word else {
        i += 1
        continue
      }
      let weakStart = c.infos[i].flags.contains(.sentenceInitial) && c.has(i, .common)
      var found: NameSpan?
      var end = min(c.tokens.count, i + 4)
      while end > i + (weakStart ? 1 : 0), found == nil {
        if (i..<end).allSatisfy({ !covered[$0] && c.sentenceOf[$0] == c.sentenceOf[i] }), c.isCapitalized(end - 1),
          let bits = c.lexicon.table[c.phraseHash(i, end)], bits & Lexicon.Category.common.rawValue == 0,
          bits & (Lexicon.Category.country.rawValue | Lexicon.Category.demonym.rawValue) == 0
        {
          let kinds = known.filter { bits & $0.0.rawValue != 0 }.map(\.1)
          if kinds.count == 1, end - i >= 2 || kinds[0] != .person {
            found = NameSpan(first: i, end: end, kind: kinds[0], source: .knownName, confidence: 0.7)
          }
        }
        end -= 1
      }
      // A capitalized acronym amid ordinary text, unknown to the country data.
      if found == nil, !weakStart, c.infos[i].flags.contains(.allCaps), (3...5).contains(c.tokens[i].end - c.tokens[i].start),
        (c.tokens[i].start..<c.tokens[i].end).allSatisfy({ CharClass.isUpper(c.scalars[$0]) }),
        i > 0, ["the", "of", "by", "from", "with", "and"].contains(c.lower(i - 1)) || c.tokens[i - 1].kind == .word
          && !c.isCapitalized(i - 1) && i + 1 < c.tokens.count && c.tokens[i + 1].kind == .word && !c.isCapitalized(i + 1)
          && c.has(i + 1, .common) && ["which", "who", "that"].contains(c.lower(i + 1)),
        !c.has(i, .country), !c.has(i, .common), !c.has(i, .title),
        !c.lexicon.commonAcronyms.contains(c.lowers[i]), !notOrganizations.contains(c.lowers[i]),
        (i == 0 || !c.infos[i - 1].flags.contains(.allCaps)),
        (i + 1 >= c.tokens.count || !c.infos[i + 1].flags.contains(.allCaps))
      {
        found = NameSpan(first: i, end: i + 1, kind: .organization, source: .acronymGuess, confidence: 0.5)
      }
      if let f = found {
        out.append(f)
        i = f.end
      } else {
        i += 1
      }
    }
    return out
  }

  /// Acronyms the document defines for something that is not a name of an organization ("System Under
  /// Test (SUT)", "geographic information systems (GIS)").
  func acronymsOfThings(_ c: RecognitionContext, existing: [NameSpan]) -> Set<UInt64> {
    var organizationEnds = Set<Int>()
    for s in existing where s.kind == .organization { organizationEnds.insert(s.end) }
    var out = Set<UInt64>()
    var i = 1
    func isChar(_ k: Int, _ ch: Unicode.Scalar) -> Bool {
      c.tokens[k].end - c.tokens[k].start == 1 && c.scalars[c.tokens[k].start] == ch
    }
    while i + 2 < c.tokens.count {
      defer { i += 1 }
      guard isChar(i, "("), isChar(i + 2, ")"), c.infos[i + 1].flags.contains(.allCaps),
        !organizationEnds.contains(i)
      else { continue }
      let short = c.text(i + 1)
      let caps = short.filter(\.isUppercase).count
      guard caps >= 2, caps <= 8, i >= caps else { continue }
      let first = i - caps
      guard (first..<i).allSatisfy({ c.isWord($0) && c.sentenceOf[$0] == c.sentenceOf[i] }) else { continue }
      let initials = String((first..<i).compactMap { c.text($0).first }).uppercased()
      if initials == short.filter(\.isUppercase) { out.insert(c.lowers[i + 1]) }
    }
    return out
  }

  /// Whether every span inside `first..<end` is a country, demonym or location (so a longer name may cover them).
  func onlyPlacesInside(_ spans: [NameSpan], _ first: Int, _ end: Int) -> Bool {
    spans.allSatisfy { s in
      s.end <= first || s.first >= end
        || (s.first >= first && s.end <= end && (s.country != nil || s.isDemonym || s.kind == .location))
    }
  }

  /// Keeps non-overlapping spans, preferring rules over the tagger and longer spans over shorter ones.
  func resolveOverlaps(_ spans: [NameSpan], count: Int) -> [NameSpan] {
    func priority(_ s: NameSpan) -> Int { s.source.overlapPriority }
    let ordered = spans.enumerated().sorted { a, b in
      let pa = priority(a.element)
      let pb = priority(b.element)
      if pa != pb { return pa > pb }
      let la = a.element.end - a.element.first
      let lb = b.element.end - b.element.first
      if la != lb { return la > lb }
      return a.offset < b.offset
    }
    var taken = [Bool](repeating: false, count: count)
    var kept: [NameSpan] = []
    for (_, s) in ordered where (s.first..<s.end).allSatisfy({ !taken[$0] }) {
      for i in s.first..<s.end { taken[i] = true }
      kept.append(s)
    }
    kept.sort { ($0.first, $0.end) < ($1.first, $1.end) }
    return kept
  }

  // MARK: - Document-level consistency

  /// One kind per name string in a document, repeats of a name found everywhere, surnames typed as persons.
  func harmonize(_ c: RecognitionContext, _ input: [NameSpan]) -> [NameSpan] {
    var spans = input
    // Majority kind per phrase (exact countries and demonyms keep theirs).
    var votes: [UInt64: [EntityKind: Int]] = [:]
    for s in spans where s.country == nil && s.source != .reportedEvent {
      votes[c.phraseHash(s.first, s.end), default: [:]][s.kind, default: 0] += 1
    }
    func majority(_ h: UInt64) -> EntityKind? {
      guard let v = votes[h] else { return nil }
      return v.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
    for k in spans.indices where spans[k].country == nil && spans[k].source != .reportedEvent {
      if let m = majority(c.phraseHash(spans[k].first, spans[k].end)) { spans[k].kind = m }
    }
    // Single-word mentions that are the last or first word of a person's full name are that person.
    var personParts = Set<UInt64>()
    for s in spans where s.kind == .person && s.end - s.first >= 2 && c.has(s.first, .firstName) {
      personParts.insert(c.infos[s.end - 1].lower)
    }
    for k in spans.indices where spans[k].end - spans[k].first == 1 && spans[k].country == nil {
      let w = spans[k].first
      if spans[k].kind == .organization && personParts.contains(c.infos[w].lower) && !c.has(w, .place)
        && !c.has(w, .orgWord)
      {
        spans[k].kind = .person
      }
    }
    // Repeats: an unlabeled capitalized occurrence of a name found elsewhere in the document.
    var byFirst: [UInt64: [(len: Int, hash: UInt64, kind: EntityKind)]] = [:]
    var seen = Set<UInt64>()
    for s in spans where !s.isDemonym && s.country == nil && (s.source == .tagger || s.source == .acronym)
      && s.end - s.first <= 6
    {
      let h = c.phraseHash(s.first, s.end)
      if seen.insert(h).inserted {
        byFirst[c.infos[s.first].lower, default: []].append((s.end - s.first, h, s.kind))
      }
    }
    for key in byFirst.keys { byFirst[key]!.sort { $0.len > $1.len } }
    var covered = [Bool](repeating: false, count: c.tokens.count)
    for s in spans { for i in s.first..<s.end { covered[i] = true } }
    var added: [NameSpan] = []
    var i = 0
    while i < c.tokens.count {
      guard !covered[i], c.isCapitalized(i), let candidates = byFirst[c.infos[i].lower] else {
        i += 1
        continue
      }
      var matched: NameSpan?
      for cand in candidates.prefix(32) where i + cand.len <= c.tokens.count {
        let r = i..<(i + cand.len)
        if r.allSatisfy({ !covered[$0] }), c.phraseHash(r.lowerBound, r.upperBound) == cand.hash,
          c.sentenceOf[r.lowerBound] == c.sentenceOf[r.upperBound - 1]
        {
          // A sentence-initial single word that also occurs in lower case is probably not the name.
          if cand.len == 1 && c.infos[i].flags.contains(.sentenceInitial) && c.infos[i].flags.contains(.alsoLower) {
            continue
          }
          matched = NameSpan(first: i, end: i + cand.len, kind: majority(cand.hash) ?? cand.kind, source: .repeatedName)
          break
        }
      }
      if let m = matched {
        added.append(m)
        i = m.end
      } else {
        i += 1
      }
    }
    spans += added
    // Surnames: the words after a person's first name, alone ("Lopez said", "Ortiz-Vega noted").
    var surnames: [UInt64: Int] = [:]
    for s in spans where s.kind == .person && s.role == nil && s.end - s.first >= 2 && s.end - s.first <= 4 {
      let rest = (s.first + 1)..<s.end
      guard c.tokens[rest.lowerBound].kind == .word, c.isCapitalized(rest.lowerBound) else { continue }
      surnames[c.phraseHash(rest.lowerBound, rest.upperBound)] = rest.count
    }
    for s in added { for k in s.first..<s.end { covered[k] = true } }
    var joined: [NameSpan] = []
    if !surnames.isEmpty {
      let lengths = Set(surnames.values).sorted(by: >)
      var i = 0
      while i < c.tokens.count {
        guard !covered[i], c.isCapitalized(i) else {
          i += 1
          continue
        }
        var matched = 0
        for len in lengths where i + len <= c.tokens.count {
          let r = i..<(i + len)
          guard r.allSatisfy({ !covered[$0] }), surnames[c.phraseHash(i, i + len)] == len,
            c.sentenceOf[i] == c.sentenceOf[i + len - 1]
          else { continue }
          let after = i + len
          let nextCapitalized = after < c.tokens.count && c.isCapitalized(after) && c.sentenceOf[after] == c.sentenceOf[i]
          let prevCapitalized = i > 0 && c.isCapitalized(i - 1) && c.sentenceOf[i - 1] == c.sentenceOf[i]
            && !c.has(i - 1, .title)
          let hyphenated = (i > 0 && c.text(i - 1) == "-") || (after < c.tokens.count && c.text(after) == "-")
          if nextCapitalized || prevCapitalized || hyphenated { continue }
          if len == 1 && c.infos[i].flags.contains(.sentenceInitial) && c.infos[i].flags.contains(.alsoLower) { continue }
          matched = len
          break
        }
        if matched > 0 {
          joined.append(NameSpan(first: i, end: i + matched, kind: .person, source: .surname, confidence: 0.7))
          i += matched
        } else {
          i += 1
        }
      }
    }
    spans += joined
    spans.sort { ($0.first, $0.end) < ($1.first, $1.end) }
    applyOrganizationCues(c, &spans)
    markGroupsInLists(c, &spans)
    return spans
  }

  /// Common nouns that, in apposition to a name, say it is an organization ("X, a company that …",
  /// "the publishing giant X").
  static let organizationNouns: Set<String> = [
    "company", "companies", "firm", "corporation", "startup", "start-up", "organization", "organisation",
    "nonprofit", "non-profit", "charity", "agency", "publisher", "retailer", "chain", "conglomerate", "giant",
    "manufacturer", "automaker", "carmaker", "airline", "bank", "brand", "label", "broadcaster", "newspaper",
    "network", "party", "militia", "group", "union", "club", "team", "university", "college", "institute",
    "foundation", "association", "society", "ministry", "department", "multinational", "subsidiary", "outlet",
    "developer", "provider", "operator", "insurer", "lender", "consultancy", "think-tank", "coalition",
  ]
  /// Roles held "of" an organization ("the CEO of X", "shareholders of X").
  static let organizationRoles: Set<String> = [
    "ceo", "cfo", "coo", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "chairperson",
    "shareholders", "employees", "staff", "spokesperson", "spokesman", "spokeswoman", "subsidiary", "headquarters",
    "board", "members", "member", "executives",
  ]

  /// Names with organization evidence somewhere in the document (an acronym defined in brackets, an
  /// appositive "X, a company …", "the CEO of X", "the company X") are organizations at every mention.
  func applyOrganizationCues(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var orgNames = Set<UInt64>()
    let n = c.tokens.count
    for (k, s) in spans.enumerated() where s.country == nil && !s.isDemonym && s.role == nil && s.kind != .event {
      let h = c.phraseHash(s.first, s.end)
      // "X, a company …", "X, an American multinational …" (not "Under X, the company grew": "the" may open
      // a new clause; nor a person's full name)
      if s.end + 2 < n, c.text(s.end) == ",", ["a", "an"].contains(c.lower(s.end + 1)),
        s.kind != .person || !c.has(s.first, .firstName) || s.end - s.first == 1
      {
        var j = s.end + 2
        var steps = 0
        while j < n, steps < 3, c.tokens[j].kind == .word, c.sentenceOf[j] == c.sentenceOf[s.first] {
          if Self.organizationNouns.contains(c.lower(j)) && !c.isCapitalized(j) {
            orgNames.insert(h)
            break
          }
          j += 1
          steps += 1
        }
      }
      // "the CEO of X", "shareholders of X"
      if s.first >= 2, c.lower(s.first - 1) == "of", Self.organizationRoles.contains(c.lower(s.first - 2)),
        s.kind != .person || !c.has(s.first, .firstName)
      {
        orgNames.insert(h)
      }
      // "the company X", "the publishing giant X" (a lower-case organization noun right before the name)
      if s.first >= 2, !c.isCapitalized(s.first - 1), Self.organizationNouns.contains(c.lower(s.first - 1)),
        ["the", "a", "an"].contains(c.lower(s.first - 2)) || c.tokens[s.first - 2].kind == .word,
        s.kind != .person || !c.has(s.first, .firstName)
      {
        orgNames.insert(h)
      }
      // "American College of Pediatricians (ACPeds)": a bracketed short form of an organization's name.
      if s.kind == .organization, s.end - s.first >= 2, s.end + 2 < n, c.text(s.end) == "(", c.text(s.end + 2) == ")",
        Self.isLooseAcronym(c.text(s.end + 1), of: c.text(s.first, s.end))
      {
        orgNames.insert(c.phraseHash(s.end + 1, s.end + 2))
      }
      _ = k
    }
    // Acronyms of things ("DNA", "sea surface salinity (SSS)") are not organizations, whoever proposed them.
    let things = acronymsOfThings(c, existing: spans)
    spans.removeAll { s in
      s.kind == .organization && s.end - s.first == 1 && s.country == nil && c.infos[s.first].flags.contains(.allCaps)
        && (things.contains(c.lowers[s.first]) || c.lexicon.commonAcronyms.contains(c.lowers[s.first]))
        && !orgNames.contains(c.phraseHash(s.first, s.end))
    }
    guard !orgNames.isEmpty else { return }
    for k in spans.indices where spans[k].country == nil && !spans[k].isDemonym && spans[k].role == nil
      && spans[k].kind != .event && spans[k].source != .surname
      && orgNames.contains(c.phraseHash(spans[k].first, spans[k].end))
    {
      spans[k].kind = .organization
    }
  }

  /// Whether `short` ("ACPeds", "NATO") abbreviates `long`: its capital letters are, in order, the initials
  /// of the capitalized words of `long`, starting with the first.
  static func isLooseAcronym(_ short: String, of long: String) -> Bool {
    let caps = short.filter(\.isUppercase)
    guard caps.count >= 2, caps.count <= 10, short.first?.isUppercase == true else { return false }
    let initials = long.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { w in
      w.first.flatMap { $0.isUppercase ? $0 : nil }
    }
    guard initials.first == caps.first else { return false }
    var it = initials.makeIterator()
    outer: for ch in caps {
      while let x = it.next() { if x == ch { continue outer } }
      return false
    }
    return true
  }

  /// A lone capitalized word listed together with demonyms or groups of people ("Azerbaijanis, Xs and
  /// Ys", "Xi, Kurdish and Azerbaijani dissidents") names a group of people too, not a person; and a
  /// "Star of …"-like phrase (a common word, "of", a name) is not a person's name.
  func markGroupsInLists(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var groupStart = Set<Int>()
    var listedGroups = Set<UInt64>()
    for s in spans where s.role == .group || s.isDemonym { groupStart.insert(s.first) }
    func isSeparator(_ i: Int) -> Bool {
      let w = c.lower(i)
      return w == "," || w == "and" || w == "or" || w == "&"
    }
    /// Whether a list item next to token `i` (walking by `step`) is a demonym or a group of people.
    func listHasGroup(from i: Int, step: Int) -> Bool {
      var k = i + step
      var items = 0
      while items < 4, k >= 0, k < c.tokens.count, c.sentenceOf[k] == c.sentenceOf[i] {
        guard isSeparator(k) else { break }
        while k + step >= 0, k + step < c.tokens.count, isSeparator(k + step) { k += step }
        k += step
        guard k >= 0, k < c.tokens.count, c.isCapitalized(k), c.sentenceOf[k] == c.sentenceOf[i] else { break }
        if c.has(k, .demonym) || groupStart.contains(k) { return true }
        items += 1
        k += step
      }
      return false
    }
    for _ in 0..<2 {
      for k in spans.indices where spans[k].kind == .person && spans[k].role == nil && spans[k].country == nil {
        let s = spans[k]
        if s.end - s.first == 1, !c.has(s.first, .firstName), !c.has(s.first, .knownPerson),
          !c.has(s.first, .title), listHasGroup(from: s.first, step: -1) || listHasGroup(from: s.first, step: 1)
        {
          spans[k].role = .group
          groupStart.insert(s.first)
          listedGroups.insert(c.infos[s.first].lower)
        }
      }
    }
    // The same word elsewhere in the document ("the Xs were ignored") is the same group.
    for k in spans.indices where spans[k].kind == .person && spans[k].role == nil && spans[k].country == nil
      && spans[k].end - spans[k].first == 1 && listedGroups.contains(c.infos[spans[k].first].lower)
    {
      spans[k].role = .group
    }
    // A religion adjective before a noun ("a Buddhist temple") is a modifier, not a mention of a group.
    spans.removeAll { s in
      s.role == .group && s.end - s.first == 1 && s.end < c.tokens.count && c.infos[s.end].flags.contains(.lowerInitial)
        && Self.religionWords.contains(c.lower(s.first)) && !c.lower(s.first).hasSuffix("s")
        && c.sentenceOf[s.end] == c.sentenceOf[s.first]
    }
    spans.removeAll { s in
      s.kind == .person && s.role == nil && s.end - s.first >= 3 && c.lower(s.first + 1) == "of"
        && c.has(s.first, .common) && !c.has(s.first, .title) && !c.has(s.first, .knownPerson)
    }
  }
}

/// Finds calendar dates ("November 16, 2023", "16 November 2023") and writes them as ISO 8601.
enum DateFinder {
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ]

  static func month(_ word: String) -> Int? {
    let w = word.lowercased().trimmingSuffix(".")
    if let i = months.firstIndex(of: w) { return i + 1 }
    if w.count >= 3, let i = months.firstIndex(where: { $0.hasPrefix(w) }), w != "may" || true { return i + 1 }
    return nil
  }

  /// The first full date in the given sentences (indices outside the document are skipped).
  static func firstDate(_ c: RecognitionContext, sentences: [Int]) -> String? {
    for k in sentences where k >= 0 && k < c.sentences.count {
      let r = c.sentences[k]
      for i in r where c.isCapitalized(i) {
        guard let m = month(c.text(i)), c.has(i, .time) else { continue }
        // Month Day, Year
        if i + 1 < r.upperBound, c.tokens[i + 1].kind == .number, let d = Int(c.text(i + 1)), (1...31).contains(d) {
          var j = i + 2
          if j < r.upperBound, c.text(j) == "," { j += 1 }
          if j < r.upperBound, let y = Int(c.text(j)), (1000...2999).contains(y) {
            return String(format: "%04d-%02d-%02d", y, m, d)
          }
        }
        // Day Month Year
        if i >= r.lowerBound + 1, let d = Int(c.text(i - 1)), (1...31).contains(d), i + 1 < r.upperBound,
          let y = Int(c.text(i + 1)), (1000...2999).contains(y)
        {
          return String(format: "%04d-%02d-%02d", y, m, d)
        }
      }
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
