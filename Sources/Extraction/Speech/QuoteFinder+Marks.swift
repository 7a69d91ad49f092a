import DocumentModel

/// Direct quotes between quote marks, nested, across paragraphs that open with a mark, with repairs.
extension QuoteFinder {
  enum MarkKind { case double, single }

  struct Open {
    var kind: MarkKind
    var contentStart: Int
    var isStraight: Bool
  }

  static func isOpeningContext(_ c: Unicode.Scalar?) -> Bool {
    guard let c else { return true }
    if CharClass.isSpace(c) { return true }
    switch c {
    case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", ":", "\u{201C}", "\u{2018}", "\"", "'", "\u{00AB}",
      "\u{201E}":
      return true
    default: return false
    }
  }

  func markedQuotes(_ text: AnalyzedDocument, _ document: Document, _ diagnostics: inout [Diagnostic]) -> [Quote] {
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
          if QuoteFinder.isOpeningContext(prev)
            && (next.map { CharClass.isLetter($0) || QuoteMarks.isMark($0) } ?? false)
          {
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
                    .note, code: "mismatched-quote",
                    message: "a quote opened with a double mark closes with a single one",
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
            Diagnostic(
              .note, code: "stray-quote-mark", message: "a closing quote mark without an opening one", doc: document.id,
              offset: i))
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
}
