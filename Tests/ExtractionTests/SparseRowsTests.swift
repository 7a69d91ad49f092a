import Testing

@testable import Extraction

@Suite struct SparseRowsTests {
  /// A dense table of `rowCount` rows, most of them zero, from a fixed seed.
  static func denseTable(rowCount: Int, width: Int, seed: UInt64) -> [Int8] {
    var state = seed
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    var dense = [Int8](repeating: 0, count: rowCount * width)
    for r in 0..<rowCount where next() % 4 == 0 {
      for t in 0..<width where next() % 3 != 0 { dense[r * width + t] = Int8(Int(next() % 255) - 127) }
    }
    return dense
  }

  @Test func everyRowReadsAsInTheDenseTable() {
    let width = 5
    let rowCount = 1000
    let dense = Self.denseTable(rowCount: rowCount, width: width, seed: 7)
    let rows = Array(0..<rowCount)
    let sparse = SparseRows(rowCount: rowCount, width: width, rows: rows, weights: dense)
    #expect(sparse.dense() == dense)
    for r in 0..<rowCount {
      #expect(Array(sparse.row(r)) == Array(dense[(r * width)..<((r + 1) * width)]))
    }
    // Only the non-zero rows take room, after the one zero row.
    let nonZero = (0..<rowCount).filter { r in dense[(r * width)..<((r + 1) * width)].contains { $0 != 0 } }
    #expect(sparse.storedCount == nonZero.count && nonZero.count > 100 && nonZero.count < 500)
    #expect(sparse.values.count == (nonZero.count + 1) * width)
  }

  @Test func absentRowsReadTheZeroRow() {
    let sparse = SparseRows(rowCount: 200, width: 2, rows: [0, 63, 64, 199], weights: [1, 0, 0, -2, 3, 3, 0, 0])
    #expect(sparse.index(of: 0) == 1 && sparse.index(of: 63) == 2 && sparse.index(of: 64) == 3)
    // Row 199 was given as all zeros: not stored.
    #expect(sparse.index(of: 199) == 0 && sparse.index(of: 1) == 0 && sparse.index(of: 130) == 0)
    #expect(sparse.storedCount == 3)
    #expect(Array(sparse.row(64)) == [3, 3] && Array(sparse.row(65)) == [0, 0])
  }

  @Test func rowsOutOfOrderOrRepeatedKeepTheLastWeights() {
    let sparse = SparseRows(rowCount: 300, width: 1, rows: [250, 3, 250, 70], weights: [1, 2, 5, 4])
    var dense = [Int8](repeating: 0, count: 300)
    dense[3] = 2
    dense[70] = 4
    dense[250] = 5
    #expect(sparse.dense() == dense)
    #expect(sparse.storedCount == 3)
  }

  @Test func anEmptyTableHasNoRows() {
    let sparse = SparseRows()
    #expect(sparse.isEmpty && sparse.storedCount == 0 && sparse.dense().isEmpty)
  }
}
