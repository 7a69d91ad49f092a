import DocumentModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One input to read: a file path, or standard input.
public struct InputFile: Hashable, Sendable, Comparable {
  /// The path as the user gave it or as found in a folder; `-` for standard input.
  public var path: String
  /// The document id: the file name without its extension, made unique within one run.
  public var id: String

  public var isStandardInput: Bool { path == "-" }
  public static func < (a: InputFile, b: InputFile) -> Bool { a.path < b.path }
}

/// Why an input could not be read. Each case names the file and says what to do.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Stable identifiers for each problem.
  public enum Code: String, Sendable, Equatable {
    case missing = "missing-path"
    case noTextFiles = "no-text-files"
    case unreadable = "unreadable"
    case binary = "binary-file"
    case invalidUTF8 = "invalid-utf8"
    case empty = "empty-file"
    case tooLarge = "file-too-large"
    /// A device, socket or other special file (`/dev/zero`), not a text file.
    case notRegularFile = "not-a-regular-file"
    /// A symbolic link whose target does not exist.
    case danglingLink = "dangling-link"
    /// Text in an encoding that is not read (UTF-16 without a byte order mark).
    case unsupportedEncoding = "unsupported-encoding"
    /// A named pipe that sent nothing for ``DocumentLoader/pipeIdleTimeout``.
    case pipeTimeout = "pipe-timeout"
  }
  public var code: Code
  public var path: String
  public var message: String

  public init(_ code: Code, path: String, _ message: String) {
    self.code = code
    self.path = path
    self.message = message
  }
  public var description: String { "\(path): \(message) [\(code.rawValue)]" }
}

/// Finds text files under the given paths and reads them as validated UTF-8 documents.
public enum DocumentLoader {
  /// File name extensions read from folders.
  public static let textExtensions: Set<String> = ["txt", "md", "markdown", "text"]
  /// The default largest file read, in bytes (20 MB ≈ 3 million words).
  public static let defaultMaxBytes = 20_000_000

