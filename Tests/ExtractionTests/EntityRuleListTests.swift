import DocumentModel
import Testing

@testable import Extraction

/// ``EntityRecognizer/rules``: the named passes in order, and the rule ids they declare.
@Suite struct EntityRuleListTests {
  @Test func passesHaveUniqueNamesInTheirOrder() {
    let names = EntityRecognizer.rules.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(names.first == "exact-typing" && names.last == "non-name")
    // The overlap policy runs after every pass that proposes names and before the document-level passes.
    let overlap = names.firstIndex(of: "overlaps") ?? -1
    #expect(overlap > (names.firstIndex(of: "speaker-name") ?? Int.max))
    #expect(overlap < (names.firstIndex(of: "majority-kind") ?? -1))
  }

  @Test func everySourceTheRecognizerWritesIsDeclaredByAPassOrTheProposal() throws {
    // Proposal writes tagger / cue-chunker; the canonicalizer turns role and group spans into role / group.
    let declared = Set(EntityRecognizer.rules.flatMap(\.writes)).union([.tagger, .cueChunker, .group, .role])
    let a = try EntityFixtures.analyze(
      """
      Dr. Ana Brastow, who chairs the Water Policy Council (WPC), spoke at a webinar titled “Rivers of Quellbrook”
      on May 3, 2024. “We must act,” said Dovra Kestrin of the Bank of Peru. Brastow later met Peruvian farmers
      after the March 3 attack, and the Zarovian Revolution came up.
      """)
    #expect(!a.mentions.isEmpty)
    for m in a.mentions { #expect(declared.contains(m.source), "\(m.source) is written by no declared pass") }
  }
}
