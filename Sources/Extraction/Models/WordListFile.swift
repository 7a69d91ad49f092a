import Foundation

/// A category of a word-list resource file: its raw value is the first column of the file.
///
/// Each stage that reads words from data declares its own closed set of categories, so a misspelt category
/// in a file is a load error naming the file and line, and a misspelt one in code does not compile.
protocol WordListCategory: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// A stage's word lists read once from one bundled file, on first use: the type names the file in ``file``, and
/// gets ``validate()`` and a `Words[.category]` subscript.
///
/// ``Extractor/defaultStages()`` calls ``validate()``, so a missing or damaged file is an ``ExtractionError``
/// before any stage runs, not an empty list.
protocol BundledWordLists {
  associatedtype Category: WordListCategory
  /// The file, read once (``WordListFile/loaded(_:_:subdirectory:)`` into a `static let`).
  static var file: Result<WordListFile<Category>, ExtractionError> { get }
}

extension BundledWordLists {
  /// Reads the file.
  ///
  /// - Throws: ``ExtractionError`` (`.missingResource`, `.badResource`).
  static func validate() throws { _ = try file.get() }

  /// The words of `category` (empty when the file could not be read; see ``validate()``).
  static subscript(_ category: Category) -> Set<String> { (try? file.get())?[category] ?? [] }
}

/// The one loader of categorized word lists: `category<TAB>word or phrase` lines, `#` comments, blank lines
/// ignored, words lower-cased.
///
/// Every word list the extraction stages use lives in a resource file read through this type, so a list
/// is edited as data and its bytes can be hashed (see ``fingerprint``) to tie a trained model to the
/// lexicons it was trained with.
///
/// ```swift
/// enum Cue: String, WordListCategory { case speech, title }
/// let list = try WordListFile<Cue>(name: "cues.tsv", text: "speech\tsaid\ntitle\ttitled\n")
/// list[.speech]  // ["said"]
/// ```
struct WordListFile<Category: WordListCategory>: Sendable {
  /// The file name, for error messages.
  let name: String
  /// The words of each category, lower-cased.
  private(set) var words: [Category: Set<String>] = [:]
  /// The words of each category in file order (duplicates kept once), for callers that need an order.
  private(set) var ordered: [Category: [String]] = [:]
  /// An FNV-1a hash of the file's bytes.
  let fingerprint: UInt64

  /// Parses `text`.
  ///
  /// - Throws: ``ExtractionError`` with code `.badResource` naming the file and line when a line has no
  ///   tab-separated word or an unknown category.
  init(name: String, text: String) throws {
    self.name = name
    fingerprint = WordListFile.fnv1a(text.utf8)
    let known = Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, $0) })
    for (n, raw) in text.dataLines(omittingEmptySubsequences: false).enumerated() {
      let line = Self.trimmed(raw)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: "\t", maxSplits: 1).map { String(Self.trimmed($0)) }
      guard parts.count == 2, !parts[1].isEmpty else {
        throw ExtractionError(.badResource, "\(name) line \(n + 1): expected 'category<TAB>word'")
      }
      guard let category = known[parts[0]] else {
        let names = Category.allCases.map(\.rawValue).joined(separator: ", ")
        throw ExtractionError(.badResource, "\(name) line \(n + 1): unknown category '\(parts[0])' (known: \(names))")
      }
      let word = parts[1].lowercased()
      if words[category, default: []].insert(word).inserted { ordered[category, default: []].append(word) }
    }
  }

  /// `text` without the spaces and tabs at either end: what `trimmingCharacters(in: .whitespaces)` gives
  /// (tab and the Unicode space separators), without a round trip through `NSString` per line.
  static func trimmed(_ text: Substring) -> Substring {
    func isBlank(_ c: Unicode.Scalar) -> Bool {
      c == " " || c == "\t" || (c.value >= 0x80 && c.properties.generalCategory == .spaceSeparator)
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isBlank($0) }),
      let last = scalars.lastIndex(where: { !isBlank($0) })
    else { return text[text.endIndex...] }
    return Substring(scalars[first...last])
  }

  /// Loads a bundled resource file (`Resources/[subdirectory/]name`).
  ///
  /// - Throws: ``ExtractionError`` (`.missingResource` when the file is not in the bundle, `.badResource`).
  static func bundled(_ base: String, _ ext: String, subdirectory: String? = nil) throws -> WordListFile {
    let inSubdirectory = subdirectory.flatMap {
      Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources/\($0)")
        ?? Bundle.module.url(forResource: base, withExtension: ext, subdirectory: $0)
    }
    let url = try inSubdirectory ?? ResourceLoader.url(base, ext)
    guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
      throw ExtractionError(.badResource, "cannot read bundled resource \(url.path) as UTF-8")
    }
    return try WordListFile(name: "\(base).\(ext)", text: text)
  }

  /// ``bundled(_:_:subdirectory:)`` as a result, for a list read once into a `static let` whose readers
  /// check it with `get()`; any error that is not an ``ExtractionError`` becomes `.badResource`.
  static func loaded(
    _ base: String, _ ext: String, subdirectory: String? = nil
  ) -> Result<WordListFile, ExtractionError> {
    Result { try bundled(base, ext, subdirectory: subdirectory) }.mapError {
      ($0 as? ExtractionError) ?? ExtractionError(.badResource, "\(base).\(ext): \($0)")
    }
  }

  /// The words of `category` (empty when the file has none).
  subscript(_ category: Category) -> Set<String> { words[category] ?? [] }

  /// 64-bit FNV-1a of some bytes: stable across runs and platforms, unlike `Hasher`.
  static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
    var h = seed
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}
