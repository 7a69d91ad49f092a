/// An open-addressing hash table from 64-bit phrase hashes to category bits.
///
/// The keys are already well-mixed hashes (``TextHash``), so a multiplicative index and linear probing
/// replace `Dictionary`'s SipHash of every probe: the gazetteer is looked up for every n-gram of every
/// sentence, which made `Dictionary.find` the largest cost of the recognizer after decoding.
///
/// ```swift
/// var table = PhraseTable()
/// table.insert(42, bits: 0b10)
/// table[42]  // 0b10
/// ```
struct PhraseTable: Sendable {
  private var keys: [UInt64]
  private var values: [UInt32]
  /// Whether each slot holds a key (a key may be 0).
  private var used: [Bool]
  private var shift: UInt64
  private(set) var count = 0

  init() {
    keys = [UInt64](repeating: 0, count: 16)
    values = [UInt32](repeating: 0, count: 16)
    used = [Bool](repeating: false, count: 16)
    shift = 64 - 4
  }

  @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  /// The bits stored for `key`, or `nil`.
  subscript(key: UInt64) -> UInt32? {
    let mask = keys.count - 1
    var i = slot(key)
    while used[i] {
      if keys[i] == key { return values[i] }
      i = (i + 1) & mask
    }
    return nil
  }

  /// Adds `bits` to the bits of `key` (inserting it when new).
  mutating func insert(_ key: UInt64, bits: UInt32) {
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var i = slot(key)
    while used[i] {
      if keys[i] == key {
        values[i] |= bits
        return
      }
      i = (i + 1) & mask
    }
    used[i] = true
    keys[i] = key
    values[i] = bits
    count += 1
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let oldUsed = used
    let capacity = keys.count * 2
    keys = [UInt64](repeating: 0, count: capacity)
    values = [UInt32](repeating: 0, count: capacity)
    used = [Bool](repeating: false, count: capacity)
    shift -= 1
    count = 0
    for i in oldKeys.indices where oldUsed[i] { insert(oldKeys[i], bits: oldValues[i]) }
  }
}
