import DocumentModel
import Testing

@testable import Extraction

@Suite struct EntityRobustnessTests {
  @Test(arguments: [
    "",
    "   \n\n  ",
    "NO PUNCTUATION AT ALL JUST SHOUTING ABOUT PARIS AND THE UNITED NATIONS AND DR SMITH FOREVER",
    "emoji 😀👩‍👩‍👧 in the middle of Oslo 🇳🇴 text",
    "שלום עולם and مرحبا بالعالم with Cairo inside",
    "combining e\u{301}\u{302}\u{303} marks near Zu\u{308}rich and Ame\u{301}lie",
    "control \u{0}\u{7}\u{1B}[31m characters \u{202E}reversed\u{202C} near London",
    "“Unbalanced ‘quotes” and (brackets near Berlin",
    String(repeating: "Capital Word ", count: 2000),
  ])
  func hostileTextKeepsOffsetsInside(text: String) throws {
    let a = try EntityFixtures.analyze(text)
    for m in a.mentions {
      #expect(m.start >= 0 && m.start < m.end && m.end <= a.document.length)
    }
    for e in a.entities.values {
      for m in e.mentions { #expect(m.text == a.document.excerpt(from: m.start, to: m.end)) }
    }
  }
}
