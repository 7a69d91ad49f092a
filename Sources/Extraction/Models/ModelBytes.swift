import Foundation

/// The little-endian byte format both trained models use: UInt32 and Float32 fields, and a weight table
/// stored as its non-zero rows quantized to Int8 (`value = q * scale`).
enum ModelBytes {
  /// Appends fields to a model file.
  struct Writer {
    var data = Data()

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }

    /// Writes the scale, the number of non-zero rows, then each as a UInt32 row index and `width` Int8s.
    mutating func quantizedRows(_ weights: [Float], width: Int) {
      var maxAbs: Float = 0
      for v in weights { maxAbs = max(maxAbs, abs(v)) }
      let scale = maxAbs > 0 ? maxAbs / 127 : 1
      f32(scale)
      var rows: [(UInt32, [Int8])] = []
      for r in 0..<(weights.count / width) {
        var q = [Int8](repeating: 0, count: width)
        var any = false
        for t in 0..<width {
          let c = Int8(max(-127, min(127, (weights[r * width + t] / scale).rounded())))
          q[t] = c
          if c != 0 { any = true }
        }
        if any { rows.append((UInt32(r), q)) }
      }
      u32(UInt32(rows.count))
      for (r, q) in rows {
        u32(r)
        for v in q { data.append(UInt8(bitPattern: v)) }
      }
    }

    /// Writes the rows of a loaded model (`value = q * scale`) as ``quantizedRows(_:width:)`` does: the scale,
    /// then every row with a non-zero value, which are the rows ``SparseRows`` keeps.
    mutating func quantizedRows(_ rows: SparseRows, scale: Float) {
      f32(scale)
      u32(UInt32(rows.storedCount))
      rows.forEachStored { row, weights in
        u32(UInt32(row))
        for v in weights { data.append(UInt8(bitPattern: v)) }
      }
    }
  }

  /// Reads fields of a model file; every read past the end is a `.badModel` error.
  ///
  /// Reads the `Data` in place (a model file read with `.alwaysMapped` is never copied).
  struct Reader {
    let data: Data
    var pos = 0
    /// Makes the error for a damaged file.
    let bad: (String) -> ExtractionError

    init(_ data: Data, bad: @escaping (String) -> ExtractionError) {
      self.data = data
      self.bad = bad
    }

    /// Whether the file starts with `magic`; moves past it when it does.
    mutating func expect(_ magic: [UInt8]) -> Bool {
      guard data.count >= magic.count, data.prefix(magic.count).elementsEqual(magic) else { return false }
      pos = magic.count
      return true
    }

    mutating func u32() throws -> UInt32 {
      guard pos + 4 <= data.count else { throw bad("truncated at byte \(pos)") }
      let v = data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: pos, as: UInt32.self)) }
      pos += 4
      return v
    }

    mutating func u64() throws -> UInt64 {
      let low = UInt64(try u32())
      return low | UInt64(try u32()) << 32
    }

    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }

    /// Whether every byte has been read.
    var isAtEnd: Bool { pos == data.count }

    /// Calls `body` with each of `count` records of `size` bytes, checking once that they are all there.
    mutating func fixedRecords(count: Int, size: Int, _ body: (UnsafeRawBufferPointer) -> Void) throws {
      guard count >= 0, count <= (data.count - pos) / size else { throw bad("truncated at byte \(pos)") }
      data.withUnsafeBytes { raw in
        for k in 0..<count { body(UnsafeRawBufferPointer(rebasing: raw[(pos + k * size)..<(pos + (k + 1) * size)])) }
      }
      pos += count * size
    }

    /// Reads `count` rows written as a UInt32 row index below `rowCount` and `width` Int8 values each, checking
    /// once that they are all there: the row indices and the values in file order.
    private mutating func rows(count: Int, rowCount: Int, width: Int) throws -> (rows: [Int], values: [Int8]) {
      guard count >= 0, count <= rowCount, count <= (data.count - pos) / (4 + width) else {
        throw bad("truncated weight rows")
      }
      var rows = [Int](repeating: 0, count: count)
      var values = [Int8](repeating: 0, count: count * width)
      let start = pos
      let inRange = data.withUnsafeBytes { raw in
        var at = start
        for k in 0..<count {
          let r = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
          guard r < rowCount else { return false }
          rows[k] = r
          for t in 0..<width { values[k * width + t] = Int8(bitPattern: raw[at + 4 + t]) }
          at += 4 + width
        }
        return true
      }
      guard inRange else { throw bad("row index out of range") }
      pos += count * (4 + width)
      return (rows, values)
    }

    /// Reads what ``Writer/quantizedRows(_:width:)`` wrote as the rows of a table of `rowCount` rows of `width`
    /// Int8 weights, and returns them with the scale.
    mutating func quantizedRows(rowCount: Int, width: Int) throws -> (rows: SparseRows, scale: Float) {
      let scale = try f32()
      let count = Int(try u32())
      let (rows, values) = try rows(count: count, rowCount: rowCount, width: width)
      return (SparseRows(rowCount: rowCount, width: width, rows: rows, weights: values), scale)
    }

    /// Reads what ``Writer/quantizedRows(_:width:)`` wrote into `weights` (rows of `width`).
    mutating func quantizedRows(into weights: inout [Float], width: Int) throws {
      let scale = try f32()
      let count = Int(try u32())
      let (rows, values) = try rows(count: count, rowCount: weights.count / width, width: width)
      for (k, r) in rows.enumerated() {
        for t in 0..<width { weights[r * width + t] = Float(values[k * width + t]) * scale }
      }
    }
  }
}
