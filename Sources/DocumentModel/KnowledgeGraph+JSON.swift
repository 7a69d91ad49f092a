import Foundation

extension KnowledgeGraph {
  private enum CodingKeys: String, CodingKey { case documents, entities, relations, quotes }

  /// Decodes a graph in the interchange shape (`documents`, `entities`, `relations`, `quotes`), re-sorting it.
  /// A graph written before quote records existed has no `quotes` key and decodes with none.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      documents: try c.decodeIfPresent([DocumentInfo].self, forKey: .documents) ?? [],
      entities: try c.decodeIfPresent([Entity].self, forKey: .entities) ?? [],
      relations: try c.decodeIfPresent([Relation].self, forKey: .relations) ?? [],
      quotes: try c.decodeIfPresent([QuoteRecord].self, forKey: .quotes) ?? [])
  }

  /// Encodes the graph; keys are written in a fixed order by ``jsonData()``.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(documents, forKey: .documents)
    try c.encode(entities, forKey: .entities)
    try c.encode(relations, forKey: .relations)
    try c.encode(quotes, forKey: .quotes)
  }

  /// The graph as pretty-printed JSON with sorted keys: byte-identical for the same graph.
  ///
  /// The bytes are those `JSONEncoder` writes for the whole graph (pretty-printed, sorted keys, slashes
  /// unescaped), built by ``writeJSON(_:)``.
  public func jsonData() throws -> Data {
    var data = Data()
    try writeJSON { data.append($0) }
    return data
  }

  /// Writes ``jsonData()`` in pieces of about a megabyte to `write`, encoding up to 64 documents, entities,
  /// quotes or relations at a time, so writing the graph of a 20 MB text to a file needs little more memory than
  /// 64 entries' JSON (encoding the whole graph at once held several times the 250 MB of JSON it wrote).
  public func writeJSON(_ write: (Data) throws -> Void) throws {
    try withoutActuallyEscaping(write) { write in
      var writer = GraphJSONWriter(write)
      try writer.section("documents", documents)
      try writer.section("entities", entities)
      try writer.section("quotes", quotes)
      try writer.section("relations", relations)
      try writer.finish()
    }
  }

  /// Reads a graph from JSON in the interchange shape.
  public init(jsonData: Data) throws {
    self = try JSONDecoder().decode(KnowledgeGraph.self, from: jsonData)
  }
}

/// An entry of the graph JSON with one list that can be long: an entity's mentions, a relation's evidence, a
/// quote's mentions. The JSON writer and the spool's run files cut work by this list's length, and write an entry
/// whose list is long in pieces.
protocol GraphJSONEntry: Encodable {
  associatedtype Item: Encodable
  /// The JSON key of the list.
  static var listKey: String { get }
  /// The list.
  var list: [Item] { get set }
  /// Whether a run file may write this entry as several with slices of its list (``runPieces(of:)``).
  var listCanBeCut: Bool { get }
}

extension Entity: GraphJSONEntry {
  static var listKey: String { "mentions" }
  var listCanBeCut: Bool { true }
  var list: [Evidence] {
    get { mentions }
    set { mentions = newValue }
  }
}

extension Relation: GraphJSONEntry {
  static var listKey: String { "evidence" }
  /// Absorbing the slices gives `max(count, distinct evidence)`: its own count only when that is the larger.
  var listCanBeCut: Bool { count >= evidence.count }
  var list: [Evidence] {
    get { evidence }
    set { evidence = newValue }
  }
}

extension QuoteRecord: GraphJSONEntry {
  static var listKey: String { "mentions" }
  var listCanBeCut: Bool { false }
  var list: [EntityID] {
    get { mentions }
    set { mentions = newValue }
  }
}

extension DocumentInfo: GraphJSONEntry {
  static var listKey: String { "" }
  var listCanBeCut: Bool { false }
  var list: [Int] {
    get { [] }
    set {}
  }
}

/// Writes the graph JSON object (``KnowledgeGraph/writeJSON(_:)``) one section at a time, pulling the entries
/// of each section from a source, so a caller that streams them (``GraphSpool``) writes the same bytes as the
/// graph in memory would.
///
/// Entries are encoded in batches of up to 64, or of about ``batchWeight`` list items, each batch as an array
/// alone and indented into place: the pretty-printed form of a value nested one level deeper is its own form with
/// every non-empty line indented by two more spaces (strings hold no raw line breaks), and a batch's elements are
/// the lines between its `[` and `]`. An entry whose list is longer than that (an entity named 150,000 times in a
/// 20 MB text) is encoded with its list empty and the list spliced in, ``batchWeight`` items at a time: the
/// encoder holds a tree of everything it encodes at once, which for such entries took hundreds of megabytes.
struct GraphJSONWriter {
  private let encoder = JSONEncoder()
  private var buffer: [UInt8] = []
  private let write: (Data) throws -> Void
  private var sections = 0

