extension String {
  /// The lines of a data file, split at `\n`, `\r\n` or `\r` by looking at UTF-8 bytes only.
  ///
  /// The same lines as `split(omittingEmptySubsequences:whereSeparator: \.isNewline)` for the resource
  /// files (which use no other line separators), without asking Unicode whether each `Character` is a
  /// newline: loading the gazetteers walked some 400,000 lines that way at every start of the tool.
  ///
  /// - Complexity: O(n) in the UTF-8 length.
  func dataLines(omittingEmptySubsequences: Bool = true) -> [Substring] {
    var lines: [Substring] = []
    let bytes = utf8
    var start = bytes.startIndex
    var i = start
    while i != bytes.endIndex {
      let b = bytes[i]
      guard b == 0x0A || b == 0x0D else {
        i = bytes.index(after: i)
        continue
      }
      if !omittingEmptySubsequences || start != i { lines.append(self[start..<i]) }
      var next = bytes.index(after: i)
      if b == 0x0D, next != bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
      start = next
      i = next
    }
    if start != bytes.endIndex || !omittingEmptySubsequences { lines.append(self[start..<bytes.endIndex]) }
    return lines
  }
}

extension String {
  /// Calls `body` with the UTF-8 bytes of each non-empty line of a data file (split at `\n`, `\r\n` or `\r`),
  /// with no `String` made per line: the gazetteers' hundred thousand lines are read at every start.
  ///
  /// - Complexity: O(n) in the UTF-8 length.
  func forEachDataLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var text = self
    text.withUTF8 { bytes in
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
        start = end + 1
      }
    }
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The tab-separated fields of one line's bytes.
  func tabFields() -> [UnsafeBufferPointer<UInt8>] {
    var fields: [UnsafeBufferPointer<UInt8>] = []
    var start = 0
    for i in 0...count where i == count || self[i] == 0x09 {
      fields.append(UnsafeBufferPointer(rebasing: self[start..<i]))
      start = i + 1
    }
    return fields
  }

  /// The bytes as a decimal `UInt32`, or `nil` when they are not one.
  var decimalValue: UInt32? {
    guard !isEmpty, count <= 9 else { return nil }
    var v: UInt32 = 0
    for b in self {
      guard b >= 0x30 && b <= 0x39 else { return nil }
      v = v * 10 + UInt32(b - 0x30)
    }
    return v
  }

  /// Whether the bytes spell `text` exactly.
  func equals(_ text: StaticString) -> Bool {
    count == text.utf8CodeUnitCount && elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: count))
  }
}
