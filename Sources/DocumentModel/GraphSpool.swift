import Foundation

/// A graph merged from many parts (documents, or segments of a long one) and written out without holding all of
/// it in memory.
///
/// Parts are added in order. Small ones are held in memory; once they hold about ``flushWeight`` mentions,
/// evidence pieces, quotes, entities and relations, they are merged into a *run*: three sorted files (entities,
/// relations, quotes) in a temporary folder. ``writeJSON(_:)`` and ``graph()`` merge the runs in one pass, so the
/// memory needed is that of one part plus one entry per run, not that of the graph (the graph of a 20 MB text
/// took over a gigabyte, issue 12).
///
/// The result equals merging the parts into one ``KnowledgeGraph`` in the order they were added:
/// ``writeJSON(_:)`` writes the bytes ``KnowledgeGraph/writeJSON(_:)`` would.
///
/// ```swift
/// let spool = try GraphSpool()
/// for part in parts { try spool.add(part) }
/// try spool.writeJSON { handle.write($0) }
/// ```
///
/// Not thread-safe: add parts from one thread. The temporary folder is removed when the spool is released
/// (or by ``removeFiles()``).
public final class GraphSpool {
  /// What was written by ``writeJSON(_:)``: how many entries of each kind.
  public struct Totals: Equatable, Sendable {
    public var documents: Int
    public var entities: Int
    public var relations: Int
    public var quotes: Int

    public init(documents: Int = 0, entities: Int = 0, relations: Int = 0, quotes: Int = 0) {
      self.documents = documents
      self.entities = entities
      self.relations = relations
      self.quotes = quotes
    }
  }

  /// About 150,000 mentions, evidence pieces, quotes, entities and relations: some 30–60 MB in memory.
  public static let defaultFlushWeight = 150_000
  /// Runs of one level merged into one run of the next level (see ``fanIn``).
  public static let defaultFanIn = 64

  /// The weight (mentions, evidence pieces, quotes, entities, relations) held in memory before a run is written.
  public let flushWeight: Int
  /// How many runs of the same level are merged into one run of the next level as soon as there are that many:
  /// every entry is rewritten once per level (log base `fanIn` of the number of runs), and the final merge reads at
  /// most `fanIn` runs per level, so open files and the entries read ahead from each run stay few.
  public let fanIn: Int
  /// The folder holding the runs.
  public let folder: URL

  private var catalog = KnowledgeGraph()
  /// Parts held in memory, in the order they were added (merged only when written: merging each into the
  /// others as it came re-sorted the growing lists once per part).
  private var pending: [KnowledgeGraph] = []
  private var pendingWeight = 0
  private var runs: [Run] = []
  private var nextRun = 0

