import DocumentModel
import Foundation

/// The cue words of ``RelationExtractor``, read from `Resources/speech/relation-cues.tsv`.
///
/// Lines are `category<TAB>phrase[<TAB>predicate]`; the categories are documented at the top of the file.
///
/// ```swift
/// let lexicon = try RelationLexicon(tsv: "role\tceo\tceo_of\n")
/// lexicon.roles["ceo"]  // ceo_of
/// ```
public struct RelationLexicon: Sendable, Hashable {
  /// Role noun phrase (lower-cased words joined by one space) → predicate.
  public var roles: [String: DocumentModel.Predicate] = [:]
  /// Body a person sits on → predicate.
  public var seats: [String: DocumentModel.Predicate] = [:]
  /// Event verb → predicate.
  public var eventVerbs: [String: DocumentModel.Predicate] = [:]
  /// Stance word → predicate.
  public var stances: [String: DocumentModel.Predicate] = [:]
  /// Words allowed between a stance's subject and its verb.
  public var bridgeWords: Set<String> = []
  /// Negations that cancel a stance.
  public var negations: Set<String> = []
  /// Nouns after a demonym that make it act for its country.
  public var actorHeads: Set<String> = []

  /// Parses the TSV text.
  ///
  /// - Throws: ``ExtractionError`` with code `.badResource` for a malformed line.
  public init(tsv: String) throws {
    for (n, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
      func bad() -> ExtractionError {
        ExtractionError(
          .badResource, "relation-cues.tsv line \(n + 1): '\(line)' is not 'category<TAB>phrase[<TAB>predicate]'")
      }
      guard parts.count >= 2 else { throw bad() }
      let phrase = parts[1].lowercased()
      let predicate = parts.count > 2 ? DocumentModel.Predicate(parts[2]) : nil
      switch parts[0] {
      case "role", "seat", "event", "stance":
        guard let predicate else { throw bad() }
        switch parts[0] {
        case "role": roles[phrase] = predicate
        case "seat": seats[phrase] = predicate
        case "event": eventVerbs[phrase] = predicate
        default: stances[phrase] = predicate
        }
      case "bridge": bridgeWords.insert(phrase)
      case "negation": negations.insert(phrase)
      case "actor-head": actorHeads.insert(phrase)
      default: throw bad()
      }
    }
  }

  /// Loads the bundled `relation-cues.tsv`.
  ///
  /// - Throws: ``ExtractionError`` (`.missingResource`, `.badResource`).
  public static func bundled() throws -> RelationLexicon {
    let url =
      Bundle.module.url(forResource: "relation-cues", withExtension: "tsv", subdirectory: "Resources/speech")
      ?? Bundle.module.url(forResource: "relation-cues", withExtension: "tsv", subdirectory: "speech")
      ?? Bundle.module.url(forResource: "relation-cues", withExtension: "tsv")
    guard let url else { throw ExtractionError(.missingResource, "relation-cues.tsv is not in the bundle") }
    do {
      return try RelationLexicon(tsv: String(contentsOf: url, encoding: .utf8))
    } catch let error as ExtractionError {
      throw error
    } catch {
      throw ExtractionError(.missingResource, "cannot read relation-cues.tsv: \(error)")
    }
  }

  /// The bundled lexicon, or an empty one when the bundle cannot be read (no relations are then found).
  public static let standard: RelationLexicon = (try? bundled()) ?? RelationLexicon()

  private init() {}
}
