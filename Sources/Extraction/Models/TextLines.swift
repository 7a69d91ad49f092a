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
