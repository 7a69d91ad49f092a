import DocumentModel
import Testing

@testable import Extraction

/// ``BracketedAcronymRule``: an acronym in brackets after a name is a name of the same kind.
@Suite struct EntityRuleBracketedAcronymTests {
  @Test func bracketedAcronymTakesTheNamesKind() throws {
    let doc = try RuleDocument("The Water Policy Council (WPC) met.")
    let out = doc.run(BracketedAcronymRule(), [try doc.span("Water Policy Council", .organization)])
    #expect(doc.describe(out) == ["Water Policy Council=organization@tagger", "WPC=organization@acronym"])
  }

  @Test func bracketedWordThatIsNoAcronymIsLeft() throws {
    let doc = try RuleDocument("The Water Policy Council (ABC) met.")
    let out = doc.run(BracketedAcronymRule(), [try doc.span("Water Policy Council", .organization)])
    #expect(doc.describe(out) == ["Water Policy Council=organization@tagger"])
  }
}
