import DocumentModel

/// Groups of people named in lists with demonyms ("Azerbaijanis, Xs and Ys") and their repeats; drops a
/// religion adjective before a noun ("a Buddhist temple") and "Star of …"-like phrases typed as persons.
struct GroupListRule: EntityRule {
  let name = "group-lists"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    markGroupsInLists(c, &spans)
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
    for k in spans.indices
    where spans[k].kind == .person && spans[k].role == nil && spans[k].country == nil
      && spans[k].end - spans[k].first == 1 && listedGroups.contains(c.infos[spans[k].first].lower)
    {
      spans[k].role = .group
    }
    // A religion adjective before a noun ("a Buddhist temple") is a modifier, not a mention of a group.
    spans.removeAll { s in
      s.role == .group && s.end - s.first == 1 && s.end < c.tokens.count && c.infos[s.end].flags.contains(.lowerInitial)
        && c.lexicon.ruleWords.religions.contains(c.lower(s.first)) && !c.lower(s.first).hasSuffix("s")
        && c.sentenceOf[s.end] == c.sentenceOf[s.first]
    }
    spans.removeAll { s in
      s.kind == .person && s.role == nil && s.end - s.first >= 3 && c.lower(s.first + 1) == "of"
        && c.has(s.first, .common) && !c.has(s.first, .title) && !c.has(s.first, .knownPerson)
    }
  }
}
