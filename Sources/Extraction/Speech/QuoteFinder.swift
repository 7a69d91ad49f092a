import DocumentModel

/// Finds direct quotes, interview turns and reported speech in a document.
///
/// - Direct quotes: straight (`"`, `'`) and curly (`“”`, `‘’`) marks and guillemets, nested to any
///   depth (``Quote/depth`` counts the enclosing quotes). A paragraph that opens a quote without closing it
///   continues in the next paragraph when that one opens with a mark. A nested quote closed by the wrong
///   mark (`“…’`) is repaired when the paragraph has too few closing marks left. Apostrophes (`don’t`,
///   `1970’s`, `the students’ books`) are not marks.
/// - Interview turns: when two or more paragraphs open with a short label and a colon (`Q:`, `SMITH:`),
///   each is a direct quote whose ``Quote/cue`` is the label.
/// - Reported speech: a speech verb followed by a complementizer ("noted that", "told reporters how")
///   or a topic verb with its object ("discussed the history of …") gives a ``Quote/Form/reported`` quote
///   spanning the reported clause, up to the end of the sentence, a colon or a quote mark.
///
/// ```swift
/// var doc = AnalyzedDocument(document: Document(id: "a", text: "“Yes,” she said. He noted that it rained."))
/// QuoteFinder().process(&doc)
/// doc.quotes.map(\.form)  // [.direct, .reported]
/// ```
public struct QuoteFinder: ExtractionStage {
  /// The stage name.
  public let name = "quote-finder"
  /// What the stage reads.
  public let requires: Set<ExtractionProduct> = [.tokens, .words, .sentences]
  /// What the stage adds.
  public let produces: Set<ExtractionProduct> = [.quotes]
  /// The cue words.
  public var lexicon: SpeechLexicon

  /// Creates the stage with the bundled cue words.
  public init(lexicon: SpeechLexicon = .standard) { self.lexicon = lexicon }

  /// Runs the stage on `document`.
  public func process(_ document: inout AnalyzedDocument) {
    let found = findQuotes(in: document)
    document.quotes = found.quotes
    document.diagnostics += found.diagnostics
  }

  /// The quotes of `document`, sorted by start offset (outer quotes first), with problems noticed.
  ///
  /// - Complexity: O(n) in the length of the text, plus O(q²) in the number of quotes for nesting.
  public func findQuotes(in document: Document) -> (quotes: [Quote], diagnostics: [Diagnostic]) {
    var analyzed = AnalyzedDocument(document: document)
    Tokenizer().process(&analyzed)
    SentenceSplitter().process(&analyzed)
    return findQuotes(in: analyzed)
  }

  /// The quotes of a document whose tokens, words and sentences are known (see ``findQuotes(in:)-(Document)``).
  func findQuotes(in text: AnalyzedDocument) -> (quotes: [Quote], diagnostics: [Diagnostic]) {
    let document = text.document
    var diagnostics: [Diagnostic] = []
    var quotes = interviewTurns(text, document)
    quotes += markedQuotes(text, document, &diagnostics)
    let marked = quotes
    quotes += reportedSpeech(text, document, direct: marked)
    quotes += accordingToClauses(text, document, direct: marked)
    quotes += headlineColonClause(text, document, direct: marked)
    let (postposed, inverted) = postposedClauses(text, document, direct: marked, existing: quotes)
    quotes = Self.settleInvertedCues(quotes, postposed: postposed, invertedCues: inverted)
    quotes = Self.endingReportedClausesAtInnerCues(quotes, text)
    quotes.sort { ($0.start, -$0.end, $0.form.rawValue) < ($1.start, -$1.end, $1.form.rawValue) }
    // Depth: the number of direct quotes (or turns) strictly enclosing the quote, from a stack of the direct
    // quotes open at each start (direct quotes nest).
    var stack: [(start: Int, end: Int)] = []
    for i in quotes.indices {
      let q = quotes[i]
      while let top = stack.last, top.end <= q.start && top.start < q.start { stack.removeLast() }
      quotes[i].depth =
        stack.filter { $0.start <= q.start && q.end <= $0.end && ($0.start, $0.end) != (q.start, q.end) }.count
      if q.form == .direct { stack.append((q.start, q.end)) }
    }
    return (quotes, diagnostics)
  }

