import Foundation
import DocumentModel

/// A text in Unicode Normalization Form C, with a map from its code point offsets back to the
/// original text's.
///
/// The recognizers and lexicons expect composed text: "José" written as `e` + U+0301 (NFD) was
/// barely recognized (1 mention instead of 801 for the same article in NFC; issue 12). Extraction
/// therefore runs on the NFC text, and every offset it reports is mapped back with ``originalStart(_:)``
/// and ``originalEnd(_:)``, so output offsets always count code points of the text as it was read.
///
/// The text is normalized one grapheme cluster (`Character`) at a time; composition never joins two
/// clusters, so each cluster of the NFC text comes from exactly one cluster of the original. Only
/// clusters that change are recorded, so an NFC input costs one scan and no memory.
///
/// ```swift
/// let normalized = NormalizedText("Jose\u{301} said")   // 10 code points
/// normalized.text                                      // "José said", 9 code points
/// normalized.originalStart(5)                          // 6: "said" starts at 6 in the original
/// ```
///
/// - Complexity: O(n) to build; O(log k) per mapped offset, k the number of changed clusters.
public struct NormalizedText: Sendable {
  /// One grapheme cluster whose NFC form differs from the original.
  struct Change: Sendable, Equatable {
    /// Code point offset of the cluster in the NFC text.
    var normalizedStart: Int
    /// Its length in the NFC text.
    var normalizedLength: Int
    /// Code point offset of the cluster in the original text.
    var originalStart: Int
    /// Its length in the original text.
    var originalLength: Int
  }

  /// The NFC text.
  public let text: String
  /// Changed clusters, sorted by offset.
  let changes: [Change]

  /// Whether the original already was NFC (every offset maps to itself).
  public var isUnchanged: Bool { changes.isEmpty }

  /// Whether NFC leaves `s` as it is whatever surrounds it: below U+0300 (before the combining marks), or
  /// General Punctuation from U+2002 (curly quotes, dashes, ellipsis; U+2000 and U+2001 are singletons NFC
  /// replaces) and the currency signs, none of which NFC decomposes or composes. A text made only of these
  /// is NFC without asking Foundation, which costs a pass over the whole text.
  @inline(__always) static func isStable(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x300 || (v >= 0x2002 && v <= 0x206F) || (v >= 0x20A0 && v <= 0x20C0)
  }

  /// The most distinct clusters whose NFC form is remembered while one text is normalized.
  static let cacheLimit = 4_096

  /// Normalizes `original` to NFC, recording where its clusters changed.
  public init(_ original: String) {
    // Code points below U+0300 are never changed by NFC and never combine with what follows them
    // unless a combining mark follows: text made only of them is already normalized.
    // Most texts are NFC already: one check of the whole text (scalar by scalar: `==` on strings
    // compares canonical equivalence and would call NFD and NFC equal).
    if original.unicodeScalars.allSatisfy(NormalizedText.isStable)
      || original.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(original.unicodeScalars)
    {
      text = original
      changes = []
      return
    }
    // The NFC text is gathered as UTF-8 bytes and made a String once: appending to a `String.UnicodeScalarView`
    // went through `String +`, a copy of all the text so far at every cluster (quadratic in a long text).
    var out: [UInt8] = []
    out.reserveCapacity(original.utf8.count)
    func append<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
      for scalar in scalars { UTF8.encode(scalar) { out.append($0) } }
    }
    var changes: [Change] = []
    var originalOffset = 0
    var normalizedOffset = 0
    // Clusters repeat (a decomposed "é" all through an NFD text, the same emoji sequence): remember each one's
    // NFC form. `Character` equality is canonical equivalence, and canonically equivalent clusters have one NFC
    // form, so the cache may answer for an equivalent spelling; whether the cluster changed is still decided
    // against its own code points. Bounded, for a text of endless distinct clusters.
    var known: [Character: String.UnicodeScalarView] = [:]
    for character in original {
      let scalars = character.unicodeScalars
      let originalLength = scalars.count
      if scalars.allSatisfy({ $0.value < 0x300 }) {
        append(scalars)
        originalOffset += originalLength
        normalizedOffset += originalLength
        continue
      }
      let normalized: String.UnicodeScalarView
      if let cached = known[character] {
        normalized = cached
      } else {
        normalized = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        if known.count < Self.cacheLimit { known[character] = normalized }
      }
      let normalizedLength = normalized.count
      if !normalized.elementsEqual(scalars) {
        changes.append(
          Change(
            normalizedStart: normalizedOffset, normalizedLength: normalizedLength, originalStart: originalOffset,
            originalLength: originalLength))
      }
      append(normalized)
      originalOffset += originalLength
      normalizedOffset += normalizedLength
    }
    text = String(decoding: out, as: UTF8.self)
    self.changes = changes
  }

  /// The last change starting at or before `offset`, if any.
  private func change(atOrBefore offset: Int) -> Change? {
    let after = changes.partitioningIndex { $0.normalizedStart > offset }
    return after == 0 ? nil : changes[after - 1]
  }

  /// The original offset of a span starting at NFC offset `offset`: inside a changed cluster, the
  /// cluster's start (a span never starts half-way into an original character).
  public func originalStart(_ offset: Int) -> Int {
    guard let change = change(atOrBefore: offset) else { return offset }
    let end = change.normalizedStart + change.normalizedLength
    if offset < end { return change.originalStart }
    return change.originalStart + change.originalLength + (offset - end)
  }

  /// The original offset of a span ending (exclusive) at NFC offset `offset`: inside a changed
  /// cluster, the cluster's end (a span never ends half-way into an original character).
  public func originalEnd(_ offset: Int) -> Int {
    guard let change = change(atOrBefore: offset) else { return offset }
    let end = change.normalizedStart + change.normalizedLength
    if offset == change.normalizedStart { return change.originalStart }
    if offset <= end { return change.originalStart + change.originalLength }
    return change.originalStart + change.originalLength + (offset - end)
  }
}
