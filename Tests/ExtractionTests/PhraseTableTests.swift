import Testing

@testable import Extraction

/// The hash tables behind the gazetteers, the per-document word tables and the word-list sets: they must answer
/// exactly as `Dictionary` and `Set` did, whatever the keys (0 included) and however often they grow.
@Suite struct PhraseTableTests {
  /// Deterministic, well-spread 64-bit keys, as ``TextHash`` makes them.
  static func keys(_ n: Int, seed: UInt64) -> [UInt64] { (0..<UInt64(n)).map { TextHash.mix($0 &+ seed) } }

  @Test func bitsAccumulateAndMissingKeysAreNil() {
    var table = PhraseTable()
    let keys = Self.keys(5_000, seed: 1) + [0]
    for (k, key) in keys.enumerated() { table.insert(key, bits: UInt32(1 << (k % 3))) }
    for (k, key) in keys.enumerated() { table.insert(key, bits: UInt32(1 << ((k + 1) % 3))) }
    #expect(table.count == keys.count)
    for (k, key) in keys.enumerated() {
      #expect(table.entry(key) == UInt32(1 << (k % 3)) | UInt32(1 << ((k + 1) % 3)))
    }
    for key in Self.keys(5_000, seed: 99_999) { #expect(table.entry(key) == nil) }
    // The prefix bit is kept by `entry` but is no category for the subscript.
    table.insert(42, bits: PhraseTable.prefixBit)
    #expect(table.entry(42) == PhraseTable.prefixBit && table[42] == nil)
  }

  /// The gazetteers are inserted in bulk, in slot order: the table must answer as one insert after another does,
  /// repeated keys (bits OR-ed), prefix bits and growth past the reserved room included.
  @Test func bulkInsertEqualsOneByOne() {
    let keys = Self.keys(20_000, seed: 3)
    let entries =
      keys.enumerated().map { (key: $1, bits: UInt32(1 << ($0 % 5)), payload: UInt32(0)) }
      + keys.prefix(500).map {
        (key: $0, bits: PhraseTable.prefixBit, payload: UInt32(0))
      }
      + keys.suffix(300).map { (key: $0, bits: UInt32(0), payload: UInt32(truncatingIfNeeded: $0 | 1)) }
      + Self.keys(200, seed: 55).map { (key: $0, bits: UInt32(0), payload: UInt32(7)) }
    var one = PhraseTable()
    for e in entries { one.insert(e.key, bits: e.bits, payload: e.payload) }
    for reserved in [0, 5_000, 30_000] {
      var bulk = PhraseTable()
      bulk.reserveCapacity(reserved)
      bulk.insert(contentsOf: entries)
      #expect(bulk.count == one.count)
      for key in keys + Self.keys(200, seed: 55) + Self.keys(2_000, seed: 777_777) {
        #expect(bulk.entry(key) == one.entry(key) && bulk.lookup(key)?.payload == one.lookup(key)?.payload)
      }
    }
  }

  /// The lexicon keeps a word's class as the payload of its one-word phrase: a payload is set, not OR-ed, rides
  /// along with the bits, and a key with a payload and no bits is still present; inserting nothing adds nothing.
  @Test func payloadsRideWithTheBits() {
    var table = PhraseTable()
    table.insert(1, bits: 0b10)
    table.insert(1, bits: 0, payload: 5)
    table.insert(1, bits: 0b01, payload: 6)
    #expect(table.lookup(1)! == (bits: 0b11, payload: 6))
    table.insert(1, bits: 0b100)
    #expect(table.lookup(1)! == (bits: 0b111, payload: 6))
    table.insert(2, bits: 0, payload: 9)
    #expect(table.lookup(2)! == (bits: 0, payload: 9) && table.entry(2) == 0 && table[2] == nil)
    table.insert(3, bits: 0)
    #expect(table.lookup(3) == nil && table.count == 2)
    for key in Self.keys(2_000, seed: 11) { table.insert(key, bits: 0, payload: UInt32(truncatingIfNeeded: key) | 1) }
    #expect(table.lookup(1)! == (bits: 0b111, payload: 6) && table.lookup(2)! == (bits: 0, payload: 9))
    for key in Self.keys(2_000, seed: 11) { #expect(table.lookup(key)?.payload == UInt32(truncatingIfNeeded: key) | 1) }
  }

  @Test func hashSetAnswersAsSetDoes() {
    let members = Self.keys(3_000, seed: 7)
    var set = HashSet64()
    #expect(set.isEmpty)
    for key in members { set.insert(key) }
    set.insert(0)
    let reference = Set(members + [0])
    for key in members + [0] + Self.keys(3_000, seed: 123_456) {
      #expect(set.contains(key) == reference.contains(key))
    }
    #expect(HashSet64(members).contains(members[17]) && !HashSet64(members).isEmpty)
  }
}
