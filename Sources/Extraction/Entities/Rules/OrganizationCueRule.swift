import DocumentModel

/// Names with organization evidence somewhere in the document (an acronym defined in brackets, an
/// appositive "X, a company …", "the CEO of X", "the company X") are organizations at every mention; the
/// acronyms of things ("DNA", "sea surface salinity (SSS)") are dropped as organizations.
struct OrganizationCueRule: EntityRule {
  let name = "organization-cues"
  let writes: [MentionRule] = []

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    applyOrganizationCues(c, &spans)
  }

  /// Names with organization evidence somewhere in the document (an acronym defined in brackets, an
  /// appositive "X, a company …", "the CEO of X", "the company X") are organizations at every mention.
  func applyOrganizationCues(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    var orgNames = Set<UInt64>()
    let organizationNouns = c.lexicon.documentContext.organizationNounWords
    let organizationRoles = c.lexicon.documentContext.organizationRoleWords
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
          if organizationNouns.contains(c.lower(j)) && !c.isCapitalized(j) {
            orgNames.insert(h)
            break
          }
          j += 1
          steps += 1
        }
      }
      // "the CEO of X", "shareholders of X"
      if s.first >= 2, c.lower(s.first - 1) == "of", organizationRoles.contains(c.lower(s.first - 2)),
        s.kind != .person || !c.has(s.first, .firstName)
      {
        orgNames.insert(h)
      }
      // "the company X", "the publishing giant X" (a lower-case organization noun right before the name)
      if s.first >= 2, !c.isCapitalized(s.first - 1), organizationNouns.contains(c.lower(s.first - 1)),
        ["the", "a", "an"].contains(c.lower(s.first - 2)) || c.tokens[s.first - 2].kind == .word,
        s.kind != .person || !c.has(s.first, .firstName)
      {
        orgNames.insert(h)
      }
      // "American College of Pediatricians (ACPeds)": a bracketed short form of an organization's name.
      if s.kind == .organization, s.end - s.first >= 2, s.end + 2 < n, c.text(s.end) == "(", c.text(s.end + 2) == ")",
        EntityRecognizer.isLooseAcronym(c.text(s.end + 1), of: c.text(s.first, s.end))
      {
        orgNames.insert(c.phraseHash(s.end + 1, s.end + 2))
      }
      _ = k
    }
    // Acronyms of things ("DNA", "sea surface salinity (SSS)") are not organizations, whoever proposed them.
    let things = c.acronymsOfThings(existing: spans)
    spans.removeAll { s in
      s.kind == .organization && s.end - s.first == 1 && s.country == nil && c.infos[s.first].flags.contains(.allCaps)
        && (things.contains(c.lowers[s.first]) || c.lexicon.commonAcronyms.contains(c.lowers[s.first]))
        && !orgNames.contains(c.phraseHash(s.first, s.end))
    }
    guard !orgNames.isEmpty else { return }
    for k in spans.indices
    where spans[k].country == nil && !spans[k].isDemonym && spans[k].role == nil
      && spans[k].kind != .event && spans[k].source != .surname
      && orgNames.contains(c.phraseHash(spans[k].first, spans[k].end))
    {
      spans[k].kind = .organization
    }
  }
}

extension EntityRecognizer {
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
}
