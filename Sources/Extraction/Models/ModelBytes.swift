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

    /// Writes already quantized rows (`value = q * scale`, rows of `width`) as ``quantizedRows(_:width:)``
    /// does: the scale, then every row with a non-zero value.
    mutating func quantizedRows(raw quantized: [Int8], scale: Float, width: Int) {
      f32(scale)
      let rows = (0..<(quantized.count / width)).filter { r in
        quantized[(r * width)..<((r + 1) * width)].contains { $0 != 0 }
      }
      u32(UInt32(rows.count))
      for r in rows {
        u32(UInt32(r))
        for v in quantized[(r * width)..<((r + 1) * width)] { data.append(UInt8(bitPattern: v)) }
      }
    }
  }

  /// Reads fields of a model file; every read past the end is a `.badModel` error.
  struct Reader {
    let bytes: [UInt8]
    var pos = 0
    /// Makes the error for a damaged file.
    let bad: (String) -> ExtractionError

    init(_ data: Data, bad: @escaping (String) -> ExtractionError) {
      bytes = [UInt8](data)
      self.bad = bad
    }

    /// Whether the file starts with `magic`; moves past it when it does.
    mutating func expect(_ magic: [UInt8]) -> Bool {
      guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { return false }
      pos = magic.count
      return true
    }

    mutating func u32() throws -> UInt32 {
      guard pos + 4 <= bytes.count else { throw bad("truncated at byte \(pos)") }
      let v =
        UInt32(bytes[pos]) | UInt32(bytes[pos + 1]) << 8 | UInt32(bytes[pos + 2]) << 16 | UInt32(bytes[pos + 3]) << 24
      pos += 4
      return v
    }

    mutating func u64() throws -> UInt64 {
      let low = UInt64(try u32())
      return low | UInt64(try u32()) << 32
    }

    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }

    /// Whether every byte has been read.
    var isAtEnd: Bool { pos == bytes.count }

    /// Calls `body` with each of `count` records of `size` bytes, checking once that they are all there.
    mutating func fixedRecords(count: Int, size: Int, _ body: (UnsafeRawBufferPointer) -> Void) throws {
      guard count >= 0, count <= (bytes.count - pos) / size else { throw bad("truncated at byte \(pos)") }
      bytes.withUnsafeBytes { raw in
        for k in 0..<count { body(UnsafeRawBufferPointer(rebasing: raw[(pos + k * size)..<(pos + (k + 1) * size)])) }
      }
      pos += count * size
    }

    /// Reads what ``Writer/quantizedRows(_:width:)`` wrote as the rows of a table of `rowCount` rows of `width`
    /// Int8 weights, and returns them with the scale.
    mutating func quantizedRows(rowCount: Int, width: Int) throws -> (rows: SparseRows, scale: Float) {
      let scale = try f32()
      let count = Int(try u32())
      guard count <= rowCount, pos + count * (4 + width) <= bytes.count else { throw bad("truncated weight rows") }
      var rows = [Int](repeating: 0, count: count)
      var weights = [Int8](repeating: 0, count: count * width)
      for k in 0..<count {
        let r = Int(try u32())
        guard r < rowCount else { throw bad("row index out of range") }
        rows[k] = r
        for t in 0..<width { weights[k * width + t] = Int8(bitPattern: bytes[pos + t]) }
        pos += width
      }
      return (SparseRows(rowCount: rowCount, width: width, rows: rows, weights: weights), scale)
    }

    /// Reads what ``Writer/quantizedRows(_:width:)`` wrote into `weights` (rows of `width`).
    mutating func quantizedRows(into weights: inout [Float], width: Int) throws {
      let scale = try f32()
      let rows = Int(try u32())
      let limit = weights.count / width
      guard rows <= limit, pos + rows * (4 + width) <= bytes.count else { throw bad("truncated weight rows") }
      for _ in 0..<rows {
        let r = Int(try u32())
        guard r < limit else { throw bad("row index out of range") }
        for t in 0..<width {
          weights[r * width + t] = Float(Int8(bitPattern: bytes[pos])) * scale
          pos += 1
        }
      }
    }
  }
}
