import DocumentModel

/// The event an article reports on: a gathering noun, a naming cue and a quoted title ("a webinar titled
/// “…”"), with the title as its canonical name and the nearest full date as its date.
struct ReportedEventRule: EntityRule {
  let name = "reported-event"
  let writes: [MentionRule] = [.reportedEvent]

  func apply(_ c: RecognitionContext, _ spans: inout [NameSpan]) {
    spans += reportedEvents(c)
  }

  /// The event an article reports on: a gathering noun, a naming cue and a quoted title.
  func reportedEvents(_ c: RecognitionContext) -> [NameSpan] {
    var out: [NameSpan] = []
    let n = c.tokens.count
    let gatherings = c.lexicon.ruleWords.gatherings
    let gatheringHashes = c.lexicon.ruleWords.gatheringHashes
    var i = 0
    while i < n {
      // The hash pre-check skips the String lower-casing of the tokens that cannot match.
      guard c.tokens[i].kind == .word, gatheringHashes.contains(c.lowers[i]), gatherings.contains(c.lower(i))
      else {
        i += 1
        continue
      }
      var j = i + 1
      var cue = -1
      while j < min(n, i + 4) {
        if c.lexicon.ruleWords.titleCues.contains(c.lower(j)) {
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
}
