import DocumentModel

extension AnalyzedDocument {
  /// This analysis of a normalized text re-expressed on the `original` it was normalized from.
  ///
  /// Every span is mapped with `map` (tokens, sentences, mentions, entity mentions, quotes with their
  /// cues, cue words and speaker mentions, relation evidence, diagnostic offsets), and every evidence text
  /// (and, in ``quoteRecords()``, every quote text) is cut again from
  /// `original`, so it equals the original slice. Entity names and aliases stay normalized (NFC):
  /// they are identities, not spans.
  ///
  /// - Complexity: O(s log k) for s spans and k changed clusters in `map`.
  func mapped(to original: Document, through map: NormalizedText) -> AnalyzedDocument {
    func span(_ start: Int, _ end: Int) -> (Int, Int) {
      let mappedStart = map.originalStart(start)
      return (mappedStart, max(mappedStart, map.originalEnd(end)))
    }
    func range(_ r: Range<Int>) -> Range<Int> {
      let (a, b) = span(r.lowerBound, r.upperBound)
      return a..<b
    }
    func evidence(_ evidence: Evidence) -> Evidence {
      var out = evidence
      (out.start, out.end) = span(evidence.start, evidence.end)
      out.text = original.excerpt(from: out.start, to: out.end)
      return out
    }
    var out = AnalyzedDocument(document: original)
    out.tokens = tokens.map { token in
      var token = token
      (token.start, token.end) = span(token.start, token.end)
      return token
    }
    out.words = words.map { word in
      var word = word
      (word.start, word.end) = span(word.start, word.end)
      return word
    }
    out.paragraphs = paragraphs.map(range)
    out.sentences = sentences.map { sentence in
      var sentence = sentence
      (sentence.start, sentence.end) = span(sentence.start, sentence.end)
      return sentence
    }
    out.mentions = mentions.map { mention in
      var mention = mention
      (mention.start, mention.end) = span(mention.start, mention.end)
      return mention
    }
    out.entities = entities.mapValues { entity in
      var entity = entity
      entity.mentions = Array(Set(entity.mentions.map(evidence))).sorted()
      return entity
    }
    out.quotes = quotes.map { quote in
      var quote = quote
      (quote.start, quote.end) = span(quote.start, quote.end)
      quote.cue = quote.cue.map(evidence)
      quote.speakerMention = quote.speakerMention.map(range)
      quote.cueWords = quote.cueWords.map(range)
      return quote
    }
    out.relations = relations.map { relation in
      var relation = relation
      relation.evidence = Array(Set(relation.evidence.map(evidence))).sorted()
      return relation
    }
    out.diagnostics = diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.offset = diagnostic.offset.map(map.originalStart)
      return diagnostic
    }
    return out
  }
}
