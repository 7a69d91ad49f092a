/// The categories of `entity-rule-words.tsv`: the word lists the entity rules read.
enum EntityRuleWord: String, WordListCategory {
  case titleCue = "title-cue"
  case gathering
  case religion
  case stateWord = "state-word"
  case eventHead = "event-head"
  case eventPrefix = "event-prefix"
  case speakerVerb = "speaker-verb"
  case nameParticle = "name-particle"
  case datedEvent = "dated-event"
  case chunkJoiner = "chunk-joiner"
  case polity
  case month
  case eraMarker = "era-marker"
  case corporateSuffix = "corporate-suffix"
}

/// The word lists the entity rules read, from `entity-rule-words.tsv` (lower case).
///
/// They steer rules only, never the tagger's features, so they are not part of the model's lexicon
/// fingerprint (see ``Lexicon/featureFingerprint``). Each is a stored set, so a rule's lookup is one hash
/// lookup as before.
struct EntityRuleWords: Sendable {
  /// Words that announce a reported event's title ("a webinar titled “…”").
  let titleCues: Set<String>
  /// Gatherings an article reports on.
  let gatherings: Set<String>
  /// Religions and their adherents.
  let religions: Set<String>
  /// Head words after which "of Country" names the country itself ("Republic of Iran", "King of Jordan").
  let stateWords: Set<String>
  /// Event words that head a name at its end ("French Revolution").
  let eventHeads: Set<String>
  /// Event words that open a name ("Cyclone Nadia").
  let eventPrefixes: Set<String>
  /// Speech verbs whose subject or inverted subject is a speaker.
  let speakerVerbs: Set<String>
  /// Lower-case words allowed inside a name ("Joao dos Santos", "Ludwig van Beethoven").
  let nameParticles: Set<String>
  /// Nouns of an event named by its date ("the October 7 attack").
  let datedEvents: Set<String>
  /// Words joining capitalized words into one chunk when no tagger is loaded.
  let chunkJoiners: Set<String>
  /// Polity head words ("Example Empire" and "Example Kingdom" are one polity).
  let polities: Set<String>
  /// Month names in calendar order.
  let months: [String]
  /// Era markers written after a year or a century ("300 BC", "the 7th century BCE") or before a year ("AD 79").
  let eraMarkers: Set<String>
  /// Legal-form suffixes of company names ("Inc.", "Ltd."): alone, they name nothing.
  let corporateSuffixes: Set<String>
  /// Lower-case hashes (``TextHash/lowerHash(_:)-swift.type.method``) of ``gatherings`` and ``speakerVerbs``: a
  /// per-token pre-check against a token's hash, so the token's text is lower-cased only when it may match.
  let gatheringHashes: HashSet64
  let speakerVerbHashes: HashSet64

  init(_ file: WordListFile<EntityRuleWord>) {
    titleCues = file[.titleCue]
    gatherings = file[.gathering]
    religions = file[.religion]
    stateWords = file[.stateWord]
    eventHeads = file[.eventHead]
    eventPrefixes = file[.eventPrefix]
    speakerVerbs = file[.speakerVerb]
    nameParticles = file[.nameParticle]
    datedEvents = file[.datedEvent]
    chunkJoiners = file[.chunkJoiner]
    polities = file[.polity]
    months = file.ordered[.month] ?? []
    eraMarkers = file[.eraMarker]
    corporateSuffixes = file[.corporateSuffix]
    gatheringHashes = HashSet64(gatherings.map { TextHash.lowerHash($0) })
    speakerVerbHashes = HashSet64(speakerVerbs.map { TextHash.lowerHash($0) })
  }

  /// Loads the bundled `entity-rule-words.tsv`.
  ///
  /// - Throws: ``ExtractionError`` `.missingResource` or `.badResource` (naming the file and line).
  static func bundled() throws -> EntityRuleWords {
    EntityRuleWords(try WordListFile<EntityRuleWord>.bundled("entity-rule-words", "tsv"))
  }
}
