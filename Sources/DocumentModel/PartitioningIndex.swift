extension RandomAccessCollection where Index == Int {
  /// The index of the first element for which `belongsInSecondPart` is true, where the collection is
  /// partitioned: false for a prefix, true for the rest (`endIndex` when it is true for none). A binary search,
  /// the one behind every "first mention at or after", "sentence holding" and "place to insert" lookup.
  ///
  /// - Complexity: O(log n) calls of `belongsInSecondPart`.
  @inlinable
  package func partitioningIndex(where belongsInSecondPart: (Element) throws -> Bool) rethrows -> Int {
    var lo = startIndex
    var hi = endIndex
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      if try belongsInSecondPart(self[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
