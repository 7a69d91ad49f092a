import DocumentModel

/// `inside-reported-speech`: a direct quote inside an attributed reported clause ("X said that the plan was
/// “dead on arrival”") takes that clause's speaker, cue and source words.
struct InsideReportedSpeechRule: SourceRule {
  /// The clause's confidence is scaled by this.
  static let factor = 0.95

  var ids: [QuoteRule] { [.insideReportedSpeech] }

  func apply(_ i: Int, in run: inout AttributionRun) -> Bool {
    guard run.quotes[i].form == .direct, let host = run.enclosingReported(i), let s = run.quotes[host].speaker else {
      return false
    }
    let h = run.quotes[host]
    run.quotes[i].speaker = s
    run.quotes[i].cue = h.cue
    run.quotes[i].speakerMention = h.speakerMention
    run.quotes[i].cueWords = h.cueWords
    run.quotes[i].confidence = h.confidence * Self.factor
    run.quotes[i].rule = .insideReportedSpeech
    return true
  }
}
