import DocumentModel

/// `phrase-verb-subject`: "X called it a “disgrace”", a partial quote after a phrase verb goes to the verb's
/// subject.
struct PhraseVerbSubjectRule: SourceRule {
  /// Confidence of a phrase verb's subject.
  static let confidence = 0.7

  var ids: [QuoteRule] { [.phraseVerbSubject] }

  func apply(_ i: Int, in run: inout AttributionRun) -> Bool {
    guard run.quotes[i].form == .direct, run.quotes[i].kind == .partial, let found = run.phraseSubject(i) else {
      return false
    }
    run.quotes[i].speaker = found.speaker
    run.quotes[i].speakerMention = found.mention
    run.quotes[i].cueWords = found.verb
    run.quotes[i].cue = run.context.evidence(found.mention.lowerBound, found.verb.upperBound)
    run.quotes[i].confidence = Self.confidence
    run.quotes[i].rule = .phraseVerbSubject
    return true
  }
}

extension AttributionRun {
  /// "X called it a “disgrace”": the subject of a phrase verb right before a partial quote.
  func phraseSubject(_ i: Int) -> (speaker: EntityID, mention: Range<Int>, verb: Range<Int>)? {
    let q = quotes[i]
    let para = text.paragraph(of: q.start)
    let s = max(text.sentenceStart(before: q.start, lower: para.lowerBound), q.start - 300)
    let pre = context.wordIndices(s, q.start)
    guard let v = pre.lastIndex(where: { Self.phraseVerbs.contains(words[$0].lower) }),
      pre.distance(from: v, to: pre.endIndex) <= 8
    else { return nil }
    let verb = words[pre[v]].start..<words[pre[v]].end
    // The nearest person or organization before the verb in the sentence.
    let ms = context.mentions(in: s, words[pre[v]].start).filter {
      ($0.kind == .person || $0.kind == .organization) && !$0.isDemonym
    }
    guard let m = ms.last, text.wordIndex(atOrAfter: m.end) >= pre[v] - 3 else { return nil }
    return (m.entity, m.start..<m.end, verb)
  }
}
