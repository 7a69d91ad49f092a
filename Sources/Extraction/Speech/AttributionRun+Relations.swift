import DocumentModel

/// The relations of attributed speech: `mentioned`, `quoted_in` and `spoke_at`.
extension AttributionRun {
  func relations() -> [Relation] {
    var out: [Relation] = []
    // mentioned: speaker → entity, counted once per mention.
    // Entities are numbered once (mentions by their index), so the per-mention work hashes integers only:
    // on run-on text a mention lies inside many overlapping reported clauses.
    var entityNumber: [EntityID: Int] = [:]
    var entityOfNumber: [EntityID] = []
    func number(_ e: EntityID) -> Int {
      if let n = entityNumber[e] { return n }
      entityNumber[e] = entityOfNumber.count
      entityOfNumber.append(e)
      return entityOfNumber.count - 1
    }
    let mentions = context.mentions
    var mentionNumber = [Int](repeating: -1, count: mentions.count)
    // (speaker number, mention start) pairs already counted.
    let stride = context.text.scalars.count + 1
    var counted: Set<Int> = []
    // Evidence pieces are kept as offsets: an evidence's text, document and sentence follow from its offsets,
    // so deduplicating offsets is deduplicating evidence, without building and hashing a string per mention.
    var groupIndex: [Int: Int] = [:]  // speaker number << 32 | object number → index into `groups`
    var groups: [(subject: Int, object: Int, count: Int, evidence: Set<Range<Int>>, confidence: Double)] = []
    for (i, q) in quotes.enumerated() {
      guard let speaker = q.speaker else { continue }
      let s = number(speaker)
      // The mentions inside the quote.
      for k in mentions.mentionIndices(startingIn: q.start, q.end) {
        guard mentions[k].end <= q.end else { continue }
        if mentionNumber[k] < 0 { mentionNumber[k] = number(mentions[k].entity) }
        let o = mentionNumber[k]
        guard o != s, counted.insert(s &* stride &+ mentions[k].start).inserted else { continue }
        let pair = s << 32 | o
        let g: Int
        if let found = groupIndex[pair] {
          g = found
        } else {
          g = groups.count
          groupIndex[pair] = g
          groups.append((s, o, 0, [], 0))
        }
        // Updated in place: copying the evidence set out and back would make this quadratic.
        groups[g].count += 1
        groups[g].evidence.insert(
          context.sentencePieceRange(mentions[k].start, mentions[k].end, within: q.start..<q.end))
        groups[g].confidence = max(groups[g].confidence, (q.confidence * mentions[k].confidence * 100).rounded() / 100)
      }
      // quoted_in: embedded source → the nearest enclosing speaker.
      var a = parent[i]
      while let p = a, quotes[p].speaker == nil || quotes[p].speaker == speaker {
        if quotes[p].speaker == speaker { a = nil } else { a = parent[p] }
      }
      if let p = a, let host = quotes[p].speaker {
        out.append(
          Relation(
            subject: speaker, predicate: .quotedIn, object: host, confidence: (q.confidence * 100).rounded() / 100,
            evidence: q.cue.map { [$0] } ?? [], source: RelationRule.embeddedQuote.rawValue))
      }
    }
    // One text per distinct piece, shared by every relation citing it.
    var pieces: [Range<Int>: Evidence] = [:]
    for g in groups {
      let key = RelationKey(subject: entityOfNumber[g.subject], predicate: .mentioned, object: entityOfNumber[g.object])
      // Same order as sorting the evidence: one document, and equal offsets mean equal text.
      let ranges = g.evidence.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
      var evidence: [Evidence] = []
      evidence.reserveCapacity(ranges.count)
      for r in ranges {
        if let e = pieces[r] {
          evidence.append(e)
        } else {
          let e = context.evidence(r.lowerBound, r.upperBound)
          pieces[r] = e
          evidence.append(e)
        }
      }
      out.append(
        Relation(
          subject: key.subject, predicate: .mentioned, object: key.object, confidence: g.confidence, count: g.count,
          evidence: evidence, source: RelationRule.quoteAttribution.rawValue))
    }
    for o in outlets where o.source != o.outlet {
      out.append(
        Relation(
          subject: o.source, predicate: .quotedIn, object: o.outlet, confidence: 0.8, evidence: [o.evidence],
          source: RelationRule.toldOutlet.rawValue))
    }
    // spoke_at: speakers of the article → the reported-on meeting.
    if let event = reportedEvent() {
      var speakers: [EntityID: Evidence] = [:]
      for intro in introduced where speakers[intro.entity] == nil { speakers[intro.entity] = intro.evidence }
      for (i, q) in quotes.enumerated() {
        guard let s = q.speaker, context.kind(of: s) == .person, speakers[s] == nil else { continue }
        // Top-level words only: embedded sources did not speak at the event.
        var a = parent[i]
        var embedded = false
        while let p = a {
          if quotes[p].speaker != nil && quotes[p].speaker != s { embedded = true }
          a = parent[p]
        }
        // A quoted person spoke at the event only where the text puts them there: the event named, or a
        // presence cue ("told the conference", "in her talk", "the panel"), in the cue's or the quote's
        // sentence. A source quoted by phone or from elsewhere is not a speaker at the event.
        if !embedded, let cue = q.cue, placesAtEvent(event, near: [cue.start, q.start]) { speakers[s] = cue }
      }
      for (s, ev) in speakers where s != event {
        out.append(
          Relation(
            subject: s, predicate: .spokeAt, object: event, confidence: 0.8, evidence: [ev],
            source: RelationRule.speakerOfEvent.rawValue))
      }
    }
    // Sorted through their keys, each computed once (the same comparisons, so the same order).
    let keys = out.map(\.key)
    return out.indices.sorted { keys[$0] < keys[$1] }.map { out[$0] }
  }

  func reportedEvent() -> EntityID? { context.reportedEvent() }

  /// Words that put a speaker at a meeting when they share a sentence with the speaker's words.
  static let presenceCues: Set<String> = SpeechWords[.presenceCues]

  /// Words that place a speaker's words elsewhere ("by phone", "in a statement"): they cancel presence.
  static let remoteCues: Set<String> = SpeechWords[.remoteCues]

  /// Whether a sentence holding one of `offsets` names `event` or holds a presence cue, and none of them
  /// places the words elsewhere.
  func placesAtEvent(_ event: EntityID, near offsets: [Int]) -> Bool {
    let doc = context.document
    var seen = Set<Int>()
    for offset in offsets {
      guard let si = doc.sentenceIndex(containing: offset), seen.insert(si).inserted else { continue }
      let sentence = doc.sentences[si]
      var present = context.mentions(in: sentence.start, sentence.end).contains(where: { $0.entity == event })
      var k = context.text.wordIndex(atOrAfter: sentence.start)
      var budget = 400
      while k < context.text.words.count, context.text.words[k].start < sentence.end, budget > 0 {
        let w = context.text.words[k].lower
        if Self.remoteCues.contains(w) { return false }
        if Self.presenceCues.contains(w) { present = true }
        k += 1
        budget -= 1
      }
      if present { return true }
    }
    return false
  }
}
