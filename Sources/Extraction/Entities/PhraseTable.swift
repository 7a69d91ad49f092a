/// An open-addressing hash table from 64-bit phrase hashes to category bits and a payload, which also knows every
/// proper prefix of its phrases.
///
/// The keys are already well-mixed hashes (``TextHash``), so a multiplicative index and linear probing
/// replace `Dictionary`'s SipHash of every probe, and key, bits and payload share one 16-byte slot (one cache line
/// per probe). A slot is taken when its bits or payload are not zero, so adding nothing (zero bits, no payload)
/// leaves the table as it was. The gazetteer is looked up for every n-gram of every sentence; because the prefixes of its
/// phrases are in the table too (``prefixBit``), the n-gram walk from a token stops at the first n-gram that
/// starts no phrase, which is usually the first one.
///
/// ```swift
/// var table = PhraseTable()
/// table.insert(42, bits: 0b10)
/// table[42]  // 0b10
/// ```
struct PhraseTable: Sendable {
  /// The bit of an entry that is (also) the prefix of a longer phrase; never a category.
  static let prefixBit: UInt32 = 1 << 31

  private struct Slot {
    var key: UInt64 = 0
    var bits: UInt32 = 0
    /// A value kept with the key (the lexicon keeps a word's class here), 0 for none.
    var payload: UInt32 = 0
    var used: Bool { bits | payload != 0 }
  }

  private var slots: [Slot]
  private var shift: UInt64
  private(set) var count = 0

  init() {
    self.init(slotCount: 16)
  }

  /// An empty table of `slotCount` slots (a power of two, at least 16): room for half as many entries.
  init(slotCount: Int) {
    precondition(slotCount >= 16 && slotCount.nonzeroBitCount == 1)
    slots = [Slot](repeating: Slot(), count: slotCount)
    shift = 64 - UInt64(slotCount.trailingZeroBitCount)
  }

  /// The number of slots (see ``init(slotCount:)``).
  var slotCount: Int { slots.count }

  /// Every entry, ``prefixBit`` included, in the order of its slot.
  var entries: [(key: UInt64, bits: UInt32, payload: UInt32)] {
    slots.filter(\.used).map { ($0.key, $0.bits, $0.payload) }
  }

  @inline(__always) private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The category bits of the phrase `key`, or `nil` when no phrase has that hash.
  subscript(key: UInt64) -> UInt32? {
    guard let bits = entry(key) else { return nil }
    let categories = bits & ~Self.prefixBit
    return categories == 0 ? nil : categories
  }

  /// The stored bits of `key`, ``prefixBit`` included, or `nil` when it is neither a phrase nor a prefix.
  @inline(__always) func entry(_ key: UInt64) -> UInt32? { lookup(key)?.bits }

  /// The stored bits and payload of `key`, or `nil` when it has neither.
  @inline(__always) func lookup(_ key: UInt64) -> (bits: UInt32, payload: UInt32)? {
    slots.withUnsafeBufferPointer { s in
      let mask = s.count - 1
      var i = slot(key)
      while s[i].used {
        if s[i].key == key { return (s[i].bits, s[i].payload) }
        i = (i + 1) & mask
      }
      return nil
    }
  }

  /// Adds `bits` to the bits of `key` and, when `payload` is not 0, makes it the key's payload (inserting the key
  /// when new; zero bits and no payload add nothing).
  mutating func insert(_ key: UInt64, bits: UInt32, payload: UInt32 = 0) {
    guard bits | payload != 0 else { return }
    if (count + 1) * 2 > slots.count { grow() }
    let mask = slots.count - 1
    var i = slot(key)
    while slots[i].used {
      if slots[i].key == key {
        slots[i].bits |= bits
        if payload != 0 { slots[i].payload = payload }
        return
      }
      i = (i + 1) & mask
    }
    slots[i] = Slot(key: key, bits: bits, payload: payload)
    count += 1
  }

  /// Inserts many entries (as ``insert(_:bits:)`` one by one would), in the order of their slots: the writes then
  /// sweep the table instead of jumping across it, a cache miss each. The gazetteers' 125,000 entries are loaded
  /// at every start of the tool. Reserve room first (``reserveCapacity(_:)``) so the table does not grow midway
  /// (it would still be right, only slower).
  mutating func insert(contentsOf entries: [(key: UInt64, bits: UInt32, payload: UInt32)]) {
    let bucketBits = 12
    let drop = max(0, Int(64 - shift) - bucketBits)
    @inline(__always) func bucket(_ key: UInt64) -> Int { slot(key) >> drop }
    var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
    for e in entries { starts[bucket(e.key) + 1] += 1 }
    for b in 0..<(1 << bucketBits) { starts[b + 1] += starts[b] }
    var ordered = [(key: UInt64, bits: UInt32, payload: UInt32)](repeating: (0, 0, 0), count: entries.count)
    for e in entries {
      let b = bucket(e.key)
      ordered[starts[b]] = e
      starts[b] += 1
    }
    for e in ordered { insert(e.key, bits: e.bits, payload: e.payload) }
  }

  /// Makes room for `n` more entries at once, so loading a known number of phrases rehashes at most once.
  mutating func reserveCapacity(_ n: Int) {
    var doublings = 0
    while (count + n) * 2 > slots.count << doublings { doublings += 1 }
    if doublings > 0 { resize(doublings: doublings) }
  }

  private mutating func grow() { resize(doublings: 1) }

  /// Rehashes every entry into a table `2^doublings` times as large.
  private mutating func resize(doublings: Int) {
    let old = slots
    slots = [Slot](repeating: Slot(), count: old.count << doublings)
    shift -= UInt64(doublings)
    count = 0
    for s in old where s.used { insert(s.key, bits: s.bits, payload: s.payload) }
  }
}

/// A set of 64-bit word or phrase hashes (``TextHash``), stored in a ``PhraseTable``: membership is one multiplicative
/// probe, where `Set<UInt64>` runs SipHash over keys that are already hashes. For word lists probed at every token.
struct HashSet64: Sendable {
  /// Each hash with the bits 1.
  private(set) var table = PhraseTable()

  init() {}

  /// The set of the keys of `table`.
  init(table: PhraseTable) { self.table = table }

  init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
    for h in hashes { table.insert(h, bits: 1) }
  }

  mutating func insert(_ hash: UInt64) { table.insert(hash, bits: 1) }

  @inline(__always) func contains(_ hash: UInt64) -> Bool { table.entry(hash) != nil }

  var isEmpty: Bool { table.count == 0 }
}
