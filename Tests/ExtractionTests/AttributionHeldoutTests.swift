import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Scores the speech stages on the held-out articles (`Fixtures/heldout/*.txt` + `.gold.json`) with the
/// gold entities as mentions, so attribution quality is measured apart from entity recognition.
@Suite struct AttributionHeldoutTests {
  /// Demonyms for the countries of the held-out articles (the recognizer supplies these in the real pipeline).
  static let demonyms: [String: [String]] = [
    "Lithuania": ["Lithuanian"], "Poland": ["Polish"], "Ukraine": ["Ukrainian"], "Czechia": ["Czech"],
    "Kenya": ["Kenyan"], "Tanzania": ["Tanzanian"], "Germany": ["German"], "Russia": ["Russian"],
    "Venezuela": ["Venezuelan"], "Guyana": ["Guyanese"],
  ]

  static let documents = [
    "conference-report", "court-ruling", "earnings-call", "parliamentary-hearing", "press-conference", "qa-interview",
    "speech-report", "wire-story",
  ]

  /// (true positives, false positives, false negatives) of speaker–country pairs for one document.
  func pairCounts(_ name: String) throws -> (Int, Int, Int) {
    try HeldoutScoring.speechCounts("heldout", name, demonyms: Self.demonyms)
  }

  @Test(arguments: documents)
  func everyHeldOutArticleScoresWell(name: String) throws {
    let (tp, fp, fn) = try pairCounts(name)
    let f1 = 2.0 * Double(tp) / Double(max(1, 2 * tp + fp + fn))
    #expect(f1 >= 0.85, "\(name): tp \(tp) fp \(fp) fn \(fn)")
  }

  @Test func heldOutPairF1MeetsTheBar() throws {
    var (tp, fp, fn) = (0, 0, 0)
    for name in Self.documents {
      let c = try pairCounts(name)
      tp += c.0
      fp += c.1
      fn += c.2
    }
    let f1 = 2.0 * Double(tp) / Double(max(1, 2 * tp + fp + fn))
    #expect(f1 >= 0.9, "tp \(tp) fp \(fp) fn \(fn)")
  }
}
