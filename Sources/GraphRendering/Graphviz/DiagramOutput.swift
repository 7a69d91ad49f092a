import DocumentModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a graph's diagram files (`graph.dot`, `graph.svg`, …) into a folder, atomically.
///
/// For ``OutputFormat/dot`` the file is the ``DOTWriter`` source (byte-identical for the same
/// graph, so it can be committed and diffed); the other formats are rendered from that text with
/// ``GraphvizRenderer``. Each file is written to a temporary file in the same folder and renamed
/// into place, so a reader never sees a half-written file.
///
/// ```swift
/// let urls = try DiagramOutput.write(
///   graph: graph, formats: [.dot, .svg, .png], layout: .auto, to: outputFolder, baseName: "graph")
/// ```
public enum DiagramOutput {
  /// Writes `baseName.<ext>` for each of `formats` into `directory` (created when missing).
  ///
  /// - Parameters:
  ///   - graph: The graph to draw.
  ///   - formats: The files to write; the DOT text is produced once and shared.
  ///   - layout: The layout engine for images.
  ///   - options: Options for the ``DOTWriter``.
  ///   - timeBudget: The longest one image render may take; no limit when `nil`.
  ///   - directory: The output folder.
  ///   - baseName: The file name without extension.
  /// - Returns: The files written, in the order of `formats`.
  /// - Throws: ``RenderingError`` (`.writeFailed` with the path, or a rendering code).
  @discardableResult
  public static func write(
    graph: KnowledgeGraph, formats: [OutputFormat], layout: LayoutEngine = .auto,
    options: DOTWriter.Options = DOTWriter.Options(), timeBudget: Duration? = nil, to directory: URL,
    baseName: String = "graph"
  ) throws -> [URL] {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw RenderingError(
        .writeFailed, "cannot create the folder: \(Self.reason(error))", path: directory.path)
    }
    let dot = DOTWriter(options: options).dotText(for: graph)
    return try write(
      dot: dot, formats: formats, layout: layout, timeBudget: timeBudget, to: directory, baseName: baseName)
  }

  /// Writes `baseName.<ext>` for each of `formats` from DOT text: the `.dot` file is the text itself, and
  /// every image format is rendered from one layout of it.
  ///
  /// - Returns: The files written, in the order of `formats`.
  /// - Throws: ``RenderingError`` (`.writeFailed` with the path, or a rendering code with the first image's path).
  @discardableResult
  public static func write(
    dot: String, formats: [OutputFormat], layout: LayoutEngine = .auto, timeBudget: Duration? = nil,
    to directory: URL, baseName: String
  ) throws -> [URL] {
    let url = { (format: OutputFormat) in directory.appendingPathComponent("\(baseName).\(format.fileExtension)") }
    let images = formats.filter { $0 != .dot }
    var rendered: [OutputFormat: Data] = [:]
    if !images.isEmpty {
      do {
        let data = try GraphvizRenderer.render(dot: dot, formats: images, layout: layout, timeBudget: timeBudget)
        rendered = Dictionary(uniqueKeysWithValues: zip(images, data))
      } catch var error as RenderingError {
        error.path = error.path ?? url(images[0]).path
        throw error
      }
    }
    var written: [URL] = []
    for format in formats {
      try writeAtomically(format == .dot ? Data(dot.utf8) : rendered[format]!, to: url(format))
      written.append(url(format))
    }
    return written
  }

  /// A file error in a few words: the POSIX reason when Foundation kept one ("no space left on
  /// device", "permission denied"), else Foundation's description.
  static func reason(_ error: any Error) -> String {
    var current: NSError? = error as NSError
    while let ns = current {
      if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
      current = ns.userInfo[NSUnderlyingErrorKey] as? NSError
    }
    switch CocoaError.Code(rawValue: (error as NSError).code) {
    case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC)).lowercased()
    case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES)).lowercased()
    case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS)).lowercased()
    case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT)).lowercased()
    default: return (error as NSError).localizedDescription
    }
  }

  /// Writes `data` to `url` through a temporary file in the same folder and a rename.
  ///
  /// - Throws: ``RenderingError`` with `.writeFailed` naming the file.
  public static func writeAtomically(_ data: Data, to url: URL) throws {
    try writeAtomically(to: url) { write in try write(data) }
  }

  /// Writes what `produce` passes to its `write` function, piece by piece, to `url` through a temporary file
  /// in the same folder and a rename, so a big output is never held whole in memory and never seen half
  /// written. An error thrown by `produce` removes the temporary file and is rethrown as it is.
  ///
  /// - Throws: ``RenderingError`` with `.writeFailed` naming the file, or the error `produce` threw.
  public static func writeAtomically(to url: URL, _ produce: (_ write: (Data) throws -> Void) throws -> Void) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    struct WriteFailure: Error { var underlying: any Error }
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw RenderingError(
        .writeFailed, "cannot write: \(String(cString: strerror(errno)).lowercased())", path: url.path)
    }
    do {
      let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
      defer { close(fd) }
      try produce { data in
        do { try handle.write(contentsOf: data) } catch { throw WriteFailure(underlying: error) }
      }
    } catch let failure as WriteFailure {
      try? FileManager.default.removeItem(at: temporary)
      throw RenderingError(.writeFailed, "cannot write: \(Self.reason(failure.underlying))", path: url.path)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw RenderingError(.writeFailed, "cannot move the new file into place: \(reason)", path: url.path)
    }
  }
}
