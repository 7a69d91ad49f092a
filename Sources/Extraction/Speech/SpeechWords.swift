import DocumentModel

/// The categories of `Resources/speech/speech-words.tsv`.
enum SpeechWordCategory: String, WordListCategory {
  case introVerbs = "intro-verbs"
  case objectMarkers = "object-markers"
  case presenceCues = "presence-cues"
  case remoteCues = "remote-cues"
  case subjectPronouns = "subject-pronouns"
  case nonSpeakerLabels = "non-speaker-labels"
  case postposedPronouns = "postposed-pronouns"
  case nominalOpeners = "nominal-openers"
  case objectClauseVerbs = "object-clause-verbs"
  case clauseObjects = "clause-objects"
  case clauseSubjects = "clause-subjects"
  case questionVerbs = "question-verbs"
  case circumstanceWords = "circumstance-words"
  case invertedLeadWords = "inverted-lead-words"
  case nameParticles = "name-particles"
  case relativeWords = "relative-words"
  case joiningWords = "joining-words"
  case clauseOpeners = "clause-openers"
  case notClauseStarts = "not-clause-starts"
  case determiners = "determiners"
  case nonNameOpeners = "non-name-openers"
  case nounLikeVerbs = "noun-like-verbs"
  case subjectWords = "subject-words"
  case malePronouns = "male-pronouns"
  case femalePronouns = "female-pronouns"
  case pluralPronouns = "plural-pronouns"
  case neuterPronouns = "neuter-pronouns"
  case phraseVerbs = "phrase-verbs"
  case beliefVerbs = "belief-verbs"
  case sourceNouns = "source-nouns"
  case meetingNouns = "meeting-nouns"
  case interviewerCues = "interviewer-cues"
  case clauseWords = "clause-words"
}

/// The word lists of the speech stages, from `Resources/speech/speech-words.tsv`.
enum SpeechWords: BundledWordLists {
  static let file = WordListFile<SpeechWordCategory>.loaded("speech-words", "tsv", subdirectory: "speech")
}
