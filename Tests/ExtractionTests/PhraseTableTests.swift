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
