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
    // "…, said X.": the words after the verb are its source, not a clause the bare-verb rule may take them for.
    let (postposed, inverted) = postposedClauses(text, document, direct: marked, existing: quotes)
    quotes.removeAll { q in q.form == .reported && q.cue.map { inverted.contains($0.start) && q.start > $0.start } ?? false }
    quotes += postposed
    quotes.sort { ($0.start, -$0.end, $0.form.rawValue) < ($1.start, -$1.end, $1.form.rawValue) }
    // Depth: the number of direct quotes (or turns) strictly enclosing the quote, from a stack of the direct
    // quotes open at each start (direct quotes nest).
    var stack: [(start: Int, end: Int)] = []
    for i in quotes.indices {
      let q = quotes[i]
      while let top = stack.last, top.end <= q.start && top.start < q.start { stack.removeLast() }
      quotes[i].depth = stack.filter { $0.start <= q.start && q.end <= $0.end && ($0.start, $0.end) != (q.start, q.end) }.count
      if q.form == .direct { stack.append((q.start, q.end)) }
    }
    return (quotes, diagnostics)
  }

  // MARK: - Interview turns

  private static let nonSpeakerLabels: Set<String> = [
    "note", "editor's note", "update", "photo", "source", "sources", "related", "read more", "see also",
    "correction", "disclaimer", "caption", "credit", "tags", "topics", "date", "location", "when", "where",
  ]

  private func interviewTurns(_ text: AnalyzedDocument, _ document: Document) -> [Quote] {
    var turns: [Quote] = []
    for p in text.paragraphs {
      var i = p.lowerBound
      while i < p.upperBound && CharClass.isSpace(text.scalars[i]) { i += 1 }
      let labelStart = i
      var colon: Int?
      var j = i
      while j < min(p.upperBound, i + 40) {
        let c = text.scalars[j]
        if c == ":" {
          colon = j
          break
        }
        if c == "." || c == "," || c == "!" || c == "?" || QuoteMarks.isMark(c) && c != "'" && c != "\u{2019}" { break }
        j += 1
      }
      guard let colon, colon > labelStart else { continue }
      let labelWords = text.wordRange(labelStart, colon).filter { text.isWholeWord($0) }
      guard (1...4).contains(labelWords.count),
        labelWords.allSatisfy({ text.words[$0].isCapitalized }),
        !QuoteFinder.nonSpeakerLabels.contains(text.text(labelStart, colon).lowercased())
      else { continue }
      var s = colon + 1
      while s < p.upperBound && CharClass.isSpace(text.scalars[s]) { s += 1 }
      guard s < p.upperBound, !QuoteMarks.isMark(text.scalars[s]) else { continue }
      var e = p.upperBound
      while e > s && CharClass.isSpace(text.scalars[e - 1]) { e -= 1 }
      // Content must read as speech: at least three words.
      guard text.wordCount(s, e) >= 3 else { continue }
      turns.append(
        Quote(start: s, end: e, form: .direct, cue: document.evidence(labelStart, colon + 1), depth: 0))
    }
    return turns.count >= 2 ? turns : []
  }

  // MARK: - Quote marks

  private enum MarkKind { case double, single }

  private struct Open {
    var kind: MarkKind
    var contentStart: Int
    var isStraight: Bool
  }

  private static func isOpeningContext(_ c: Unicode.Scalar?) -> Bool {
    guard let c else { return true }
    if CharClass.isSpace(c) { return true }
    switch c {
    case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", ":", "\u{201C}", "\u{2018}", "\"", "'", "\u{00AB}", "\u{201E}":
      return true
    default: return false
    }
  }

  /// Quote marks nest at most this deep; deeper opening marks are read as plain characters, so hostile text
  /// (thousands of opening marks) costs linear time and at most this many overlapping quotes per position.
  static let maxNesting = 12
  /// A reported clause runs to the end of its sentence, at most this many code points past its cue (run-on
  /// text); an "according to" clause reaches this far on either side of its cue.
  static let maxReportedLength = 1500

  private func markedQuotes(_ text: AnalyzedDocument, _ document: Document, _ diagnostics: inout [Diagnostic]) -> [Quote] {
    let s = text.scalars
    var out: [Quote] = []
    var stack: [Open] = []
    var tooDeep = false
    /// Closing double marks from each position to the end of the current paragraph (filled on first use).
    var closersAfter: [Int32] = []
    var closersParagraph = -1
    func push(_ open: Open, at i: Int) {
      guard stack.count < QuoteFinder.maxNesting else {
        if !tooDeep {
          tooDeep = true
          diagnostics.append(
            Diagnostic(
              .note, code: "quotes-too-deep",
              message: "quote marks nest deeper than \(QuoteFinder.maxNesting) levels; deeper marks are read as text",
              doc: document.id, offset: i))
        }
        return
      }
      stack.append(open)
    }

    func emit(_ open: Open, _ end: Int) {
      var a = open.contentStart
      var b = end
      while a < b && CharClass.isSpace(s[a]) { a += 1 }
      while b > a && CharClass.isSpace(s[b - 1]) { b -= 1 }
      guard b > a else { return }
      out.append(Quote(start: a, end: b, form: .direct))
    }
    func firstNonSpace(_ p: Range<Int>) -> Int {
      var i = p.lowerBound
      while i < p.upperBound && CharClass.isSpace(s[i]) { i += 1 }
      return i
    }
    func opensWithDoubleMark(_ p: Range<Int>) -> Bool {
      let f = firstNonSpace(p)
      return f < p.upperBound && (s[f] == "\u{201C}" || s[f] == "\"" || s[f] == "\u{00AB}" || s[f] == "\u{201E}")
    }

    for (pi, p) in text.paragraphs.enumerated() {
      var i = p.lowerBound
      if !stack.isEmpty {
        // A quote left open continues here only if this paragraph opens with a mark.
        if opensWithDoubleMark(p) {
          i = firstNonSpace(p) + 1
        } else {
          // Only the outermost open quote runs to the paragraph's end: every inner unclosed mark would give
          // another quote over nearly the same words.
          let prevEnd = text.paragraphs[pi - 1].upperBound
          if let open = stack.first(where: { $0.kind == .double }) { emit(open, prevEnd) }
          diagnostics.append(
            Diagnostic(
              .note, code: "unclosed-quote", message: "a quote opened in paragraph \(pi) is never closed",
              doc: document.id, offset: stack.first?.contentStart))
          stack.removeAll()
        }
      }
      while i < p.upperBound {
        let c = s[i]
        if !QuoteMarks.isMark(c) {
          i += 1
          continue
        }
        let prev: Unicode.Scalar? = i > p.lowerBound ? s[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < p.upperBound ? s[i + 1] : nil
        let prevAlnum = prev.map(CharClass.isAlnum) ?? false
        let nextAlnum = next.map(CharClass.isAlnum) ?? false
        let nextSpace = next.map { CharClass.isSpace($0) } ?? true
        switch c {
        case "\u{201C}", "\u{201E}", "\u{00AB}":
          push(Open(kind: .double, contentStart: i + 1, isStraight: false), at: i)
        case "\u{201D}", "\u{00BB}":
          closeDouble(at: i)
        case "\"":
          if QuoteFinder.isOpeningContext(prev) && !nextSpace {
            push(Open(kind: .double, contentStart: i + 1, isStraight: true), at: i)
          } else {
            closeDouble(at: i)
          }
        case "\u{2018}", "\u{201A}":
          if QuoteFinder.isOpeningContext(prev) && (next.map { CharClass.isLetter($0) || QuoteMarks.isMark($0) } ?? false) {
            push(Open(kind: .single, contentStart: i + 1, isStraight: false), at: i)
          }
        case "'", "\u{2019}":
          if prevAlnum && nextAlnum { break }  // don't, Chile's, 1990's
          if c == "'" && QuoteFinder.isOpeningContext(prev) && (next.map { CharClass.isLetter($0) } ?? false) {
            push(Open(kind: .single, contentStart: i + 1, isStraight: true), at: i)
            break
          }
          guard prev != nil, !(CharClass.isSpace(prev!)) else { break }
          if let top = stack.last, top.kind == .single {
            stack.removeLast()
            emit(top, i)
          } else if let top = stack.last, top.kind == .double {
            // A nested quote closed with the wrong mark ("…’): repair when too few closers remain.
            let doubles = stack.filter { $0.kind == .double }.count
            if doubles >= 2 {
              // Suffix counts of closing marks, computed once per paragraph (a scan per mark was quadratic).
              if closersParagraph != pi {
                closersParagraph = pi
                closersAfter = [Int32](repeating: 0, count: p.count + 1)
                var k = p.upperBound - 1
                while k >= p.lowerBound {
                  let isCloser = s[k] == "\u{201D}" || s[k] == "\u{00BB}" || s[k] == "\""
                  closersAfter[k - p.lowerBound] = closersAfter[k - p.lowerBound + 1] + (isCloser ? 1 : 0)
                  k -= 1
                }
              }
              let closers = Int(closersAfter[i + 1 - p.lowerBound])
              if closers < doubles {
                stack.removeLast()
                emit(top, i)
                diagnostics.append(
                  Diagnostic(
                    .note, code: "mismatched-quote", message: "a quote opened with a double mark closes with a single one",
                    doc: document.id, offset: i))
              }
            }
          }
        default:
          break
        }
        i += 1
      }
      // Single marks never carry over a paragraph break.
      stack.removeAll { $0.kind == .single }
      if !stack.isEmpty {
        let nextOpens = pi + 1 < text.paragraphs.count && opensWithDoubleMark(text.paragraphs[pi + 1])
        if !nextOpens {
          if let open = stack.first { emit(open, p.upperBound) }
          diagnostics.append(
            Diagnostic(
              .note, code: "unclosed-quote", message: "a quote in paragraph \(pi) is not closed",
              doc: document.id, offset: stack.first?.contentStart))
          stack.removeAll()
        }
      }

      func closeDouble(at i: Int) {
        guard let idx = stack.lastIndex(where: { $0.kind == .double }) else {
          diagnostics.append(
            Diagnostic(.note, code: "stray-quote-mark", message: "a closing quote mark without an opening one", doc: document.id, offset: i))
          return
        }
        let open = stack[idx]
        stack.removeSubrange(idx...)
        emit(open, i)
      }
    }
    return out
  }

  // MARK: - Reported speech

  /// Words that open a reported clause after a bare speech verb ("said the plan …", "said it …").
  private static let clauseOpeners: Set<String> = [
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "he", "she", "they", "it", "we",
    "i", "there", "no", "some", "many", "most", "all", "both", "every",
  ]
  /// Capitalized words that do not open a reported clause ("said Monday", "said In …").
  private static let notClauseStarts: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "on", "in", "at",
    "after", "before", "during", "while", "with", "to", "for", "from", "by", "of", "as", "so", "nothing", "yes", "no",
    "about", "under", "over", "through", "without", "within", "against", "into", "upon", "earlier", "later", "then",
    "again", "also", "once", "twice", "tonight", "goodbye", "hello", "thanks", "something", "anything", "little",
    "much", "more", "less", "enough", "here", "and", "or", "but", "if", "when", "what", "who", "which", "whom",
    "recently", "not", "never", "only", "just", "even", "still", "too", "very",
  ]

  private static let determiners: Set<String> = ["the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my"]
  /// Speech verb forms that are also plural nouns.
  private static let nounLikeVerbs: Set<String> = [
    "states", "claims", "notes", "posts", "reports", "tells", "talks", "answers", "shows", "hopes", "fears", "finds",
  ]
  /// Lower-case words that can be the subject right before a verb.
  private static let subjectWords: Set<String> = ["he", "she", "it", "who", "which", "that", "one", "everyone", "nobody", "someone"]

  /// "According to X, …" at the start of a sentence, or "…, according to X." at its end: the rest of the
  /// sentence is reported speech whose cue is "according to X".
  private func accordingToClauses(_ text: AnalyzedDocument, _ document: Document, direct: [Quote]) -> [Quote] {
    let w = text.words
    var out: [Quote] = []
    let outer = OuterQuotes(direct)
    var k = 0
    while k + 2 < w.count {
      defer { k += 1 }
      guard w[k].lower == "according", w[k + 1].lower == "to", w[k + 2].isWord else { continue }
      if outer.overlaps(w[k].start, w[k].end) { continue }
      let para = text.paragraph(of: w[k].start)
      let sStart = max(text.sentenceStart(before: w[k].start, lower: para.lowerBound), w[k].start - QuoteFinder.maxReportedLength)
      let sEnd = min(text.sentenceEnd(after: w[k].end, upper: para.upperBound), w[k].end + QuoteFinder.maxReportedLength)
      // The source runs to the next comma (at most eight words).
      var c = k + 2
      while c < w.count && c <= k + 10 && w[c].start < sEnd && w[c].lower != ","
        && (w[c].isWord || w[c].joinsWords || w[c].isClitic)
      {
        c += 1
      }
      let opensSentence = text.wordIndex(atOrAfter: sStart) == k
      var start: Int
      var end: Int
      if opensSentence {
        guard c < w.count, w[c].lower == ",", c > k + 2 else { continue }
        start = w[c].end
        end = sEnd
      } else {
        // "…, according to X." closing the sentence.
        guard k > 0, w[k - 1].lower == ",", c >= w.count || w[c].start >= sEnd - 1 || !w[c].isWord && w[c].lower != "," else { continue }
        start = sStart
        end = w[k - 1].start
      }
      // Not across a direct quote.
      if outer.overlaps(start, end) { continue }
      while start < end && CharClass.isSpace(text.scalars[start]) { start += 1 }
      while end > start && (CharClass.isSpace(text.scalars[end - 1]) || [".", "!", "?", ","].contains(text.scalars[end - 1])) { end -= 1 }
      guard text.wordCount(start, end) >= 3 else { continue }
      let cueEnd = c < w.count && c > k + 2 ? w[c - 1].end : w[min(c, w.count - 1)].end
      out.append(Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, cueEnd), depth: 0))
    }
    return out
  }

  private func reportedSpeech(_ text: AnalyzedDocument, _ document: Document, direct: [Quote]) -> [Quote] {
    let w = text.words
    var out: [Quote] = []
    // The innermost direct quote holding each code point (outer quotes filled first), and the direct quotes
    // by start, so each verb looks its quotes up in constant or logarithmic time.
    var innermost = [Int32](repeating: -1, count: text.scalars.count)
    for j in direct.indices.sorted(by: { (direct[$0].end - direct[$0].start, $1) > (direct[$1].end - direct[$1].start, $0) }) {
      for o in direct[j].start..<min(direct[j].end, innermost.count) { innermost[o] = Int32(j) }
    }
    let starts = direct.map(\.start).sorted()
    var k = 0
    while k < w.count {
      defer { k += 1 }
      guard w[k].isWord, lexicon.speechVerbs.contains(w[k].lower) || lexicon.topicVerbs.contains(w[k].lower) else { continue }
      if k > 0 && QuoteFinder.determiners.contains(w[k - 1].lower) { continue }
      // Noun readings ("the coastal states", "United States", "press reports"): the verb needs a subject-like word before it.
      if QuoteFinder.nounLikeVerbs.contains(w[k].lower), k > 0,
        !w[k - 1].isWord || w[k - 1].lower == "united" || !w[k - 1].isCapitalized && !QuoteFinder.subjectWords.contains(w[k - 1].lower)
          && !lexicon.skipWords.contains(w[k - 1].lower)
      {
        continue
      }
      // Passive voice ("was praised by", "were told that") reports someone else's words.
      if k > 0 && ["was", "were", "is", "are", "been", "be", "being"].contains(w[k - 1].lower) { continue }
      // The enclosing direct quote bounds the reported clause.
      let holder = w[k].start < innermost.count ? innermost[w[k].start] : -1
      let enclosing = holder >= 0 && w[k].end <= direct[Int(holder)].end ? direct[Int(holder)] : nil
      let upper = enclosing?.end ?? text.scalars.count
      var spanStart: Int?
      var cueEnd = w[k].end
      // "noted that", "told reporters that", "said in a statement that".
      var j = k + 1
      while j < w.count && j <= k + 6 {
        if !w[j].isWord && !w[j].isClitic {
          if w[j].lower == "," && j == k + 1 { break }
          if w[j].lower != "," && w[j].lower != "'" { break }
        }
        // "that's" is "that is", not a complementizer.
        if lexicon.complementizers.contains(w[j].lower) && !text.isCliticS(j + 1) {
          spanStart = w[j].end
          cueEnd = w[j].end
          break
        }
        if lexicon.speechVerbs.contains(w[j].lower) { break }
        j += 1
      }
      if spanStart == nil {
        // "discussed the history of …", "spoke about …".
        var topicEnd: Int?
        if lexicon.topicVerbs.contains(w[k].lower) {
          topicEnd = k
        } else if k + 1 < w.count, lexicon.topicVerbs.contains(w[k].lower + " " + w[k + 1].lower) {
          topicEnd = k + 1
        }
        if let t = topicEnd, t + 1 < w.count, w[t + 1].isWord, !lexicon.complementizers.contains(w[t + 1].lower) {
          spanStart = w[t + 1].start
          cueEnd = w[t].end
        }
      }
      // "X, the minister, said the plan …": a comma after a word (not after a closing quote mark) may precede
      // the verb when a clause opener follows it.
      let afterAppositive =
        k > 1 && w[k - 1].lower == "," && w[k - 2].isWord && k + 1 < w.count
        && (QuoteFinder.clauseOpeners.contains(w[k + 1].lower) || w[k + 1].isCapitalized)
        && text.wordCount(w[k].end, min(w[k].end + 80, text.sentenceEnd(after: w[k].end, upper: upper))) >= 3
      if spanStart == nil, lexicon.bareClauseVerbs.contains(w[k].lower), k > 0, w[k - 1].isWord || afterAppositive, k + 1 < w.count,
        w[k + 1].isWord, w[k + 1].start - w[k].end <= 1, !lexicon.complementizers.contains(w[k + 1].lower),
        !QuoteFinder.notClauseStarts.contains(w[k + 1].lower),
        QuoteFinder.clauseOpeners.contains(w[k + 1].lower) || w[k + 1].isCapitalized || !w[k + 1].lower.hasSuffix("ly"),
        w[k + 1].lower.unicodeScalars.first.map({ !CharClass.isDigit($0) }) ?? false
      {
        // "Dvorak said the plan was ready" — a clause right after the verb, without "that".
        spanStart = w[k + 1].start
      }
      guard var start = spanStart else { continue }
      while start < upper && CharClass.isSpace(text.scalars[start]) { start += 1 }
      // A reported clause runs to the end of its sentence, at most `maxReportedLength` code points.
      var end = min(text.sentenceEnd(after: start, upper: upper), start + QuoteFinder.maxReportedLength)
      // Stop at a colon or a quote mark that opens a direct quote.
      // The first direct quote opening inside the clause.
      var lo = 0
      var hi = starts.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if starts[mid] <= start { lo = mid + 1 } else { hi = mid }
      }
      if lo < starts.count, starts[lo] <= end {
        end = min(end, starts[lo] - 1)
      }
      var x = start
      while x < end {
        if text.scalars[x] == ":" || text.scalars[x] == ";" {
          end = x
          break
        }
        x += 1
      }
      while end > start && (CharClass.isSpace(text.scalars[end - 1]) || QuoteMarks.isMark(text.scalars[end - 1]) && !(end - 1 > start && CharClass.isAlnum(text.scalars[end - 2]) && text.scalars[end - 1] == "\u{2019}")) {
        end -= 1
      }
      // The sentence's own full stop is not part of the reported clause.
      while end > start && [".", "!", "?", ","].contains(text.scalars[end - 1]) { end -= 1 }
      guard text.wordCount(start, end) >= 2 else { continue }
      out.append(
        Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, cueEnd), depth: 0))
    }
    return out
  }

  /// Pronouns that can be the whole source of a postposed clause ("…, she said.").
  private static let postposedPronouns: Set<String> = ["he", "she", "they", "we", "i"]
  /// Words that may follow the name after an inverted postposed verb ("said Roe on Monday", "said Roe of the Trust").
  private static let circumstanceWords: Set<String> = [
    "on", "in", "at", "during", "after", "before", "of", "to", "last", "this", "yesterday", "today", "earlier", "later",
  ]
  /// How many words the source before a postposed verb may have ("…, the state's attorney general Jane Roe said").
  static let postposedSourceWords = 6
  /// How many words may follow a postposed verb before the sentence ends ("said in a statement on Monday").
  static let postposedTailWords = 8

  /// "The plan is ready, Dvorak said." and "…, said Dvorak.": a clause ended by a comma, then a speech verb
  /// that closes the sentence with its source, before the verb (a capitalized name or a pronoun) or right
  /// after it. The clause is reported speech cued by the verb; nothing inside a direct quote, no "that"
  /// after the verb (then the clause after it is the speech, found by ``reportedSpeech``).
  ///
  /// - Returns: the clauses, and the cue starts of the inverted ones (whose following words are the source).
  private func postposedClauses(
    _ text: AnalyzedDocument, _ document: Document, direct: [Quote], existing: [Quote]
  ) -> (quotes: [Quote], inverted: Set<Int>) {
    let w = text.words
    var out: [Quote] = []
    var inverted = Set<Int>()
    let outer = OuterQuotes(direct)
    // Cues that already open a clause after them ("…, Roe said the canal would wait"): that clause wins.
    let cued = Set(existing.compactMap { q in q.cue.flatMap { q.start > $0.start ? $0.start : nil } })
    var k = 1
    while k < w.count {
      defer { k += 1 }
      guard w[k].isWord, lexicon.speechVerbs.contains(w[k].lower) else { continue }
      let para = text.paragraph(of: w[k].start)
      let sStart = text.sentenceStart(before: w[k].start, lower: para.lowerBound)
      let sEnd = text.sentenceEnd(after: w[k].end, upper: para.upperBound)
      guard w[k].start - sStart <= QuoteFinder.maxReportedLength else { continue }
      // The comma closing the clause: right before the verb (inverted) or before the source's words.
      var c = k - 1
      var n = 0
      // A hyphen joining two words ("Ortiz-Vega") and a clitic ("Roe's") are part of the source's words and
      // do not count as words.
      while c >= 0 && w[c].start >= sStart && (w[c].isWord || w[c].joinsWords || w[c].isClitic)
        && n < Self.postposedSourceWords
      {
        if w[c].joinsWords || w[c].isClitic {
          c -= 1
          continue
        }
        c -= 1
        n += 1
      }
      guard c > 0, w[c].start >= sStart, w[c].lower == "," else { continue }
      if n == 0 {
        guard k + 1 < w.count, w[k + 1].isWord, w[k + 1].isCapitalized, w[k + 1].start < sEnd else { continue }
      } else {
        if cued.contains(w[k].start) { continue }
        guard w[c + 1].isCapitalized || Self.postposedPronouns.contains(w[c + 1].lower) else { continue }
        if (c + 1..<k).contains(where: { lexicon.speechVerbs.contains(w[$0].lower) || w[$0].lower == "and" }) { continue }
      }
      // The verb ends the sentence, give or take a short tail with no clause and no quote (the scan stops
      // once the tail is too long, so a run-on line costs a bounded look per verb).
      var t = k + 1
      var tail = 0
      var closes = true
      while t < w.count && w[t].start < sEnd && tail <= Self.postposedTailWords {
        if lexicon.complementizers.contains(w[t].lower) || w[t].lower == ","
          || !w[t].isWord && !w[t].isClitic && w[t].lower.unicodeScalars.contains(where: QuoteMarks.isMark)
        {
          closes = false
          break
        }
        if w[t].isWord { tail += 1 }
        t += 1
      }
      guard closes, tail <= Self.postposedTailWords else { continue }
      if n == 0 {
        // Inverted, the words after the verb are a name and at most a circumstance ("said Roe on Monday"),
        // never a clause ("…, in a statement, said Ghana had asked for help").
        var j = k + 1
        while j < t && w[j].isWord && (w[j].isCapitalized || (j > k + 1 && ["of", "the", "de", "van", "von"].contains(w[j].lower))) { j += 1 }
        if j < t, w[j].isWord, !Self.circumstanceWords.contains(w[j].lower) { continue }
      }
      var start = sStart
      var end = w[c].start
      while start < end && CharClass.isSpace(text.scalars[start]) { start += 1 }
      while end > start && CharClass.isSpace(text.scalars[end - 1]) { end -= 1 }
      guard !outer.overlaps(start, sEnd) else { continue }
      guard text.wordCount(start, end) >= 4 else { continue }
      out.append(Quote(start: start, end: end, form: .reported, cue: document.evidence(w[k].start, w[k].end), depth: 0))
      if n == 0 { inverted.insert(w[k].start) }
    }
    return (out, inverted)
  }
}

/// The outermost of a set of direct quotes, by start (they do not overlap), for logarithmic overlap tests.
struct OuterQuotes {
  private var spans: [(start: Int, end: Int)] = []

  init(_ quotes: [Quote]) {
    for q in quotes.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) where spans.last.map({ q.start >= $0.end }) ?? true {
      spans.append((q.start, q.end))
    }
  }

  /// Whether a quote overlaps `a..<b` (or holds the empty span at `a`).
  func overlaps(_ a: Int, _ b: Int) -> Bool {
    var lo = 0
    var hi = spans.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if spans[mid].start < max(b, a + 1) { lo = mid + 1 } else { hi = mid }
    }
    return lo > 0 && spans[lo - 1].end > a
  }
}
