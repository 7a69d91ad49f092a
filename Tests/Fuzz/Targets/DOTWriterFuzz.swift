// libFuzzer target: any graph → DOT that Graphviz's parser (agmemread) reads back with equal labels.
import DocumentModel
import Foundation
import GraphRendering

/// Splits the input into strings (on byte 0x1F) used as names, predicates, evidence and attributes.
private func pieces(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
  bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOTWriter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { UnsafeBufferPointer(start: $0, count: count) } ?? UnsafeBufferPointer(start: nil, count: 0)
  let strings = pieces(bytes)
  guard !strings.isEmpty else { return 0 }
  var entities: [Entity] = []
  for (index, name) in strings.prefix(40).enumerated() {
    let kind = EntityKind.allCases[index % EntityKind.allCases.count]
    entities.append(
      Entity(
        id: EntityID(rawValue: "\(kind.rawValue):e\(String(format: "%03d", index))"), kind: kind, name: name,
        aliases: index.isMultiple(of: 3) ? [name + "x"] : [],
        attributes: index.isMultiple(of: 4) ? ["title": name] : [:],
        confidence: Double(index % 10) / 9))
  }
  var relations: [Relation] = []
  for index in 0..<max(0, entities.count - 1) {
    let text = strings[(index * 7 + 3) % strings.count]
    relations.append(
      Relation(
        subject: entities[index].id, predicate: index.isMultiple(of: 2) ? .mentioned : DocumentModel.Predicate(text),
        object: entities[(index * 5 + 1) % entities.count].id, confidence: 0.5,
        evidence: [Evidence(doc: text, start: 0, end: text.unicodeScalars.count, text: text)]))
  }
  let graph = KnowledgeGraph(
    documents: [DocumentInfo(id: strings[0], path: strings.last ?? "", sha256: "", length: 0)], entities: entities,
    relations: relations)
  let options = DOTWriter.Options(title: strings.last, maxLabelLength: nil, wrapWidth: nil)
  let dot = DOTWriter(options: options).dotText(for: graph)
  precondition(dot == DOTWriter(options: options).dotText(for: graph), "DOT output is not deterministic")
  let labels: [String: String]
  do {
    labels = try GraphvizRenderer.parseLabels(dot: dot)
  } catch {
    preconditionFailure("Graphviz cannot parse the writer's DOT: \(error)\n\(dot)")
  }
  for (index, entity) in graph.entities.enumerated() {
    let read = labels["n\(index + 1)"].map(DOTEscaping.unescaped)
    precondition(
      read == DOTEscaping.visibleText(entity.name),
      "label of \(entity.name.unicodeScalars.map { String($0.value, radix: 16) }) came back as \(String(describing: read))"
    )
  }
  return 0
}