  /// Lists the files to read: explicit files as given, folders recursively (text files only, sorted),
  /// and `-` for standard input. Document ids are the file names without extension, with `~2`, `~3` … added
  /// when two files share a name.
  ///
  /// - Throws: ``InputError`` `.missing` for a path that does not exist, `.noTextFiles` for a folder without
  ///   any `.txt`/`.md` file.
  public static func discover(_ paths: [String]) throws -> [InputFile] {
    var found: [String] = []
    let fm = FileManager.default
    for path in paths {
      if path == "-" {
        found.append(path)
        continue
      }
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
        if isSymbolicLink(path) {
          throw InputError(.danglingLink, path: path, "is a symbolic link to a missing file; fix or remove the link")
        }
        throw InputError(.missing, path: path, "no such file or folder; check the path")
      }
      if isDirectory.boolValue {
        var inFolder: [String] = []
        if let walker = fm.enumerator(atPath: path) {
          while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard textExtensions.contains(ext) else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var sub: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &sub) {
              if !sub.boolValue { inFolder.append(full) }
            } else if isSymbolicLink(full) {
              // A dangling link (or a loop) used to vanish without a word (issue 12); listing it makes
              // `read` report it as skipped, and a run where nothing else is read fails.
              inFolder.append(full)
            }
          }
        }
        if inFolder.isEmpty {
          throw InputError(
            .noTextFiles, path: path,
            "folder has no text files (looked for \(textExtensions.sorted().map { "." + $0 }.joined(separator: ", ")))")
        }
        found.append(contentsOf: inFolder.sorted())
      } else {
        found.append(path)
      }
    }
    var seen: [String: Int] = [:]
    var files: [InputFile] = []
    var listed: Set<String> = []
    for path in found where listed.insert(path).inserted {
      let base =
        path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      let n = (seen[base] ?? 0) + 1
      seen[base] = n
      files.append(InputFile(path: path, id: n == 1 ? base : "\(base)~\(n)"))
    }
    return files
  }

  /// Reads one input as a document.
  ///
  /// - Throws: ``InputError``: `.unreadable`, `.tooLarge` (over `maxBytes`), `.binary` (NUL bytes or mostly
  ///   control characters), `.invalidUTF8` (with the byte offset of the first bad sequence), `.empty`
  ///   (no characters other than white space).
  public static func read(_ file: InputFile, maxBytes: Int = defaultMaxBytes) throws -> Document {
    let data = try InputBytes.read(file, maxBytes: maxBytes)
    if data.count > maxBytes { throw tooLarge(file, data.count, maxBytes) }
    let text = try decode(data, path: file.path)
    // Standard input has no name: its id carries the text's hash, so two different texts piped into one
    // store are two documents (issue 12: the second used to replace the first), and the same text is the
    // same document again.
    let id = file.isStandardInput ? "\(file.id)-\(SHA256.hex(of: text.utf8).prefix(12))" : file.id
    return Document(id: id, path: file.path, text: text)
  }

  /// How long a named pipe may stay silent before reading it gives up (it never hangs a run).
  public static let pipeIdleTimeout: Duration = .seconds(10)

  /// Whether `path` itself is a symbolic link (whatever its target).
  static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Validates and decodes UTF-8 text, or UTF-16 / UTF-32 text that starts with a byte order mark.
  ///
  /// - Throws: ``InputError``: `.empty`, `.binary`, `.invalidUTF8` (or an invalid UTF-16/32 sequence),
  ///   `.unsupportedEncoding` for what looks like UTF-16 without a byte order mark.
  public static func decode(_ data: Data, path: String) throws -> String {
    if let text = try TextEncodingSniffer.decodeWithByteOrderMark(data, path: path) {
      if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
        throw InputError(.empty, path: path, "file is empty; nothing to extract")
      }
      return text
    }
    let bytes = [UInt8](data)
    if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw InputError(.empty, path: path, "file is empty; nothing to extract")
    }
    let sample = bytes.prefix(8192)
    let controls = sample.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C }.count
    if let encoding = TextEncodingSniffer.unmarkedUTF16(sample) {
      throw InputError(
        .unsupportedEncoding, path: path,
        "looks like \(encoding) text without a byte order mark; convert it, e.g. `iconv -f \(encoding) -t utf-8`")
    }
    if sample.contains(0) || controls * 10 > sample.count {
      throw InputError(.binary, path: path, "looks like a binary file, not text; give a .txt or .md file")
    }
    // One validating pass; the offset of the first bad byte is looked for only when there is one.
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let bad = firstInvalidUTF8(bytes) ?? 0
      throw InputError(
        .invalidUTF8, path: path,
        "is not valid UTF-8 (first bad byte at offset \(bad)); convert it, e.g. `iconv -f latin1 -t utf-8`")
    }
    return text
  }

  static func tooLarge(_ file: InputFile, _ size: Int, _ maxBytes: Int) -> InputError {
    InputError(
      .tooLarge, path: file.path,
      "file is \(byteCount(size)), over the \(byteCount(maxBytes)) limit; split it or raise --max-file-size")
  }

  /// `512 bytes`, `1.5 KB`, `20.0 MB`, `2.1 GB` (decimal units, as `--max-file-size` counts bytes).
  static func byteCount(_ count: Int) -> String {
    switch count {
    case ..<1_000: return count == 1 ? "1 byte" : "\(count) bytes"
    case ..<1_000_000: return String(format: "%.1f KB", Double(count) / 1e3)
    case ..<1_000_000_000: return String(format: "%.1f MB", Double(count) / 1e6)
    default: return String(format: "%.1f GB", Double(count) / 1e9)
    }
  }

  /// The byte offset of the first invalid UTF-8 sequence, or nil when the bytes are valid.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      var need = 0
      var minValue: UInt32 = 0
      var value: UInt32 = 0
      if b & 0xE0 == 0xC0 {
        need = 1
        minValue = 0x80
        value = UInt32(b & 0x1F)
      } else if b & 0xF0 == 0xE0 {
        need = 2
        minValue = 0x800
        value = UInt32(b & 0x0F)
      } else if b & 0xF8 == 0xF0 {
        need = 3
        minValue = 0x10000
        value = UInt32(b & 0x07)
      } else {
        return i
      }
      if i + need >= n { return i }
      for k in 1...need {
        let c = bytes[i + k]
        if c & 0xC0 != 0x80 { return i }
        value = (value << 6) | UInt32(c & 0x3F)
      }
      if value < minValue || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return i }
      i += need + 1
    }
    return nil
  }
}