  /// The four sections, in the order they must be written.
  static let sectionKeys = ["documents", "entities", "quotes", "relations"]
  /// List items (plus one per entry) encoded at once at most, unless a batch is a single entry.
  static let batchWeight = 2_048

  init(_ write: @escaping (Data) throws -> Void) {
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    buffer.reserveCapacity(1 << 21)
    buffer += Array("{\n".utf8)
    self.write = write
  }

  /// Writes the next section from an array.
  mutating func section<T: GraphJSONEntry>(_ key: String, _ items: [T]) throws {
    var i = items.makeIterator()
    try section(key) { i.next() }
  }

  /// Writes the next section (in ``sectionKeys`` order) with the entries `next` returns until it returns nil.
  mutating func section<T: GraphJSONEntry>(_ key: String, _ next: () throws -> T?) throws {
    precondition(sections < Self.sectionKeys.count && Self.sectionKeys[sections] == key, "sections out of order")
    sections += 1
    buffer += Array("  \"\(key)\" : [\n".utf8)
    var batch: [T] = []
    batch.reserveCapacity(64)
    var weight = 0
    while let item = try next() {
      let w = item.list.count + 1
      if !batch.isEmpty && (batch.count == 64 || weight + w > Self.batchWeight) {
        try append(batch, isLast: false)
        batch.removeAll(keepingCapacity: true)
        weight = 0
      }
      batch.append(item)
      weight += w
    }
    if batch.isEmpty { buffer.append(0x0A) } else { try append(batch, isLast: true) }
    buffer += Array((sections == Self.sectionKeys.count ? "  ]\n" : "  ],\n").utf8)
  }

  /// Closes the object and writes what is left.
  mutating func finish() throws {
    precondition(sections == Self.sectionKeys.count, "a section is missing")
    buffer += Array("}\n".utf8)
    try flush(atLeast: 1)
  }

  private mutating func append<T: GraphJSONEntry>(_ batch: [T], isLast: Bool) throws {
    if batch.count == 1 && batch[0].list.count > Self.batchWeight {
      try appendInPieces(batch[0])
    } else {
      let data = try encoder.encode(batch)
      // "[\n" + elements (indented by 2) + "\n]": keep the elements, indented by 2 more.
      data.withUnsafeBytes { raw in Self.appendIndented(raw[2..<(raw.count - 2)], by: 2, to: &buffer) }
    }
    buffer += isLast ? [0x0A] : [0x2C, 0x0A]
    try flush(atLeast: 1 << 20)
  }

  /// One entry whose list is long: the entry with an empty list, its lines up to the list's `[` written, then the
  /// list's items a batch at a time, then the rest of the entry's lines.
  private mutating func appendInPieces<T: GraphJSONEntry>(_ entry: T) throws {
    var shell = entry
    let list = shell.list
    shell.list = []
    let data = [UInt8](try encoder.encode([shell]))
    // In `[shell]` the entry's keys are indented by 4, and an empty list is written "[", a blank line, "]".
    let marker = Array("\n    \"\(T.listKey)\" : [\n".utf8)
    guard let at = Self.firstRange(of: marker, in: data) else {
      preconditionFailure("\(T.listKey) not found in the encoded entry")
    }
    Self.appendIndented(data[2..<at.upperBound], by: 2, to: &buffer)
    var first = 0
    while first < list.count {
      let end = min(list.count, first + Self.batchWeight)
      let items = try encoder.encode(Array(list[first..<end]))
      // The items sit 6 deep in `[shell]`, 8 in the output: their own encoding's 2, plus 6.
      items.withUnsafeBytes { raw in Self.appendIndented(raw[2..<(raw.count - 2)], by: 6, to: &buffer) }
      if end < list.count { buffer += [0x2C, 0x0A] }
      try flush(atLeast: 1 << 20)
      first = end
    }
    // What follows the marker starts with the empty list's blank line: here the end of the last item's line.
    Self.appendIndented(data[at.upperBound..<(data.count - 2)], by: 2, to: &buffer)
  }

  /// Appends `body` with every non-empty line (the first one included) indented by `spaces` more.
  private static func appendIndented<C: Collection<UInt8>>(_ body: C, by spaces: Int, to buffer: inout [UInt8])
  where C.Index == Int {
    let pad = [UInt8](repeating: 0x20, count: spaces)
    var from = body.startIndex
    if from < body.endIndex && body[from] != 0x0A { buffer += pad }
    var i = from
    while i < body.endIndex {
      if body[i] == 0x0A {
        buffer += body[from...i]
        from = i + 1
        if from < body.endIndex && body[from] != 0x0A { buffer += pad }
      }
      i += 1
    }
    buffer += body[from..<body.endIndex]
  }

  private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard needle.count <= haystack.count else { return nil }
    var i = 0
    while i <= haystack.count - needle.count {
      if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) {
        return i..<(i + needle.count)
      }
      i += 1
    }
    return nil
  }

  private mutating func flush(atLeast limit: Int) throws {
    guard buffer.count >= limit else { return }
    try write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
