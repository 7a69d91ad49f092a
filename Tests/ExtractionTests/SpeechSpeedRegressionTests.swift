import DocumentModel
import Testing

@testable import Extraction

/// The speech stage keeps `mentioned` evidence as offsets and builds each piece's text once: the evidence it
/// hands out must still be exactly the sentence pieces of the old code (sorted, distinct, text = offsets).
@Suite struct SpeechSpeedRegressionTests {
  /// A run-on document where every few words hold a speech cue, as hostile input does.
  static func denseCueText() -> String {
    let pieces = [
      "Maria Lopez", "said", "the", "Andean Water Council", "Peru", "and", "Chile", "Jonas Berg", "told", "the",
      "Nordic Grid Agency", "that", "Norway", "would", "wait",
    ]
    var rng: UInt64 = 42
    var words: [String] = []
    for _ in 0..<1_500 {
      rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      words.append(pieces[Int((rng >> 33) % UInt64(pieces.count))])
    }
    return words.joined(separator: " ")
  }

  @Test func mentionedEvidenceIsTheSentencePieces() throws {
    let text = Self.denseCueText()
    let document = Document(id: "dense", text: text)
    let doc = try Extractor().analyze(document)
    let mentioned = doc.relations.filter { $0.predicate == .mentioned && $0.source == "quote-attribution" }
    #expect(!mentioned.isEmpty)
    // The pieces the old code built, one per counted mention, recomputed here from the quotes.
    let context = SpeakerContext(doc)
    var expected: [RelationKey: Set<Evidence>] = [:]
    var counted: Set<[String]> = []
    for q in doc.quotes {
      guard let speaker = q.speaker else { continue }
      for m in context.mentions(in: q.start, q.end) where m.entity != speaker {
        guard counted.insert([speaker.description, String(m.start)]).inserted else { continue }
        let key = RelationKey(subject: speaker, predicate: .mentioned, object: m.entity)
        expected[key, default: []].insert(context.sentencePiece(m.start, m.end, within: q.start..<q.end))
      }
    }
    #expect(mentioned.count == expected.count)
    for r in mentioned {
      #expect(r.evidence == expected[r.key]?.sorted())
      for e in r.evidence { #expect(e.text == document.excerpt(from: e.start, to: e.end)) }
    }
  }

  /// Dense cues make many overlapping reported quotes, but each stays bounded (the clause reach).
  @Test func denseCuesGiveBoundedQuotes() throws {
    let text = Self.denseCueText()
    let doc = try Extractor().analyze(Document(id: "dense", text: text))
    #expect(!doc.quotes.isEmpty)
    let words = text.split(separator: " ").count
    #expect(doc.quotes.count <= words)
    #expect(doc.quotes.allSatisfy { $0.end - $0.start <= 1_500 })
  }

  /// Board seats and "organized by" look back only over their own sentence's mentions: the nearest person
  /// (or event) before the verb in the sentence, never one of an earlier sentence.
  @Test func seatAndEventLookBackWithinTheSentence() {
    let text = """
      Nora Vance met Ivan Petrov. Sara Lind sits on the board of directors of Harbor Trust. \
      Marco Diaz and Ana Ruiz sit on the board of directors of Open Roads. \
      The Delta Forum was held in May. The Coast Summit was organized by Harbor Trust.
      """
    var doc = makeSpeechDocument(
      text,
      [
        .person("Nora Vance"), .person("Ivan Petrov"), .person("Sara Lind"), .person("Marco Diaz"),
        .person("Ana Ruiz"), .org("Harbor Trust"), .org("Open Roads"), .event("Delta Forum"), .event("Coast Summit"),
      ])
    RelationExtractor().process(&doc)
    let lines = doc.relationLines()
    #expect(lines.contains("Sara Lind board_member_of Harbor Trust"))
    #expect(lines.contains("Ana Ruiz board_member_of Open Roads"))
    #expect(
      !lines.contains { $0.hasPrefix("Ivan Petrov board_member_of") || $0.hasPrefix("Marco Diaz board_member_of") })
    #expect(lines.contains("Harbor Trust organized Coast Summit"))
    #expect(!lines.contains("Harbor Trust organized Delta Forum"))
  }
}
