import DocumentModel

/// `unresolved-source` for reported speech: a reported clause with no speaker entity keeps the noun phrase
/// that is the subject of its cue verb ("officials said that …") as its source words. It decides every reported
/// quote, so no rule for direct quotes sees one.
struct ReportedSourceRule: SourceRule {
  var ids: [QuoteRule] { [.unresolvedSource] }

  func apply(_ i: Int, in run: inout AttributionRun) -> Bool {
    guard run.quotes[i].form == .reported else { return false }
    run.quotes[i].speakerMention = run.reportedSource(i)
    if run.quotes[i].speakerMention != nil { run.quotes[i].rule = .unresolvedSource }
    return true
  }
}

extension AttributionRun {
  /// The words naming the source of an unattributed reported clause: the noun phrase before its verb
  /// ("Experts say …", "the campaign's lawyers argued that …"), or the words after "according to".
  func reportedSource(_ i: Int) -> Range<Int>? {
    guard let cue = quotes[i].cue else { return nil }
    let v = text.wordIndex(atOrAfter: cue.start)
    guard v < words.count else { return nil }
    if words[v].lower == "according", let last = context.wordIndices(cue.start, cue.end).last, v + 2 <= last {
      return words[v + 2].start..<words[last].end
    }
    var k = v - 1
    while k >= 0 && words[k].isWord && lexicon.skipWords.contains(words[k].lower) { k -= 1 }
    guard k >= 0, words[k].isWord else { return nil }
    let boundary: Set<String> = [
      "and", "but", "or", "that", "which", "who", "as", "when", "if", "because", "while", "said", "says",
    ]
    if boundary.contains(words[k].lower) { return nil }
    var first = k
    while first > 0 && k - first < 4 && words[first - 1].isWord && !boundary.contains(words[first - 1].lower)
      && !lexicon.speechVerbs.contains(words[first - 1].lower)
    {
      first -= 1
    }
    return words[first].start..<words[k].end
  }
}
