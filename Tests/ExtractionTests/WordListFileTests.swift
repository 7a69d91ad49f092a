import Foundation
import Testing

@testable import Extraction

/// ``WordListFile``: the one loader of categorized word lists.
@Suite struct WordListFileTests {
  enum Cue: String, WordListCategory {
    case speech
    case title
  }

  @Test func readsCategoriesInFileOrder() throws {
    let text = "# comment\nspeech\tSaid\n\ntitle\ttitled\nspeech\tadded\nspeech\tsaid\n"
    let list = try WordListFile<Cue>(name: "cues.tsv", text: text)
    #expect(list[.speech] == ["said", "added"])
    #expect(list.ordered[.speech] == ["said", "added"])
    #expect(list[.title] == ["titled"])
  }

  @Test func windowsLineEndsAreLineEnds() throws {
    let list = try WordListFile<Cue>(name: "cues.tsv", text: "speech\tsaid\r\ntitle\ttitled\r\n")
    #expect(list[.speech] == ["said"])
    #expect(list[.title] == ["titled"])
  }

  @Test func unknownCategoryNamesFileAndLine() {
    #expect {
      _ = try WordListFile<Cue>(name: "cues.tsv", text: "speech\tsaid\nspeach\tadded\n")
    } throws: { error in
      guard let e = error as? ExtractionError else { return false }
      return e.code == .badResource && e.message.contains("cues.tsv line 2") && e.message.contains("speach")
    }
  }

  @Test func lineWithoutAWordIsAnError() {
    #expect(throws: ExtractionError.self) { _ = try WordListFile<Cue>(name: "cues.tsv", text: "speech\n") }
  }

  @Test func fingerprintFollowsTheBytes() throws {
    let a = try WordListFile<Cue>(name: "a.tsv", text: "speech\tsaid\n")
    let b = try WordListFile<Cue>(name: "b.tsv", text: "speech\tsaid\n")
    let c = try WordListFile<Cue>(name: "a.tsv", text: "speech\tsays\n")
    #expect(a.fingerprint == b.fingerprint)
    #expect(a.fingerprint != c.fingerprint)
  }

  @Test func bundledRuleAndFeatureWordsLoad() throws {
    let rules = try EntityRuleWords.bundled()
    #expect(rules.months.count == 12 && rules.months.first == "january" && rules.months.last == "december")
    #expect(rules.speakerVerbs.contains("said"))
    let features = try WordListFile<FeatureWord>.bundled("feature-words", "tsv")
    #expect(features[.organizationNoun].contains("company"))
    #expect(FeatureWord.allCases.allSatisfy { !features[$0].isEmpty })
    let ruleFile = try WordListFile<EntityRuleWord>.bundled("entity-rule-words", "tsv")
    #expect(EntityRuleWord.allCases.allSatisfy { !ruleFile[$0].isEmpty })
  }
}
