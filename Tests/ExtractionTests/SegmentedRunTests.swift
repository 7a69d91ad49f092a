import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// A document longer than `Pipeline.segmentLength` is analyzed in segments and merged on the whole document's
/// offsets (issue 12: a 20 MB text took over a gigabyte), with what a reader of the graph needs unchanged.
@Suite struct SegmentedRunTests {
  static let paragraph = """
    “We will not accept new tariffs,” said Mara Quill, the trade minister of Ruritania. \
    Ivo Brand, a spokesman for Fenwick Tooling Inc., said the Iranian offer was late.


    """

  @Test func segmentsCoverTheTextAndCutAfterBlankLines() {
    let text = String(repeating: Self.paragraph, count: 12)
    let scalars = Array(text.unicodeScalars)
    let segments = Pipeline.segments(of: scalars, length: 500)
    #expect(segments.first?.lowerBound == 0 && segments.last?.upperBound == scalars.count)
    #expect(zip(segments, segments.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(segments.allSatisfy { $0.count <= 500 && !$0.isEmpty })
    for s in segments.dropLast() { #expect(scalars[s.upperBound - 1] == "\n" && scalars[s.upperBound - 2] == "\n") }
  }

  @Test func textWithoutBreaksIsCutAtSpacesElseHardButNotBeforeACombiningMark() {
    let words = Array(String(repeating: "abc ", count: 100).unicodeScalars)
    for s in Pipeline.segments(of: words, length: 37).dropLast() { #expect(words[s.upperBound - 1] == " ") }
    let marks = Array(String(repeating: "e\u{301}", count: 100).unicodeScalars)
    let cuts = Pipeline.segments(of: marks, length: 37)
    #expect(cuts.last?.upperBound == marks.count)
    for s in cuts.dropLast() { #expect(marks[s.upperBound] == "e") }
  }

  @Test func segmentedRunFindsWhatTheWholeRunFinds() throws {
    let extractor = try Extractor()
    let document = Document(id: "long", text: String(repeating: Self.paragraph, count: 8))
    let whole = extractor.analyze(document)
    var pipeline = extractor.pipeline
    pipeline.segmentLength = 2 * Self.paragraph.unicodeScalars.count + 10
    let parts = pipeline.run(document)
    #expect(parts.tokens.isEmpty)
    #expect(parts.mentions == whole.mentions)
    #expect(parts.entities == whole.entities)
    #expect(parts.sentences.map(\.start) == whole.sentences.map(\.start))
    #expect(parts.quoteRecords() == whole.quoteRecords())
    let a = parts.makeGraph()
    let b = whole.makeGraph()
    #expect(a.entities == b.entities)
    #expect(a.quotes == b.quotes)
    #expect(a.relations.map(\.key) == b.relations.map(\.key))
    #expect(a.relations.map(\.evidence) == b.relations.map(\.evidence))
    #expect(a.relations.map(\.count) == b.relations.map(\.count))
  }
}

extension SegmentedRunTests {
  /// `build` spools a long document's graph segment by segment (issue 12): the parts, merged, must be the graph of
  /// the segmented run.
  @Test func segmentGraphsMergeIntoTheDocumentsGraph() throws {
    var pipeline = try Extractor().pipeline
    pipeline.segmentLength = 2 * Self.paragraph.unicodeScalars.count + 10
    let extractor = Extractor(pipeline: pipeline)
    let document = Document(id: "long", text: String(repeating: Self.paragraph, count: 8))
    var merged = KnowledgeGraph()
    let spool = try GraphSpool(flushWeight: 10)
    var parts = 0
    try extractor.graphs(of: document) { part in
      parts += 1
      merged.merge(part)
      try spool.add(part)
    }
    #expect(parts == 4)
    let expected = extractor.analyze(document).makeGraph()
    #expect(merged == expected)
    var json = Data()
    try spool.writeJSON { json.append($0) }
    #expect(json == (try expected.jsonData()))
  }
}
