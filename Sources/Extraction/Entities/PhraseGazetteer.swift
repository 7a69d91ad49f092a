import Foundation

/// A set of phrases, matched case-insensitively over token sequences by hash.
///
/// Phrases are tokenized with the pipeline's ``Tokenizer`` when loaded, so "Bailey-Ross" and
/// "New York" match the same token sequences the text produces. Lookups use only integer hashes.
struct PhraseGazetteer: Sendable {
  /// Phrase hash → payload + 1 (the payload is an index chosen by the loader, e.g. a country number). A
  /// ``PhraseTable``: lookups run for every capitalized word, and `Dictionary` hashed each key again.
  private var phrases = PhraseTable()
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
    if phrases[h] == nil, payload >= 0, payload < Int32.max { phrases.insert(h, bits: UInt32(payload) + 1) }
    maxTokens = max(maxTokens, tokens.count)
  }

  /// Whether the gazetteer is empty.
  var isEmpty: Bool { phrases.count == 0 }

  /// The payload of the phrase made of tokens whose lower-case hashes are `lowerHashes[range]`.
  @inline(__always) func lookup(_ lowerHashes: [UInt64], _ range: Range<Int>) -> Int32? {
    var h: UInt64 = 0
    for i in range { h = TextHash.combine(h, lowerHashes[i]) }
    return payload(h)
  }

  /// The payload of the phrase whose hash (tokens' lower-case hashes combined from 0) is `hash`.
  @inline(__always) func payload(_ hash: UInt64) -> Int32? { phrases[hash].map { Int32($0 - 1) } }

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
