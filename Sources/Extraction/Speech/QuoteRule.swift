/// The rule that attributed a quote (or decided it has no named speaker): what each quote record's `source`
/// names.
///
/// Attribution code sets and compares these cases, never strings. The raw values are what `graph.json`'s
/// `quotes` and the stores have always written.
public enum QuoteRule: String, Sendable, Hashable, CaseIterable {
  /// A labelled interview turn ("WALLACE: …").
  case interviewTurn = "interview-turn"
  /// "according to X".
  case accordingTo = "according-to"
  /// The subject of a reported-speech verb ("X said that …").
  case reportedSubject = "reported-speech-subject"
  /// A speech cue before the quote ("X said: “…”").
  case cueBeforeQuote = "cue-before-quote"
  /// A speech cue after the quote ("“…,” X said").
  case cueAfterQuote = "cue-after-quote"
  /// "X: …" in a headline or a transcript line.
  case colonIntro = "name-colon"
  /// A paragraph continuing the previous paragraph's quote.
  case continuation = "continued-quote"
  /// A source the rules saw but could not resolve to an entity (a pronoun, an unnamed phrase).
  case unresolvedSource = "unresolved-source"
  /// A quoted phrase inside a reported clause, given that clause's source.
  case insideReportedSpeech = "inside-reported-speech"
  /// A nominal source ("officials said", "a spokesman said"): a record with no speaker.
  case nominalSource = "nominal-source"
  /// The subject of a phrase verb around a quoted phrase ("X called him a “con artist”").
  case phraseVerbSubject = "phrase-verb-subject"
  /// The speaker of an attributed quote earlier in the same sentence.
  case sameSentenceSpeaker = "same-sentence-speaker"
  /// The sentence's subject, when the narration before the quote runs into it.
  case sentenceSubject = "sentence-subject"
  /// A pronoun source whose resolved speaker is not the speaker in focus (the last named source): the record
  /// keeps the pronoun as its source words and names no entity.
  case ambiguousPronoun = "ambiguous-pronoun"
  /// A speaker found by a rule that recorded none (older code paths).
  case speech
  /// No rule found a speaker.
  case unattributed
}
