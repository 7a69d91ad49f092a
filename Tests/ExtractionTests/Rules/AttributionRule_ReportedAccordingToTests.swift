import DocumentModel
import Testing

@testable import Extraction

/// `ReportedAccordingToRule`: "According to X, …" and "…, according to X." go to X.
@Suite struct AttributionRule_ReportedAccordingToTests {
  @Test func openingASentence() {
    let doc = attributeRuleFixture("According to Tomas Brandt, the new bridge over the river will open in the spring.")
    let a = doc.attribution(of: "new bridge")
    #expect(a?.speaker == "Tomas Brandt", "\(doc.debugDump())")
    #expect(a?.rule == .accordingTo, "\(doc.debugDump())")
  }

  @Test func closingASentence() {
    let doc = attributeRuleFixture(
      "The new bridge over the river will open in the spring, according to the Harbor Trust.")
    let a = doc.attribution(of: "new bridge")
    #expect(a?.speaker == "Harbor Trust", "\(doc.debugDump())")
    #expect(a?.rule == .accordingTo, "\(doc.debugDump())")
  }

  @Test func aPronounResolvesToTheLastSpeaker() {
    let doc = attributeRuleFixture(
      "Ilse Varga spoke first. According to her, the ferries to Chile will run twice a week.")
    #expect(doc.attribution(of: "ferries")?.speaker == "Ilse Varga", "\(doc.debugDump())")
  }
}
