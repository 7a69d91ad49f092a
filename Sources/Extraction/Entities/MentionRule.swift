/// The rule or model that found a name mention.
///
/// Behaviour that depends on where a mention came from switches over these cases, never over strings, so a
/// misspelt rule is a compile error. The raw values are the names the rules have always had in logs, tests and
/// diagnostics.
public enum MentionRule: String, Sendable, Hashable, CaseIterable {
  /// The averaged-perceptron name tagger.
  case tagger
  /// An exact country name from the ISO 3166 gazetteer.
  case gazetteer
  /// A country demonym or adjective ("Iranian" → Iran).
  case demonym
  /// "Ministry of Foreign Affairs of Ruritania": a name ending in "of <country>".
  case ofCountry = "of-country"
  /// An acronym introduced in parentheses after its expansion.
  case acronym
  /// A lone all-capitals word typed as an organization.
  case acronymGuess = "acronym-guess"
  /// A capitalized run ending in an organization head word ("… Trust").
  case organizationHead = "org-head"
  /// A capitalized run ending in an event head word ("… Summit").
  case eventHead = "event-head"
  /// "the March 3 attack": an event named by its date.
  case datedEvent = "dated-event"
  /// The event a document reports on, named in a quoted title.
  case reportedEvent = "reported-event"
  /// A name from the WordNet instance list.
  case knownName = "known-name"
  /// A later repeat of a name found earlier in the document.
  case repeatedName = "repeat"
  /// A surname standing for a full name found earlier.
  case surname
  /// A capitalized run before a speech or role cue ("X said", "X, a spokesman").
  case speakerCue = "speaker-cue"
  /// A capitalized run between cue words, when nothing else covers it.
  case cueChunker = "cue-chunker"
  /// A name nested inside a longer one ("Ruritania" inside "Bank of Ruritania").
  case nested
  /// A plural demonym used as a group of people ("Iranians").
  case group
  /// A lone title or role word standing for a person ("the minister").
  case role
  /// A mention supplied by the caller rather than found by a rule.
  case supplied

  /// How strongly the rule's span wins an overlap with another (higher first, then the longer span).
  ///
  /// A quoted event title beats everything; the head-word rules beat the tagger and the gazetteers, which tie.
  var overlapPriority: Int {
    switch self {
    case .reportedEvent: return 3
    case .datedEvent, .eventHead, .organizationHead: return 2
    default: return 1
    }
  }

  /// Whether the mention names no entity of the graph but a group or a role (scored as a person name).
  public var isGroupOrRole: Bool { self == .group || self == .role }
}
