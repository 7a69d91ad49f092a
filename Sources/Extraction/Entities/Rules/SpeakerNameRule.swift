import DocumentModel

/// Names that news text presents as speakers: a capitalized name right before or after a speech verb
/// ("Nefzi said", "“…,” said Ana Ruiz.", "“…,” Keidis continued") is a person even when the tagger and the
/// name lists do not know it. Words the lexicon knows as common English are not taken ("Officials said"),
/// unless they are known first names or surnames.
struct SpeakerNameRule: EntityRule {
  let name = "speaker-name"
  let writes: [MentionRule] = [.speakerCue]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    spans += speakerNames(c, existing: spans)
  }

  /// Person spans proposed by the speech cues around unrecognized capitalized names.
  func speakerNames(_ c: RecognitionContext, existing: [NameSpan]) -> [NameSpan] {
    let n = c.tokens.count
    let verbs = c.lexicon.ruleWords.speakerVerbs
    let particles = c.lexicon.ruleWords.nameParticles
    guard n > 1 else { return [] }
    var covered = [Bool](repeating: false, count: n)
    for s in existing { for i in s.first..<min(s.end, n) { covered[i] = true } }
    func isNameWord(_ i: Int) -> Bool {
      guard i >= 0, i < n, !covered[i], c.tokens[i].kind == .word, c.isCapitalized(i),
        !c.infos[i].flags.contains(.allCaps) || c.tokens[i].end - c.tokens[i].start <= 2
      else { return false }
      if c.has(i, .title) || c.has(i, .country) || c.has(i, .demonym) || c.has(i, .time) { return false }
      if c.has(i, .common) && !c.has(i, .firstName) && !c.has(i, .surname) { return false }
      return true
    }
    /// The name run ending at token `last` (inclusive), at most four words with particles inside.
    func runEnding(at last: Int) -> Range<Int>? {
      guard isNameWord(last) else { return nil }
      var first = last
      var words = 1
      while first > 0 && words < 4 {
        let p = first - 1
        if isNameWord(p) && c.sentenceOf[p] == c.sentenceOf[last] {
          first = p
          words += 1
        } else if p > 0, particles.contains(c.lower(p)), isNameWord(p - 1) {
          first = p - 1
          words += 2
        } else {
          break
        }
      }
      return first..<(last + 1)
    }
    /// Whether a clause ends at token `i` (a comma, a full stop, a closing quote, the sentence end).
    func clauseEnds(at i: Int) -> Bool {
      i >= n || c.sentenceOf[i] != c.sentenceOf[i - 1] || [",", ".", ";", "!", "?"].contains(c.text(i))
    }
    var out: [NameSpan] = []
    var taken = Set<Int>()
    func propose(_ r: Range<Int>) {
      // A lone sentence-initial word is too weak: "Still said nothing".
      if r.count == 1, c.infos[r.lowerBound].flags.contains(.sentenceInitial), !c.has(r.lowerBound, .surname) { return }
      guard r.allSatisfy({ !taken.contains($0) }) else { return }
      for i in r { taken.insert(i) }
      out.append(NameSpan(first: r.lowerBound, end: r.upperBound, kind: .person, source: .speakerCue, confidence: 0.6))
    }
    // The hash pre-check skips the String lower-casing of the tokens that cannot match.
    let verbHashes = c.lexicon.ruleWords.speakerVerbHashes
    for v in 1..<n
    where c.tokens[v].kind == .word && verbHashes.contains(c.lowers[v]) && verbs.contains(c.lower(v)) {
      // "Nefzi said" / "dos Santos says": the name opens its clause.
      if let r = runEnding(at: v - 1) {
        let before = r.lowerBound - 1
        let opens =
          before < 0 || c.sentenceOf[before] != c.sentenceOf[r.lowerBound] || c.tokens[before].kind == .quote
          || [",", "and", "but", "—", "–", ":"].contains(c.lower(before))
        if opens { propose(r) }
      }
      // "“…,” said Ana Ruiz." / "said Republican strategist Ana Ruiz,": after a closing quote and comma.
      guard v >= 2, c.text(v - 1) == "," || c.tokens[v - 1].kind == .quote else { continue }
      var end = v + 1
      while end < n && end <= v + 7 && !clauseEnds(at: end) { end += 1 }
      guard end > v + 1, end <= v + 7, let r = runEnding(at: end - 1), r.lowerBound > v else { continue }
      propose(r)
    }
    return out
  }
}
