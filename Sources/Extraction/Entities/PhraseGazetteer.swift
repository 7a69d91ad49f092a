import Foundation

/// A set of phrases, matched case-insensitively over token sequences by hash.
///
/// Phrases are tokenized with the pipeline's ``Tokenizer`` when loaded, so "Bailey-Ross" and
/// "New York" match the same token sequences the text produces. Lookups use only integer hashes.
struct PhraseGazetteer: Sendable {
  /// Phrase hash → payload (an index chosen by the loader, e.g. a country number).
  private(set) var phrases: [UInt64: Int32] = [:]
  /// The longest phrase, in tokens.
  private(set) var maxTokens = 0

  init() {}

  /// Adds `phrase` with `payload`; the first payload added for a phrase wins.
  mutating func insert(_ phrase: String, payload: Int32 = 0) {
    let s = Array(phrase.unicodeScalars)
    let tokens = Tokenizer.tokenize(s)
    guard !tokens.isEmpty else { return }
    var h: UInt64 = 0
    for t in tokens { h = TextHash.combine(h, TextHash.lowerHash(s, t.start..<t.end)) }
    if phrases[h] == nil { phrases[h] = payload }
    maxTokens = max(maxTokens, tokens.count)
  }

  /// Whether the gazetteer is empty.
  var isEmpty: Bool { phrases.isEmpty }

  /// The payload of the phrase made of tokens whose lower-case hashes are `lowerHashes[range]`.
  @inline(__always) func lookup(_ lowerHashes: [UInt64], _ range: Range<Int>) -> Int32? {
    var h: UInt64 = 0
    for i in range { h = TextHash.combine(h, lowerHashes[i]) }
    return phrases[h]
  }

  /// Loads one phrase per line (`#` comments and blank lines skipped).
  init(lines text: String) {
    self.init()
    for line in text.dataLines() {
      let entry = line.trimmingCharacters(in: .whitespaces)
      if entry.isEmpty || entry.hasPrefix("#") { continue }
      insert(entry)
    }
  }
}
