import DocumentModel

/// Groups tokens into sentences and paragraphs.
///
/// A sentence ends after `.`, `!`, `?` or `…` (plus any closing quotes and brackets) when the next token
/// starts with an upper-case letter, a digit, a quote or a bracket; a line break always ends a sentence and
/// a paragraph. Abbreviations never end a sentence because the tokenizer keeps their period inside the word.
/// Very long runs without punctuation are cut every ``maxTokens`` tokens so later stages stay linear.
///
/// - Complexity: O(number of tokens).
public struct SentenceSplitter: ExtractionStage {
  public let name = "sentence-splitter"
  public let requires: Set<ExtractionProduct> = [.tokens]
  public let produces: Set<ExtractionProduct> = [.sentences]
  /// The longest sentence, in tokens, before a forced cut.
  public var maxTokens: Int

  public init(maxTokens: Int = 400) { self.maxTokens = maxTokens }

  public func process(_ document: inout AnalyzedDocument) {
    document.sentences = split(document.tokens, scalars: document.document.scalars)
    document.paragraphs = SentenceSplitter.paragraphs(of: document.sentences)
  }

  /// Splits `tokens` (of the text `scalars`) into sentences.
  public func split(_ tokens: [Token], scalars s: [Unicode.Scalar]) -> [Sentence] {
    var sentences: [Sentence] = []
    var first = 0
    var paragraph = 0
    var i = 0
    let n = tokens.count
    func close(_ last: Int) {
      guard last >= first else { return }
      sentences.append(
        Sentence(
          index: sentences.count, tokens: first..<(last + 1), start: tokens[first].start,
          end: tokens[last].end, paragraph: paragraph))
      first = last + 1
    }
    while i < n {
      let t = tokens[i]
      if t.newlineAfter {
        close(i)
        paragraph += 1
        i += 1
        continue
      }
      // "etc." keeps its period (the tokenizer reads it as an abbreviation) but ends the sentence before a
      // capitalized word: a list closed by "etc." is rarely followed by a name in the same sentence.
      if t.kind == .word, t.spaceAfter, i + 1 < n, isEtc(t, s), CharClass.isUpper(s[tokens[i + 1].start]) {
        close(i)
        i += 1
        continue
      }
      if t.kind == .punctuation && CharClass.isSentenceTerminal(s[t.start]) {
        // Absorb closing quotes and brackets that follow without a space.
        var j = i
        while j + 1 < n, !tokens[j].spaceAfter,
          tokens[j + 1].kind == .quote || isCloser(s[tokens[j + 1].start])
            || (tokens[j + 1].kind == .punctuation && CharClass.isSentenceTerminal(s[tokens[j + 1].start]))
        {
          j += 1
        }
        if j + 1 >= n {
          close(j)
          i = j + 1
          continue
        }
        if tokens[j].newlineAfter {
          close(j)
          paragraph += 1
          i = j + 1
          continue
        }
        let next = tokens[j + 1]
        let c = s[next.start]
        if tokens[j].spaceAfter
          && (CharClass.isUpper(c) || CharClass.isDigit(c) || next.kind == .quote || c == "(" || c == "["
            || !CharClass.isLetter(c))
        {
          close(j)
          i = j + 1
          continue
        }
        i = j + 1
        continue
      }
      if i - first + 1 >= maxTokens {
        close(i)
      }
      i += 1
    }
    if first < n { close(n - 1) }
    return sentences
  }

  /// The code point spans of the paragraphs the sentences belong to (paragraph indices are consecutive).
  public static func paragraphs(of sentences: [Sentence]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for s in sentences {
      if s.paragraph < out.count {
        out[s.paragraph] = out[s.paragraph].lowerBound..<max(out[s.paragraph].upperBound, s.end)
      } else {
        while out.count < s.paragraph { out.append(s.start..<s.start) }
        out.append(s.start..<s.end)
      }
    }
    return out
  }

  private func isEtc(_ t: Token, _ s: [Unicode.Scalar]) -> Bool {
    guard t.end - t.start == 4, s[t.end - 1] == "." else { return false }
    return zip(s[t.start..<(t.end - 1)], ["e", "t", "c"] as [Unicode.Scalar]).allSatisfy { TextHash.lower($0) == $1 }
  }
  private func isCloser(_ c: Unicode.Scalar) -> Bool { c == ")" || c == "]" || c == "}" }
}
