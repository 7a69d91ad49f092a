import DocumentModel
import Foundation

/// One annotated sentence or document for training the relation model.
public struct RelationTrainingDocument: Sendable {
  /// One gold relation: its corpus type, the model class it teaches (`nil`: a type the model does not
  /// predict, whose pair is then left out of training rather than taught as `none`), and the argument spans
  /// (code points, end exclusive).
  public struct GoldRelation: Sendable {
    public var type: String
    public var relationClass: RelationClass?
    public var head: Range<Int>
    public var tail: Range<Int>
  }

  /// Which annotation scheme the document follows: decides which classes its types teach and how
  /// predictions map to its types when scoring. Invented fixtures use CoNLL04's types.
  public enum Corpus: String, Sendable { case conll04, crossre }

  public var id: String
  public var text: String
  public var corpus: Corpus
  public var relations: [GoldRelation]

  /// The class a corpus type teaches.
  static func relationClass(corpus: Corpus, type: String) -> RelationClass? {
    switch (corpus, type) {
    case (.conll04, "Work_For"), (.crossre, "role"): return .role
    case (.conll04, "OrgBased_In"), (.conll04, "Located_In"), (.conll04, "Live_In"), (.crossre, "physical"):
      return .located
    case (.crossre, "part-of"): return .partOf
    case (.conll04, "Kill"): return .killed
    default: return nil
    }
  }

  /// The gold type a predicted predicate between arguments of these kinds counts as, mirroring the shared
  /// scorer's mapping (`score_rel.py`), or `nil` when it is not scored in this corpus.
  static func goldType(corpus: Corpus, predicate: DocumentModel.Predicate, subject: EntityKind, object: EntityKind)
    -> String?
  {
    let objectIsPlace = object == .country || object == .location
    let subjectIsPlace = subject == .country || subject == .location
    switch corpus {
    case .conll04:
      switch predicate {
      case .employeeOf where subject == .person && object == .organization: return "Work_For"
      case .locatedIn where subject == .organization && objectIsPlace: return "OrgBased_In"
      case .locatedIn, .partOf: return subjectIsPlace && objectIsPlace ? "Located_In" : nil
      case .livesIn where subject == .person && objectIsPlace: return "Live_In"
      case .killed: return "Kill"
      default: return nil
      }
    case .crossre:
      switch predicate {
      case .employeeOf where subject == .person && object != .person: return "role"
      case .locatedIn, .livesIn: return "physical"
      case .partOf: return "part-of"
      default: return nil
      }
    }
  }

  private struct Line: Decodable {
    struct Span: Decodable {
      var start: Int
      var end: Int
    }
    struct Rel: Decodable {
      var type: String
      var head: Span
      var tail: Span
    }
    var doc: String
    var text: String
    var relations: [Rel]
  }

  /// Reads a `gold.jsonl` of the shared relation sets (one sentence per line: `doc`, `text`, `relations`
  /// with `type`, `head` and `tail` spans).
  ///
  /// - Throws: ``ExtractionError`` `.badTrainingData` naming the line that does not parse.
  public static func load(jsonl: String, corpus: Corpus, idPrefix: String) throws -> [RelationTrainingDocument] {
    var out: [RelationTrainingDocument] = []
    let decoder = JSONDecoder()
    for (n, line) in jsonl.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
      let row: Line
      do {
        row = try decoder.decode(Line.self, from: Data(line.utf8))
      } catch {
        throw ExtractionError(.badTrainingData, "line \(n + 1) is not a relation record: \(error)")
      }
      let length = row.text.unicodeScalars.count
      let relations = try row.relations.map { r -> GoldRelation in
        guard r.head.start >= 0, r.head.start < r.head.end, r.head.end <= length, r.tail.start >= 0,
          r.tail.start < r.tail.end, r.tail.end <= length
        else { throw ExtractionError(.badTrainingData, "line \(n + 1): a relation span lies outside its text") }
        return GoldRelation(
          type: r.type, relationClass: relationClass(corpus: corpus, type: r.type),
          head: r.head.start..<r.head.end, tail: r.tail.start..<r.tail.end)
      }
      out.append(RelationTrainingDocument(id: idPrefix + row.doc, text: row.text, corpus: corpus, relations: relations))
    }
    return out
  }
}
