import DocumentModel
import Foundation

/// The cue words the speech stages use, read from `Resources/speech/speech-cues.tsv`.
///
/// Each line of the file is `category<TAB>word or phrase`; `#` starts a comment. The categories are
/// documented at the top of the file. Everything is compared case-insensitively on whole words.
///
/// ```swift
/// let lexicon = try SpeechLexicon(tsv: "speech\tsaid\ncomplementizer\tthat\n")
/// lexicon.speechVerbs.contains("said")  // true
/// ```
public struct SpeechLexicon: Sendable, Hashable {
  /// Verb forms that introduce or close a quote.
  public var speechVerbs: Set<String> = []
  /// Verb forms (or two-word phrases) whose bare object reports what was said.
  public var topicVerbs: Set<String> = []
  /// Speech verbs that report a clause even without "that" ("she said the plan was ready").
  public var bareClauseVerbs: Set<String> = []
  /// Words after a speech verb that open reported speech.
  public var complementizers: Set<String> = []
  /// Words allowed between a subject and its speech verb.
  public var skipWords: Set<String> = []
  /// Words after which a quoted string is a title.
  public var titleWords: Set<String> = []
  /// Nouns that present someone as a speaker at an event.
  public var speakerNouns: Set<String> = []
  /// Head nouns of organizations that can speak.
  public var organizationNouns: Set<String> = []
  /// Nouns of written statements.
  public var statementNouns: Set<String> = []
  /// Lower-case first names and whether they are given to women (`true`) or men (`false`), from
  /// `Resources/speech/first-name-gender.tsv` (the 1990 US Census lists); names given to both are absent.
  public var nameGender: [String: Bool] = [:]

  /// Reads `name<TAB>f|m` lines into ``nameGender`` (`#` starts a comment; other lines are ignored).
  public mutating func addNameGenders(tsv: String) {
    for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: "\t")
      guard parts.count == 2 else { continue }
      let g = parts[1].trimmingCharacters(in: .whitespaces)
      if g == "f" || g == "m" { nameGender[parts[0].lowercased()] = g == "f" }
    }
  }

  /// Parses the TSV text with the one word-list loader (``WordListFile``, categories ``SpeechCueCategory``).
  ///
  /// - Throws: ``ExtractionError`` with code `.badResource` for a line without a known category.
  public init(tsv: String) throws {
    let file = try WordListFile<SpeechCueCategory>(name: "speech-cues.tsv", text: tsv)
    speechVerbs = file[.speech]
    topicVerbs = file[.topic]
    bareClauseVerbs = file[.bareClause]
    complementizers = file[.complementizer]
    skipWords = file[.skip]
    titleWords = file[.title]
    speakerNouns = file[.speakerNoun]
    organizationNouns = file[.organizationNoun]
    statementNouns = file[.statement]
  }

  /// Loads the bundled `speech-cues.tsv`.
  ///
  /// - Throws: ``ExtractionError`` (`.missingResource`, `.badResource`).
  public static func bundled() throws -> SpeechLexicon {
    let url =
      Bundle.module.url(forResource: "speech-cues", withExtension: "tsv", subdirectory: "Resources/speech")
      ?? Bundle.module.url(forResource: "speech-cues", withExtension: "tsv", subdirectory: "speech")
      ?? Bundle.module.url(forResource: "speech-cues", withExtension: "tsv")
    guard let url else { throw ExtractionError(.missingResource, "speech-cues.tsv is not in the bundle") }
    do {
      var lexicon = try SpeechLexicon(tsv: String(contentsOf: url, encoding: .utf8))
      let genders =
        Bundle.module.url(forResource: "first-name-gender", withExtension: "tsv", subdirectory: "Resources/speech")
        ?? Bundle.module.url(forResource: "first-name-gender", withExtension: "tsv", subdirectory: "speech")
      if let genders { lexicon.addNameGenders(tsv: try String(contentsOf: genders, encoding: .utf8)) }
      return lexicon
    } catch let error as ExtractionError {
      throw error
    } catch {
      throw ExtractionError(.missingResource, "cannot read speech-cues.tsv: \(error)")
    }
  }

  /// The bundled lexicon, or a small built-in one when the bundle cannot be read.
  public static let standard: SpeechLexicon = (try? bundled()) ?? minimal

  /// A small built-in lexicon used when the resource file is unavailable.
  public static let minimal: SpeechLexicon = {
    let tsv = """
      speech\tsaid
      speech\tsays
      speech\tnoted
      speech\tadded
      speech\tstated
      speech\ttold
      speech\twrote
      speech\tdiscussed
      topic\tdiscussed
      complementizer\tthat
      complementizer\thow
      skip\talso
      title\ttitled
      speaker-noun\tspeaker
      org-noun\tministry
      statement\tstatement
      """
    return (try? SpeechLexicon(tsv: tsv)) ?? SpeechLexicon()
  }()

  private init() {}
}

/// The categories of `Resources/speech/speech-cues.tsv` (documented at the top of the file).
enum SpeechCueCategory: String, WordListCategory {
  case speech, topic
  case bareClause = "bare-clause"
  case complementizer, skip, title
  case speakerNoun = "speaker-noun"
  case organizationNoun = "org-noun"
  case statement
}