  /// Creates an empty spool whose runs go in a new folder inside `parent` (default: the temporary folder).
  ///
  /// - Throws: the file system's error when the folder cannot be made.
  public init(
    in parent: URL? = nil, flushWeight: Int = GraphSpool.defaultFlushWeight, fanIn: Int = GraphSpool.defaultFanIn
  ) throws {
    self.flushWeight = max(1, flushWeight)
    self.fanIn = max(2, fanIn)
    folder = (parent ?? FileManager.default.temporaryDirectory)
      .appendingPathComponent("graph-spool-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit { removeFiles() }

  /// Removes the temporary folder; the spool must not be used afterwards.
  public func removeFiles() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// How many runs have been written so far (0 while everything fits in memory).
  public var runCount: Int { runs.count }

  /// Adds a part. A part as heavy as half of ``flushWeight`` is written as a run of its own, after what is held.
  ///
  /// - Throws: the file system's error when a run cannot be written (a full disk).
  public func add(_ part: KnowledgeGraph) throws {
    for d in part.documents { catalog.add(d) }
    let weight = Self.weight(of: part)
    if weight * 2 >= flushWeight {
      try flushPending()
      try flush([part])
      return
    }
    pending.append(part)
    pendingWeight += weight
    if pendingWeight >= flushWeight { try flushPending() }
  }

  /// Writes the merged graph as ``KnowledgeGraph/writeJSON(_:)`` would, in pieces of about a megabyte.
  ///
  /// - Returns: how many documents, entities, relations and quotes were written.
  @discardableResult
  public func writeJSON(_ write: (Data) throws -> Void) throws -> Totals {
    var totals = Totals(documents: catalog.documents.count)
    try withoutActuallyEscaping(write) { write in
      var writer = GraphJSONWriter(write)
      try writer.section("documents", catalog.documents)
      try withSources { entities, relations, quotes in
        try writer.section("entities") {
          try entities.next().map {
            totals.entities += 1; return $0
          }
        }
        try writer.section("quotes") {
          try quotes.next().map {
            totals.quotes += 1; return $0
          }
        }
        try writer.section("relations") {
          try relations.next().map {
            totals.relations += 1; return $0
          }
        }
      }
      try writer.finish()
    }
    return totals
  }

  /// The merged graph in memory, for a caller that needs all of it (a diagram).
  public func graph() throws -> KnowledgeGraph {
    var entities: [Entity] = []
    var relations: [Relation] = []
    var quotes: [QuoteRecord] = []
    try withSources { e, r, q in
      while let x = try e.next() { entities.append(x) }
      while let x = try r.next() { relations.append(x) }
      while let x = try q.next() { quotes.append(x) }
    }
    return KnowledgeGraph(documents: catalog.documents, entities: entities, relations: relations, quotes: quotes)
  }

  // MARK: - Runs

  private struct Run {
    var entities: URL
    var relations: URL
    var quotes: URL
    /// 0 for a run written from memory, n + 1 for one merged from runs of level n.
    var level: Int
    var all: [URL] { [entities, relations, quotes] }
  }

  private static func weight(of g: KnowledgeGraph) -> Int {
    g.entities.reduce(g.entities.count) { $0 + $1.mentions.count }
      + g.relations.reduce(g.relations.count) { $0 + $1.evidence.count } + g.quotes.count
  }

  private func flushPending() throws {
    guard !pending.isEmpty else { return }
    let held = pending
    pending = []
    pendingWeight = 0
    try flush(held)
  }

  /// Writes `parts`, merged, as a run of level 0 after the others, then compacts.
  private func flush(_ parts: [KnowledgeGraph]) throws {
    runs.append(try mergedRun(of: [], plus: parts, level: 0))
    try compact()
  }

  /// A new run of `level` holding `sources` and then `held`, merged.
  private func mergedRun(of sources: [Run], plus held: [KnowledgeGraph] = [], level: Int) throws -> Run {
    let run = newRun(level: level)
    try withRunSources(sources, plus: held) { e, r, q in
      try RunFile.write(to: run.entities) { try e.next() }
      try RunFile.write(to: run.relations) { try r.next() }
      try RunFile.write(to: run.quotes) { try q.next() }
    }
    return run
  }

  private func newRun(level: Int) -> Run {
    nextRun += 1
    let base = folder.appendingPathComponent("run-\(nextRun)")
    return Run(
      entities: base.appendingPathExtension("entities"), relations: base.appendingPathExtension("relations"),
      quotes: base.appendingPathExtension("quotes"), level: level)
  }

  /// While the last ``fanIn`` runs have the same level, merges them into one run of the next level. They are the
  /// latest runs, so the order in which parts were added is kept.
  private func compact() throws {
    while runs.count >= fanIn, case let tail = runs.suffix(fanIn), tail.allSatisfy({ $0.level == tail.first!.level }) {
      let run = try mergedRun(of: Array(tail), level: tail.first!.level + 1)
      for old in tail { for url in old.all { try? FileManager.default.removeItem(at: url) } }
      runs.removeLast(fanIn)
      runs.append(run)
    }
  }

  /// Calls `body` with the merged entities, relations and quotes of the runs and of what is held in memory (held
  /// last: it was added last).
  private func withSources(
    _ body: (inout MergedSource<Entity>, inout MergedSource<Relation>, inout MergedSource<QuoteRecord>) throws -> Void
  ) throws {
    try withRunSources(runs, plus: pending, body)
  }

  /// Calls `body` with the merged entities, relations and quotes of `runs`, then of the parts `held` in memory.
  private func withRunSources(
    _ runs: [Run], plus held: [KnowledgeGraph] = [],
    _ body: (inout MergedSource<Entity>, inout MergedSource<Relation>, inout MergedSource<QuoteRecord>) throws -> Void
  ) throws {
    typealias Sources<T> = [any EntrySource<T>]
    func sources<T: GraphJSONEntry & RunRecord>(_ file: KeyPath<Run, URL>, _ list: KeyPath<KnowledgeGraph, [T]>)
      throws -> Sources<T>
    {
      let files: Sources<T> = try runs.map { try RunFile.Reader<T>(url: $0[keyPath: file]) }
      return files + held.filter { !$0[keyPath: list].isEmpty }.map { ArraySource(items: $0[keyPath: list]) }
    }
    var entities = try MergedSource(
      sources(\.entities, \.entities), less: { $0.id < $1.id }, same: { $0.id == $1.id },
      combine: { $0.absorb(contentsOf: $1) })
    var relations = try MergedSource(
      sources(\.relations, \.relations), less: { $0.key < $1.key }, same: { $0.key == $1.key },
      combine: { $0.absorb(contentsOf: $1) })
    // Quote ids name their document and span, and a document is added once (or segment by segment): two runs
    // never hold the same record. Should they, the later one wins, as in `KnowledgeGraph.add(quotes:)`.
    var quotes = try MergedSource(
      sources(\.quotes, \.quotes), less: { $0 < $1 }, same: { $0.id == $1.id }, combine: { $0 = $1.last! })
    try body(&entities, &relations, &quotes)
  }
}

// MARK: - Sources and the k-way merge

/// Entries in canonical order, one at a time.
protocol EntrySource<Entry> {
  associatedtype Entry
  mutating func next() throws -> Entry?
}

private struct ArraySource<Entry>: EntrySource {
  var items: [Entry]
  var index = 0
  mutating func next() -> Entry? {
    guard index < items.count else { return nil }
    defer { index += 1 }
    return items[index]
  }
}

/// The entries of several sorted sources in order, with entries that are the same (same id or key) combined in
/// source order: the first one's value absorbs the later ones (all at once), as merging the sources one after
/// another would.
///
/// A binary heap of the sources' heads ordered by (entry, source index): O(log k) per entry.
struct MergedSource<Entry>: EntrySource {
  private var sources: [any EntrySource<Entry>]
  private var heads: [Entry?]
  private var heap: [Int] = []
  private let less: (Entry, Entry) -> Bool
  private let same: (Entry, Entry) -> Bool
  private let combine: (inout Entry, [Entry]) -> Void

  init(
    _ sources: [any EntrySource<Entry>], less: @escaping (Entry, Entry) -> Bool,
    same: @escaping (Entry, Entry) -> Bool, combine: @escaping (inout Entry, [Entry]) -> Void
  ) throws {
    self.sources = sources
    self.less = less
    self.same = same
    self.combine = combine
    heads = Array(repeating: nil, count: sources.count)
    for i in sources.indices {
      heads[i] = try self.sources[i].next()
      if heads[i] != nil { push(i) }
    }
  }

  mutating func next() throws -> Entry? {
    guard var entry = try pop() else { return nil }
    var later: [Entry] = []
    while let top = heap.first, same(heads[top]!, entry) { later.append(try pop()!) }
    if !later.isEmpty { combine(&entry, later) }
    return entry
  }

  /// Takes the smallest head and refills it from its source.
  private mutating func pop() throws -> Entry? {
    guard let i = heap.first else { return nil }
    let entry = heads[i]!
    heads[i] = try sources[i].next()
    if heads[i] != nil {
      siftDown(0)
    } else {
      heap.swapAt(0, heap.count - 1)
      heap.removeLast()
      if !heap.isEmpty { siftDown(0) }
    }
    return entry
  }

  private func before(_ a: Int, _ b: Int) -> Bool {
    let x = heads[a]!
    let y = heads[b]!
    if less(x, y) { return true }
    if less(y, x) { return false }
    return a < b
  }

  private mutating func push(_ i: Int) {
    heap.append(i)
    var c = heap.count - 1
    while c > 0 {
      let p = (c - 1) / 2
      guard before(heap[c], heap[p]) else { break }
      heap.swapAt(c, p)
      c = p
    }
  }

  private mutating func siftDown(_ start: Int) {
    var p = start
    while true {
      let l = 2 * p + 1
      let r = l + 1
      var m = p
      if l < heap.count && before(heap[l], heap[m]) { m = l }
      if r < heap.count && before(heap[r], heap[m]) { m = r }
      if m == p { return }
      heap.swapAt(p, m)
      p = m
    }
  }
}

// MARK: - Run files

/// A run file: the entries in canonical order, each as a ``RunRecord`` behind its byte count (a varint). An entry
/// with a list longer than ``lineWeight`` is written as several entries with the same id or key, each with a slice
/// of the list (``GraphJSONEntry/runPieces(of:)``), which the merge joins again, so a reader holds one record and
/// up to 128 KB read ahead for each of the up to 64 runs being merged: some 10 MB in all.
enum RunFile {
  static let lineWeight = 512

  static func write<T: GraphJSONEntry & RunRecord>(to url: URL, _ next: () throws -> T?) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    var buffer = RunRecordWriter()
    var record = RunRecordWriter()
    while let item = try next() {
      for piece in item.runPieces(of: Self.lineWeight) {
        record.bytes.removeAll(keepingCapacity: true)
        piece.write(to: &record)
        buffer.unsigned(UInt64(record.bytes.count))
        buffer.bytes += record.bytes
        if buffer.bytes.count >= 1 << 20 {
          try handle.write(contentsOf: buffer.bytes)
          buffer.bytes.removeAll(keepingCapacity: true)
        }
      }
    }
    if !buffer.bytes.isEmpty { try handle.write(contentsOf: buffer.bytes) }
  }

  /// Reads a run file back, a record at a time.
  struct Reader<Entry: RunRecord>: EntrySource {
    private let handle: FileHandle
    private var bytes: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(url: URL) throws {
      handle = try FileHandle(forReadingFrom: url)
    }

    mutating func next() throws -> Entry? {
      guard try fill(1) else {
        try? handle.close()
        return nil
      }
      _ = try fill(10)
      var header = RunRecordReader(bytes, from: position)
      let length = try header.length()
      position = header.position
      guard try fill(length) else { throw RunRecordReader.Damaged() }
      let start = position
      var reader = RunRecordReader(bytes, from: start, to: start + length)
      let entry = try Entry(from: &reader)
      guard reader.position == start + length else { throw RunRecordReader.Damaged() }
      position = start + length
      return entry
    }

    /// Reads ahead until `count` bytes follow the position, or the file ends; whether they do.
    private mutating func fill(_ count: Int) throws -> Bool {
      while bytes.count - position < count {
        if atEnd { return false }
        if position > 0 {
          bytes.removeSubrange(0..<position)
          position = 0
        }
        if let chunk = try handle.read(upToCount: max(1 << 17, count)), !chunk.isEmpty {
          bytes += chunk
        } else {
          atEnd = true
        }
      }
      return true
    }
  }
}

extension GraphJSONEntry {
  /// This entry as written to a run file: itself, or, for an entity or relation whose list is longer than `size`,
  /// consecutive slices of it in entries that are otherwise this one. Absorbed in order
  /// (``Entity/absorb(contentsOf:)``, ``Relation/absorb(contentsOf:)``), the pieces give this entry back, and an
  /// entry that absorbs them all gives what absorbing this entry would: aliases, attributes and confidence repeat
  /// harmlessly, the lists are slices of one sorted list, and a relation is cut only when its count is at least
  /// its evidence count (then `max(count, distinct evidence)` stays its count).
  func runPieces(of size: Int) -> [Self] {
    guard list.count > size, listCanBeCut else { return [self] }
    var pieces: [Self] = []
    var first = 0
    while first < list.count {
      var piece = self
      piece.list = Array(list[first..<min(list.count, first + size)])
      pieces.append(piece)
      first += size
    }
    return pieces
  }
}
