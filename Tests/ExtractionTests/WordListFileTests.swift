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

/// The byte-level reading of data files the lexicon uses at every start.
@Suite struct DataLineBytesTests {
  @Test func linesAreSplitAtEveryLineBreakAndEmptyOnesSkipped() {
    var lines: [String] = []
    "alpha\nbeta\r\ngamma\r\rdelta\n\n".forEachDataLine { lines.append(String(decoding: $0, as: UTF8.self)) }
    #expect(lines == ["alpha", "beta", "gamma", "delta"])
    #expect(lines == "alpha\nbeta\r\ngamma\r\rdelta\n\n".dataLines().map(String.init))
  }

  @Test func fieldsNumbersAndNamesAreReadFromBytes() {
    var rows: [[String]] = []
    var numbers: [UInt32?] = []
    var people = 0
    "person\t12\t\nplace\tx9\nperson2\t4294967295\n".forEachDataLine { line in
      let fields = line.tabFields()
      rows.append(fields.map { String(decoding: $0, as: UTF8.self) })
      numbers.append(fields[1].decimalValue)
      if fields[0].equals("person") { people += 1 }
    }
    #expect(rows == [["person", "12", ""], ["place", "x9"], ["person2", "4294967295"]])
    #expect(numbers == [12, nil, nil])
    #expect(people == 1)
  }
}
