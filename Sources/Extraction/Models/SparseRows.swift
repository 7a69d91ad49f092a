/// The Int8 weight rows of a model read from a file, of which only the rows with a non-zero weight are kept.
///
/// A hashed feature table is mostly zero rows: the bundled tagger has 262,144 rows of 17 weights, and 68,000
/// of them are non-zero. Kept dense, the table is 4.5 MB and every feature of every token reads a row of it
/// from beyond the L2 cache. Kept sparse, the non-zero rows are 1.2 MB, and a row is found through a 64 KB
/// index of presence bits: per 64 rows, a bitmap and the position of the first stored one. An absent row
/// reads row 0, which is all zeros, so sums over rows are exactly those of the dense table.
///
/// ```swift
/// let rows = SparseRows(rowCount: 128, width: 2, rows: [5], weights: [1, -1])
/// rows.index(of: 5)  // 1
/// rows.index(of: 6)  // 0, the zero row
/// ```
struct SparseRows: Sendable {
  /// 64 rows: which are stored, and the index in ``values`` of the first stored one.
  struct Block: Sendable {
    var present: UInt64 = 0
    var first: UInt32 = 0
  }

  /// Weights per row.
  let width: Int
  /// Rows of the dense table, stored or not.
  let rowCount: Int
  /// One per 64 rows.
  private(set) var blocks: [Block]
  /// Row 0 all zeros, then the stored rows in row order, `width` weights each.
  private(set) var values: [Int8]

  /// An empty table (no rows).
  init() {
    width = 0
    rowCount = 0
    blocks = []
    values = []
  }

  /// A table of `rowCount` rows whose non-zero rows are among `rows`: row `rows[k]` has the weights
  /// `weights[k * width ..< (k + 1) * width]`. Rows all zero are left out, and a row given twice keeps its last
  /// weights, as writing them into a dense table would.
  ///
  /// - Precondition: every row index is below `rowCount`, and `weights` has `rows.count * width` values.
  init(rowCount: Int, width: Int, rows: [Int], weights: [Int8]) {
    precondition(weights.count == rows.count * width && rows.allSatisfy { $0 >= 0 && $0 < rowCount })
    self.width = width
    self.rowCount = rowCount
    // Files list their rows in increasing order; anything else is put in that order first.
    var order = Array(rows.indices)
    if rows.indices.dropFirst().contains(where: { rows[$0 - 1] >= rows[$0] }) {
      var last: [Int: Int] = [:]
      for (k, row) in rows.enumerated() { last[row] = k }
      order = last.keys.sorted().map { last[$0]! }
    }
    var blocks = [Block](repeating: Block(), count: (rowCount + 63) / 64)
    var values = [Int8](repeating: 0, count: (order.count + 1) * width)
    var stored = 1
    weights.withUnsafeBufferPointer { w in
      values.withUnsafeMutableBufferPointer { v in
        for k in order {
          let from = k * width
          guard (from..<(from + width)).contains(where: { w[$0] != 0 }) else { continue }
          blocks[rows[k] >> 6].present |= 1 << UInt64(rows[k] & 63)
          for t in 0..<width { v[stored * width + t] = w[from + t] }
          stored += 1
        }
      }
    }
    values.removeLast((order.count + 1 - stored) * width)
    // Stored rows are in row order: a block's first one follows every one of the blocks before it.
    var first: UInt32 = 1
    for b in blocks.indices {
      blocks[b].first = first
      first += UInt32(blocks[b].present.nonzeroBitCount)
    }
    self.blocks = blocks
    self.values = values
  }

  /// Whether the table has no rows.
  var isEmpty: Bool { rowCount == 0 }

  /// Rows with a non-zero weight.
  var storedCount: Int { width == 0 ? 0 : values.count / width - 1 }

  /// The index in ``values`` (in rows) of row `row`: 0, the zero row, when it is not stored.
  @inline(__always) static func index(of row: Int, in blocks: UnsafePointer<Block>) -> Int {
    let block = blocks[row >> 6]
    let bit: UInt64 = 1 << UInt64(row & 63)
    let rank = Int(block.first) + (block.present & (bit &- 1)).nonzeroBitCount
    return block.present & bit == 0 ? 0 : rank
  }

  /// The index in ``values`` (in rows) of row `row`: 0, the zero row, when it is not stored.
  func index(of row: Int) -> Int {
    precondition(row >= 0 && row < rowCount)
    return blocks.withUnsafeBufferPointer { Self.index(of: row, in: $0.baseAddress!) }
  }

  /// The weights of row `row`.
  func row(_ row: Int) -> ArraySlice<Int8> {
    let i = index(of: row) * width
    return values[i..<(i + width)]
  }

  /// Calls `body` with each stored row, in row order: its index in the dense table and its weights.
  func forEachStored(_ body: (_ row: Int, _ weights: ArraySlice<Int8>) -> Void) {
    var next = 1
    for (b, block) in blocks.enumerated() {
      var present = block.present
      while present != 0 {
        body(b * 64 + present.trailingZeroBitCount, values[(next * width)..<((next + 1) * width)])
        next += 1
        present &= present - 1
      }
    }
  }

  /// The dense table, `rowCount * width` weights.
  func dense() -> [Int8] {
    var out = [Int8](repeating: 0, count: rowCount * width)
    for r in 0..<rowCount {
      let i = index(of: r)
      if i != 0 { out.replaceSubrange((r * width)..<((r + 1) * width), with: values[(i * width)..<((i + 1) * width)]) }
    }
    return out
  }
}
