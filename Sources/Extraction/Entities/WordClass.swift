/// A word's unsupervised classes, packed into one `UInt32` for the tagger's token view.
///
/// `word-classes.tsv` (made by `Scripts/make-word-classes.py` from unlabeled news and GUM text) gives each
/// frequent word a fine and a coarse distributional class (spherical k-means over PPMI context vectors) and a
/// capitalization prior (how often it is capitalized away from a sentence start, in four buckets). Words with
/// similar contexts share a class, so the tagger generalizes from "Obama" to "Kasich" or from "CNN" to
/// "Univision" even when the training data never named them. 0 means "not in the file".
///
/// Layout: bits 0–9 fine class + 1, bits 10–16 coarse class + 1, bits 17–18 capitalization bucket.
enum WordClass {
  static let maxFine: UInt32 = 1022
  static let maxCoarse: UInt32 = 126

  /// The packed classes, or `nil` when a value is out of range.
  static func pack(fine: UInt32, coarse: UInt32, capitalization: UInt32) -> UInt32? {
    guard fine <= maxFine, coarse <= maxCoarse, capitalization <= 3 else { return nil }
    return (fine + 1) | (coarse + 1) << 10 | capitalization << 17
  }

  @inline(__always) static func fine(_ packed: UInt32) -> UInt64 { UInt64(packed & 0x3FF) }
  @inline(__always) static func coarse(_ packed: UInt32) -> UInt64 { UInt64((packed >> 10) & 0x7F) }
  /// The capitalization bucket, 4 for a word the file lacks.
  @inline(__always) static func capitalization(_ packed: UInt32) -> UInt64 {
    packed == 0 ? 4 : UInt64((packed >> 17) & 3)
  }
}
