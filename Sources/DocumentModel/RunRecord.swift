import Foundation

/// An entry of a ``GraphSpool`` run file, written in a compact binary form.
///
/// Run files are the spool's own temporary files, read back by the same build, so they need no interchange
/// format. They were JSON Lines at first, and encoding and decoding them with Foundation's JSON coders took a
/// third of a large build: a text past the spool's flush weight (some 2 MB of news) cost half as much again per
/// megabyte as a smaller one. The binary form is a field-by-field copy: integers as zig-zag LEB128 varints,
/// strings as a varint byte count and their UTF-8 bytes, doubles as their bit patterns, optionals behind a
/// one-byte tag, lists behind their count. Decoding gives back an equal value.
protocol RunRecord {
  /// Appends this entry's fields to `out`.
  func write(to out: inout RunRecordWriter)
  /// Reads an entry written by ``write(to:)``.
  init(from input: inout RunRecordReader) throws
}

/// The bytes of run records being written.
struct RunRecordWriter {
  var bytes: [UInt8] = []

  mutating func unsigned(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func int(_ value: Int) {
    let v = Int64(value)
    unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
  }

  mutating func double(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var s = value
    s.withUTF8 { utf8 in
      unsigned(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func optional<T>(_ value: T?, _ write: (inout RunRecordWriter, T) -> Void) {
    flag(value != nil)
    if let value { write(&self, value) }
  }

  mutating func list<T>(_ values: [T], _ write: (inout RunRecordWriter, T) -> Void) {
    unsigned(UInt64(values.count))
    for v in values { write(&self, v) }
  }
}

/// Reads run records from bytes; a truncated or damaged record throws ``RunRecordReader/Damaged``.
struct RunRecordReader {
  /// A run file that does not hold what the spool wrote (it was changed or cut while the build ran).
  struct Damaged: Error, CustomStringConvertible {
    var description: String { "a temporary run file of the graph spool is damaged; run the command again" }
  }

  let bytes: [UInt8]
  var position: Int
  let end: Int

  init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    position = start
    self.end = end ?? bytes.count
  }

  mutating func byte() throws -> UInt8 {
    guard position < end else { throw Damaged() }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func unsigned() throws -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 64 else { throw Damaged() }
      value |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return value }
      shift += 7
    }
  }

  mutating func int() throws -> Int {
    let u = try unsigned()
    return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
  }

  mutating func count() throws -> Int {
    let n = try unsigned()
    guard n <= UInt64(end - position) else { throw Damaged() }
    return Int(n)
  }

  /// A record's byte count, which may exceed what has been read ahead so far.
  mutating func length() throws -> Int {
    let n = try unsigned()
    guard n <= UInt64(Int32.max) else { throw Damaged() }
    return Int(n)
  }

  mutating func double() throws -> Double {
    guard end - position >= 8 else { throw Damaged() }
    var bits: UInt64 = 0
    for k in 0..<8 { bits |= UInt64(bytes[position + k]) << UInt64(8 * k) }
    position += 8
    return Double(bitPattern: bits)
  }

  mutating func string() throws -> String {
    let n = try count()
    defer { position += n }
    return String(decoding: bytes[position..<(position + n)], as: UTF8.self)
  }

  mutating func flag() throws -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw Damaged()
    }
  }

  mutating func optional<T>(_ read: (inout RunRecordReader) throws -> T) throws -> T? {
    try flag() ? try read(&self) : nil
  }

  mutating func list<T>(_ read: (inout RunRecordReader) throws -> T) throws -> [T] {
    let n = try count()
    var values: [T] = []
    values.reserveCapacity(n)
    for _ in 0..<n { values.append(try read(&self)) }
    return values
  }

  /// A value of a string-backed type, or ``Damaged`` when the string names none.
  mutating func raw<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: try string()) else { throw Damaged() }
    return value
  }
}

extension Evidence: RunRecord {
  func write(to out: inout RunRecordWriter) {
    out.string(doc)
    out.int(start)
    out.int(end)
    out.string(text)
    out.optional(sentence) { $0.int($1) }
    out.optional(form) { $0.string($1.rawValue) }
  }

  init(from input: inout RunRecordReader) throws {
    self.init(
      doc: try input.string(), start: try input.int(), end: try input.int(), text: try input.string(),
      sentence: try input.optional { try $0.int() }, form: try input.optional { try $0.raw(Form.self) })
  }
}

extension Entity: RunRecord {
  func write(to out: inout RunRecordWriter) {
    out.string(id.rawValue)
    out.string(kind.rawValue)
    out.string(name)
    out.list(aliases) { $0.string($1) }
    out.list(mentions) { $1.write(to: &$0) }
    out.list(attributes.sorted { $0.key < $1.key }) {
      $0.string($1.key)
      $0.string($1.value)
    }
    out.double(confidence)
  }

  init(from input: inout RunRecordReader) throws {
    let id = EntityID(rawValue: try input.string())
    let kind = try input.raw(EntityKind.self)
    let name = try input.string()
    let aliases = try input.list { try $0.string() }
    let mentions = try input.list { try Evidence(from: &$0) }
    var attributes: [String: String] = [:]
    for (key, value) in try input.list({ (try $0.string(), try $0.string()) }) { attributes[key] = value }
    self.init(
      id: id, kind: kind, name: name, aliases: aliases, mentions: mentions, attributes: attributes,
      confidence: try input.double())
  }
}

extension Relation: RunRecord {
  func write(to out: inout RunRecordWriter) {
    out.string(subject.rawValue)
    out.string(predicate.rawValue)
    out.string(object.rawValue)
    out.double(confidence)
    out.int(count)
    out.list(evidence) { $1.write(to: &$0) }
    out.string(source)
  }

  init(from input: inout RunRecordReader) throws {
    self.init(
      subject: EntityID(rawValue: try input.string()), predicate: Predicate(rawValue: try input.string()),
      object: EntityID(rawValue: try input.string()), confidence: try input.double(), count: try input.int(),
      evidence: try input.list { try Evidence(from: &$0) }, source: try input.string())
  }
}

extension QuoteRecord.Span {
  fileprivate func write(to out: inout RunRecordWriter) {
    out.int(start)
    out.int(end)
    out.string(text)
  }

  fileprivate init(from input: inout RunRecordReader) throws {
    self.init(start: try input.int(), end: try input.int(), text: try input.string())
  }
}

extension QuoteRecord: RunRecord {
  func write(to out: inout RunRecordWriter) {
    out.string(id)
    out.string(doc)
    out.int(start)
    out.int(end)
    out.string(text)
    out.string(kind.rawValue)
    out.optional(speaker) { $0.string($1.rawValue) }
    out.optional(speakerMention) { $1.write(to: &$0) }
    out.optional(cue) { $1.write(to: &$0) }
    out.optional(embeddedIn) { $0.string($1) }
    out.list(mentions) { $0.string($1.rawValue) }
    out.double(confidence)
    out.string(source)
  }

  init(from input: inout RunRecordReader) throws {
    self.init(
      id: try input.string(), doc: try input.string(), start: try input.int(), end: try input.int(),
      text: try input.string(), kind: try input.raw(Kind.self),
      speaker: try input.optional { EntityID(rawValue: try $0.string()) },
      speakerMention: try input.optional { try Span(from: &$0) }, cue: try input.optional { try Span(from: &$0) },
      embeddedIn: try input.optional { try $0.string() },
      mentions: try input.list { EntityID(rawValue: try $0.string()) },
      confidence: try input.double(), source: try input.string())
  }
}
