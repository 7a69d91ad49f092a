import Testing

@testable import DocumentModel

@Suite struct DocumentTests {
  /// A document's code points are decoded from its UTF-8 by hand: they must be exactly the string's scalars, for
  /// one-, two-, three- and four-byte forms alike.
  @Test(arguments: [
    "", "plain ASCII", "Zoë Ørsted in Tromsø", "€ 5 — “quoted”", "𝄞 music 🇫🇷 flags", "日本語のテキスト",
    "mixed a\u{0301} combining é and \u{10FFFF} last", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
  ])
  func codePointsAreTheStringsScalars(_ text: String) {
    let doc = Document(id: "d", text: text)
    #expect(doc.scalars == Array(text.unicodeScalars))
    #expect(doc.length == text.unicodeScalars.count)
  }
}
