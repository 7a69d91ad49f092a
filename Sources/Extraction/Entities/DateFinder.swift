/// Finds calendar dates ("November 16, 2023", "16 November 2023") and writes them as ISO 8601.
enum DateFinder {
  /// The month number (1–12) of a month name or its abbreviation ("Nov."), given the month names in
  /// calendar order (``EntityRuleWords/months``).
  static func month(_ word: String, in months: [String]) -> Int? {
    let w = word.lowercased().trimmingSuffix(".")
    if let i = months.firstIndex(of: w) { return i + 1 }
    if w.count >= 3, let i = months.firstIndex(where: { $0.hasPrefix(w) }), w != "may" || true { return i + 1 }
    return nil
  }

  /// The first full date in the given sentences (indices outside the document are skipped).
  static func firstDate(_ c: RecognitionContext, sentences: [Int]) -> String? {
    for k in sentences where k >= 0 && k < c.sentences.count {
      let r = c.sentences[k]
      for i in r where c.isCapitalized(i) {
        guard let m = month(c.text(i), in: c.lexicon.ruleWords.months), c.has(i, .time) else { continue }
        // Month Day, Year
        if i + 1 < r.upperBound, c.tokens[i + 1].kind == .number, let d = Int(c.text(i + 1)), (1...31).contains(d) {
          var j = i + 2
          if j < r.upperBound, c.text(j) == "," { j += 1 }
          if j < r.upperBound, let y = Int(c.text(j)), (1000...2999).contains(y) {
            return String(format: "%04d-%02d-%02d", y, m, d)
          }
        }
        // Day Month Year
        if i >= r.lowerBound + 1, let d = Int(c.text(i - 1)), (1...31).contains(d), i + 1 < r.upperBound,
          let y = Int(c.text(i + 1)), (1000...2999).contains(y)
        {
          return String(format: "%04d-%02d-%02d", y, m, d)
        }
      }
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
