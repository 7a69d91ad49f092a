// libFuzzer target: text → graph through every default extraction stage, checking the invariants of
// Tests/ExtractionTests/PipelineFuzzTests.swift on each input.
import DocumentModel
import Extraction
import Foundation

private let extractor: Extractor = {
  do { return try Extractor() } catch { fatalError("cannot build the extractor: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { UnsafeBufferPointer(start: $0, count: count) } ?? UnsafeBufferPointer(start: nil, count: 0)
  let text = String(decoding: bytes, as: UTF8.self)
  let analyzed = extractor.analyze(Document(id: "fuzz", text: text))
  let doc = analyzed.document
  precondition(doc.text.unicodeScalars.elementsEqual(text.unicodeScalars), "the document text changed")
  let graph = analyzed.makeGraph()
  let violations = graph.invariantViolations()
  precondition(violations.isEmpty, "graph invariants: \(violations)")
  for token in analyzed.tokens { precondition(0 <= token.start && token.start < token.end && token.end <= doc.length) }
  for entity in graph.entities {
    for m in entity.mentions {
      precondition(m.start >= 0 && m.start < m.end && m.end <= doc.length, "mention outside the text: \(entity.id)")
      precondition(m.text == doc.excerpt(from: m.start, to: m.end), "mention text is not the slice: \(entity.id)")
    }
  }
  for r in graph.relations {
    precondition(graph.entity(r.subject) != nil && graph.entity(r.object) != nil, "relation to a missing entity")
    for e in r.evidence {
      precondition(e.start >= 0 && e.start <= e.end && e.end <= doc.length, "evidence outside the text: \(r.key)")
      precondition(e.text == doc.excerpt(from: e.start, to: e.end), "evidence text is not the slice: \(r.key)")
    }
  }
  for quote in analyzed.quotes {
    precondition(0 <= quote.start && quote.start <= quote.end && quote.end <= doc.length, "quote outside the text")
  }
  do {
    let json = try graph.jsonData()
    let again = try KnowledgeGraph(jsonData: json)
    precondition(again == graph, "graph JSON does not round-trip")
  } catch {
    preconditionFailure("graph JSON failed: \(error)")
  }
  return 0
}
