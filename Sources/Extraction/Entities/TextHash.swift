/// 64-bit FNV-1a hashing of token text straight from code points (fed as UTF-8 bytes), so feature ids
/// are computed without building a `String` per feature.
enum TextHash {
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  @inline(__always) static func feed(_ h: inout UInt64, _ byte: UInt8) {
    h = (h ^ UInt64(byte)) &* prime
  }

  @inline(__always) static func feed(_ h: inout UInt64, scalar c: Unicode.Scalar) {
    let v = c.value
    if v < 0x80 {
      feed(&h, UInt8(truncatingIfNeeded: v))
    } else if v < 0x800 {
      feed(&h, UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
      feed(&h, UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      feed(&h, UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
      feed(&h, UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
      feed(&h, UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
    } else {
      feed(&h, UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
      feed(&h, UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
      feed(&h, UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
      feed(&h, UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
    }
  }

  /// Lower-cases one code point (ASCII fast path); curly apostrophes fold to straight ones.
  @inline(__always) static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
    let v = c.value
    if v < 0x80 { return (v >= 65 && v <= 90) ? Unicode.Scalar(v + 32)! : c }
    if v == 0x2019 { return "'" }
    if c.properties.isUppercase, let l = c.properties.lowercaseMapping.unicodeScalars.first { return l }
    return c
  }

  /// Hash of the lower-cased text of `s[range]`.
  @inline(__always) static func lowerHash(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
    var h = seed
    for i in range { feed(&h, scalar: lower(s[i])) }
    return h
  }

  /// Hash of the exact text of `s[range]`.
  @inline(__always) static func exactHash(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
    var h = seed
    for i in range { feed(&h, scalar: s[i]) }
    return h
  }

  /// Hash of the lower-cased text of a string.
  static func lowerHash(_ text: String) -> UInt64 {
    let s = Array(text.unicodeScalars)
    return lowerHash(s, 0..<s.count)
  }

  /// Combines a running phrase hash with the next token's hash (order-sensitive).
  @inline(__always) static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
    mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
  }

  /// SplitMix64 finalizer.
  @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
