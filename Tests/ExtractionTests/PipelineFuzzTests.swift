import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// Random hostile documents through every default stage: no crash, every offset inside the document,
/// every evidence text equal to the span it names, and a consistent graph that survives JSON.
@Suite struct PipelineFuzzTests {
  /// Pieces that exercise quotes, cues, names, demonyms, titles and awkward characters.
  static let pieces: [String] = [
    "“", "”", "‘", "’", "\"", "'", "«", "»", " said", " told", " according to", " He", " She", " they",
    " Dr.", " Mr.", " U.S.", " Maria Lopez", " Lopez", " Norte Labs", " the Ministry", " Chile", " Chilean",
    " Peruvians", " the US", " Britain", " Paris", " the Summit", " war", " CEO of", ", the", ":", ";", ".",
    "?", "!", "\n", "\n\n", " ", "  ", "\t", "…", "—", "-", "(", ")", "[", "\\", "\\\"", "<script>", "&amp;",
    "😀", "👩‍👩‍👧", "🇨🇱", "שלום", "مرحبا", "e\u{301}", "\u{0}", "\u{7}", "\u{202E}", "\u{FEFF}", "\r\n",
    " 1,000", " 2023-11-16", " Q:", " A:", " noted that", " who sits on the board of", " supports", " not",
    " attacked", " webinar", " titled", " organized by", " moderated by", " ALL CAPS", " x", "Z",
  ]

  /// Every other round runs in segments of 16 to 80 code points (as a document over
  /// `Pipeline.defaultSegmentLength` is run), so the merged results keep the same invariants.
  @Test func randomHostileDocumentsKeepEveryInvariant() throws {
    let extractor = try Extractor()
    var segmented = extractor.pipeline
    var rng = SplitMix(seed: 20_261_125)
    for round in 0..<400 {
      let count = Int.random(in: 0...120, using: &rng)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
      segmented.segmentLength = Int.random(in: 16...80, using: &rng)
      let document = Document(id: "fuzz\(round)", text: text)
      let analyzed = round.isMultiple(of: 2) ? extractor.analyze(document) : segmented.run(document)
      if !round.isMultiple(of: 2) {
        #expect(analyzed.sentences.map(\.index) == Array(analyzed.sentences.indices), "round \(round)")
        #expect(zip(analyzed.mentions, analyzed.mentions.dropFirst()).allSatisfy { $0.start <= $1.start })
        for q in analyzed.quoteRecords() {
          #expect(q.start >= 0 && q.end <= document.length && q.text == document.excerpt(from: q.start, to: q.end))
        }
      }
      let doc = analyzed.document
      let graph = analyzed.makeGraph()
      #expect(graph.invariantViolations().isEmpty, "round \(round)")
      for entity in graph.entities {
        for m in entity.mentions {
          #expect(m.start >= 0 && m.start < m.end && m.end <= doc.length, "round \(round): \(entity.id)")
          #expect(m.text == doc.excerpt(from: m.start, to: m.end), "round \(round): \(entity.id)")
        }
      }
      for r in graph.relations {
        #expect(r.subject != r.object || r.predicate != .mentioned, "round \(round): self-mention")
        for e in r.evidence {
          #expect(e.start >= 0 && e.start <= e.end && e.end <= doc.length, "round \(round): \(r.key)")
          #expect(e.text == doc.excerpt(from: e.start, to: e.end), "round \(round): \(r.key)")
        }
      }
      let json = try graph.jsonData()
      #expect(try KnowledgeGraph(jsonData: json) == graph, "round \(round)")
    }
  }
}
