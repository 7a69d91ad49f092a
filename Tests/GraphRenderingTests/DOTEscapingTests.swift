import DocumentModel
import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import GraphRendering
import Testing

@Suite struct DOTEscapingTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a\"b", "a\\\"b"),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two\\nlines"),
    ("crlf\r\nend", "crlf\\nend"),
    ("tab\there", "tab here"),
    ("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"),
    ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"),
    ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
    ("\\N \\G", "\\\\N \\\\G"),
  ])
  func escapesPlainLabelText(input: String, expected: String) {
    #expect(DOTEscaping.escaped(input) == expected)
  }

  @Test func unescapingReversesEscapingForParsedValues() {
    let text = "a\"b\\c\n<d>&e&amp;"
    // The lexer turns \" into " but keeps every other backslash pair.
    let parsed = DOTEscaping.escaped(text).replacingOccurrences(of: "\\\"", with: "\"")
    #expect(DOTEscaping.unescaped(parsed) == text)
  }

  /// 2,000 seeded random hostile names go through the DOT writer; Graphviz's parser must read every
  /// label back intact.
  @Test(.requiresGraphviz) func graphvizReadsBackEveryHostileLabel() throws {
    var rng = SeededGenerator(seed: 20_240_611)
    let names = (0..<2_000).map { _ in HostileStrings.make(using: &rng) }
    let options = DOTWriter.Options(maxLabelLength: nil, wrapWidth: nil)
    for batchStart in stride(from: 0, to: names.count, by: 250) {
      let batch = Array(names[batchStart..<min(batchStart + 250, names.count)])
      let entities = batch.enumerated().map { offset, name in
        Entity(
          id: EntityID(rawValue: "person:e\(String(format: "%04d", offset))"),
          kind: EntityKind.allCases[offset % EntityKind.allCases.count], name: name)
      }
      let graph = KnowledgeGraph(entities: entities)
      let dot = DOTWriter(options: options).dotText(for: graph)
      let labels = try GraphvizRenderer.parseLabels(dot: dot)
      #expect(labels.count == batch.count)
      for (index, entity) in graph.entities.enumerated() {
        let read = labels["n\(index + 1)"].map(DOTEscaping.unescaped)
        #expect(
          read == DOTEscaping.visibleText(entity.name),
          "label of \(entity.name.unicodeScalars.map { String($0.value, radix: 16) }) came back wrong")
      }
    }
  }

  @Test(.requiresGraphviz) func hostileNamesRenderToWellFormedSVG() throws {
    var rng = SeededGenerator(seed: 99)
    let entities = (0..<40).map { i in
      Entity(id: EntityID(rawValue: "person:h\(i)"), kind: .person, name: HostileStrings.make(using: &rng))
    }
    let relations = (0..<39).map { i in
      Relation(
        subject: entities[i].id, predicate: DocumentModel.Predicate(HostileStrings.make(using: &rng)),
        object: entities[i + 1].id,
        confidence: 1, evidence: [TestGraphs.evidence(HostileStrings.make(using: &rng))])
    }
    let options = DOTWriter.Options(title: "<title> & \"quotes\" ] \\", maxLabelLength: nil)
    let dot = DOTWriter(options: options).dotText(for: KnowledgeGraph(entities: entities, relations: relations))
    let svg = try GraphvizRenderer.render(dot: dot, format: .svg, layout: .neato)
    let parser = XMLParser(data: svg)
    #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
  }
}

/// Random strings made of pieces that break naive DOT writers.
enum HostileStrings {
  static let pieces: [String] = [
    "\"", "\\", "\\\\", "\\\"", "\n", "\r\n", "\r", "\t", "<", ">", "&", "&amp;", "&#65;", "&lt;", "{", "}",
    "[", "]", ";", ",", "=", "->", "--", "node", "Node", "GRAPH", "strict", "subgraph", "edge", "digraph",
    "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\l", "\\r", "\\n", "%", "%s", "@", "#", "/*", "*/", "//",
    "<b>", "<<", ">>", "<TABLE>", "]]>", "'", "`", " ", "  ", "", "👩‍👩‍👧", "🇳🇴", "שלום", "مرحبا", "\u{202E}",
    "e\u{301}", "\u{0}", "\u{1}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}",
    "\u{FEFF}", "\u{200B}", "\u{2028}", String(Unicode.Scalar(0xFDD0)!), "漢字", "Ωμέγα", "José", "x", "42", "-1.5",
    "\u{10FFFD}",
  ]

  static func make(using rng: inout SeededGenerator) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...8, using: &rng) {
      if Int.random(in: 0..<5, using: &rng) == 0 {
        text.unicodeScalars.append(randomScalar(using: &rng))
      } else {
        text += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
      }
    }
    return text
  }

  static func randomScalar(using rng: inout SeededGenerator) -> Unicode.Scalar {
    let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x1_0000...0x10_FFFF]
    while true {
      let range = ranges[Int.random(in: 0..<ranges.count, using: &rng)]
      if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { return scalar }
    }
  }
}
