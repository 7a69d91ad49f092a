import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// The NFC offset map: normalized offsets back to the original text's code points (issue 12).
@Suite struct NormalizedTextTests {
  @Test func nfcTextIsLeftAlone() {
    let text = "José Ramírez visited Perú. 😀 שלום"
    let normalized = NormalizedText(text)
    #expect(normalized.isUnchanged)
    #expect(normalized.text.unicodeScalars.elementsEqual(text.unicodeScalars))
    #expect(normalized.originalStart(7) == 7 && normalized.originalEnd(12) == 12)
  }

  @Test func decomposedAccentsAreComposedAndMappedBack() {
    let original = "Jose\u{301} Rami\u{301}rez said"  // 19 code points, NFC has 17
    let normalized = NormalizedText(original)
    #expect(normalized.text.unicodeScalars.count == 17)
    #expect(normalized.text.unicodeScalars.elementsEqual("José Ramírez said".unicodeScalars))
    // "José" is 0..<4 in NFC, 0..<5 in the original; "Ramírez" 5..<12 → 6..<14; "said" 13..<17 → 15..<19.
    #expect((normalized.originalStart(0), normalized.originalEnd(4)) == (0, 5))
    #expect((normalized.originalStart(5), normalized.originalEnd(12)) == (6, 14))
    #expect((normalized.originalStart(13), normalized.originalEnd(17)) == (15, 19))
  }

  @Test func offsetsInsideAChangedClusterWidenToTheWholeCharacter() {
    // U+0344 (combining Greek dialytika tonos) becomes U+0308 U+0301 in NFC: the cluster " \u{344}"
    // (original 1..<3) is 1..<4 in the NFC text.
    let original = "x \u{0344}b"
    let normalized = NormalizedText(original)
    #expect(normalized.text.unicodeScalars.count == 5)
    #expect(normalized.originalStart(2) == 1)
    #expect(normalized.originalEnd(3) == 3)
    #expect((normalized.originalStart(4), normalized.originalEnd(5)) == (3, 4))
  }

  @Test(arguments: [
    "\u{212B}ngstr\u{F6}m", "\u{1100}\u{1161}\u{11A8} 한국", "e\u{301}\u{301}\u{323}x", "\u{FB2C} \u{0958}",
    "\u{212B} A\u{30A} \u{212B} A\u{30A}\u{323} A\u{323}\u{30A}",
  ])
  func everyNormalizedSpanMapsInsideTheOriginal(_ original: String) {
    let normalized = NormalizedText(original)
    let expected = original.precomposedStringWithCanonicalMapping
    #expect(normalized.text.unicodeScalars.elementsEqual(expected.unicodeScalars))
    let count = normalized.text.unicodeScalars.count
    let length = original.unicodeScalars.count
    for start in 0...count {
      for end in start...count {
        let s = normalized.originalStart(start)
        let e = normalized.originalEnd(end)
        #expect(0 <= s && s <= length && e <= length)
        if end > start { #expect(s < e) }
      }
    }
    #expect(normalized.originalEnd(count) == length)
  }

  /// Each cluster's NFC form is remembered while a text is normalized, keyed by `Character`, which compares
  /// canonically equivalent spellings equal: the Angstrom sign and a decomposed "Å" share one entry, and each
  /// must still be recorded as changed by its own length. Past the cache's bound, clusters are normalized anew.
  @Test func rememberedClustersKeepTheirOwnLengths() {
    let original = "\u{212B} A\u{30A} \u{212B}"  // Angstrom sign (1), decomposed Å (2), Angstrom sign (1)
    let normalized = NormalizedText(original)
    #expect(normalized.text.unicodeScalars.elementsEqual("\u{C5} \u{C5} \u{C5}".unicodeScalars))
    #expect((normalized.originalStart(2), normalized.originalEnd(3)) == (2, 4))
    #expect((normalized.originalStart(4), normalized.originalEnd(5)) == (5, 6))
    var many = ""
    for base in "aeiouncszyrltdgk".map(String.init) {
      for first in 0x300..<0x370 {
        for second in [0x301, 0x323, 0x308] {
          many += base + String(Unicode.Scalar(UInt32(first))!) + String(Unicode.Scalar(UInt32(second))!) + " "
        }
      }
    }
    let big = NormalizedText(many)
    #expect(Set(many).count > NormalizedText.cacheLimit)
    #expect(big.text.unicodeScalars.elementsEqual(many.precomposedStringWithCanonicalMapping.unicodeScalars))
    #expect(big.originalEnd(big.text.unicodeScalars.count) == many.unicodeScalars.count)
  }

  /// The same article in NFD and NFC: as many mentions, and every span a slice of the text as read.
  @Test func decomposedArticleIsRecognizedLikeTheComposedOne() throws {
    let composed = """
      José Ramírez, the director of Tellmark, said: “Perú and México must act now.” \
      Ramírez visited Bogotá on Monday with Zoë Ångström of the Kelvale Trust.

      """
    let decomposed = composed.decomposedStringWithCanonicalMapping
    #expect(!decomposed.unicodeScalars.elementsEqual(composed.unicodeScalars))
    let extractor = try Extractor()
    let nfc = extractor.analyze(Document(id: "d", text: composed))
    let nfd = extractor.analyze(Document(id: "d", text: decomposed))
    #expect(nfd.mentions.count == nfc.mentions.count)
    #expect(nfd.mentions.count >= 5)
    let graph = nfd.makeGraph()
    #expect(graph.entities.map(\.id) == nfc.makeGraph().entities.map(\.id))
    #expect(graph.relations.map(\.key) == nfc.makeGraph().relations.map(\.key))
    let doc = nfd.document
    #expect(doc.text.unicodeScalars.elementsEqual(decomposed.unicodeScalars))
    for entity in graph.entities {
      for m in entity.mentions {
        #expect(m.end <= doc.length && m.text == doc.excerpt(from: m.start, to: m.end), "\(entity.id)")
      }
    }
    for relation in graph.relations {
      for e in relation.evidence {
        #expect(e.end <= doc.length && e.text == doc.excerpt(from: e.start, to: e.end), "\(relation.key)")
      }
    }
    for quote in nfd.quotes {
      #expect(quote.start <= quote.end && quote.end <= doc.length)
      if let cue = quote.cue { #expect(cue.text == doc.excerpt(from: cue.start, to: cue.end)) }
    }
    // Quote records: the words, the speaker's words and the cue are slices of the text as read.
    #expect(graph.quotes.map(\.kind) == nfc.makeGraph().quotes.map(\.kind))
    #expect(graph.quotes.contains { $0.speakerMention?.text == "José Ramírez".decomposedStringWithCanonicalMapping })
    for q in graph.quotes {
      #expect(q.end <= doc.length && q.text == doc.excerpt(from: q.start, to: q.end))
      for span in [q.speakerMention, q.cue].compactMap({ $0 }) {
        #expect(span.end <= doc.length && span.text == doc.excerpt(from: span.start, to: span.end))
      }
    }
    for token in nfd.tokens { #expect(token.start < token.end && token.end <= doc.length) }
  }
}