  /// The overlap policy between a postposed clause and the clause after its verb: after an inverted
  /// postposed verb ("…, said X.") the words that follow are the verb's source, not a clause the bare-verb
  /// rule may have taken them for, so a reported quote after a cue in `invertedCues` is dropped and the
  /// postposed clauses are added.
  static func settleInvertedCues(_ quotes: [Quote], postposed: [Quote], invertedCues: Set<Int>) -> [Quote] {
    var out = quotes
    out.removeAll { q in
      q.form == .reported && q.cue.map { invertedCues.contains($0.start) && q.start > $0.start } ?? false
    }
    return out + postposed
  }

  /// Coordinators that may join a reported clause to the next attribution ("… and suggested that …").
  static let joiningWords: Set<String> = SpeechWords[.joiningWords]

  /// The overlap policy between a reported clause and an attribution that continues it: "Roe said the plan
  /// was ready, insisting that the dam stay" is two attributions, so the first clause ends before the
  /// second's cue (and the comma or "and" before it). Attributions are univocal: a word belongs to one. A
  /// cue with a subject of its own inside the clause is embedded speech and stays inside.
  ///
  /// - Complexity: O(q log q) for q quotes.
  static func endingReportedClausesAtInnerCues(_ quotes: [Quote], _ text: AnalyzedDocument) -> [Quote] {
    let cues = quotes.compactMap { q -> Int? in
      guard q.form == .reported, let c = q.cue, q.start >= c.end else { return nil }
      return c.start
    }.sorted()
    guard !cues.isEmpty else { return quotes }
    let w = text.words
    return quotes.map { q in
      guard q.form == .reported else { return q }
      let i = cues.partitioningIndex { $0 > q.start }
      guard i < cues.count, cues[i] < q.end else { return q }
      // Only a cue that continues the same speaker's words ("…, insisting that", "… and suggested that"); a
      // cue with its own subject inside the clause ("said the mayor discussed …") is part of what was said.
      // The clause ends before the commas and joining words in front of the cue.
      var end = cues[i]
      var k = text.wordIndex(atOrAfter: end) - 1
      while k >= 0, w[k].start >= q.start, w[k].lower == "," || Self.joiningWords.contains(w[k].lower) {
        end = w[k].start
        k -= 1
      }
      guard end < cues[i] else { return q }
      while end > q.start && CharClass.isSpace(text.scalars[end - 1]) { end -= 1 }
      guard text.wordCount(q.start, end) >= 2 else { return q }
      var cut = q
      cut.end = end
      return cut
    }
  }

  /// Quote marks nest at most this deep; deeper opening marks are read as plain characters, so hostile text
  /// (thousands of opening marks) costs linear time and at most this many overlapping quotes per position.
  static let maxNesting = 12
  /// A reported clause runs to the end of its sentence, at most this many code points past its cue (run-on
  /// text); an "according to" clause reaches this far on either side of its cue.
  static let maxReportedLength = 1500
}

/// The outermost of a set of direct quotes, by start (they do not overlap), for logarithmic overlap tests.
struct OuterQuotes {
  private var spans: [(start: Int, end: Int)] = []

  init(_ quotes: [Quote]) {
    for q in quotes.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) })
    where spans.last.map({ q.start >= $0.end }) ?? true {
      spans.append((q.start, q.end))
    }
  }

  /// Whether a quote overlaps `a..<b` (or holds the empty span at `a`).
  func overlaps(_ a: Int, _ b: Int) -> Bool {
    let lo = spans.partitioningIndex { $0.start >= max(b, a + 1) }
    return lo > 0 && spans[lo - 1].end > a
  }
}
