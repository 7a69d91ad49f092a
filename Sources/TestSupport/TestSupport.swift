import DocumentModel
import Foundation

/// Helpers shared by the test targets: paths, temporary folders, running the built executable.
public enum TestSupport {
  /// The repository root (the folder holding Package.swift).
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // TestSupport.swift, TestSupport, Sources
    return url
  }()

  /// A fresh, empty temporary folder.
  public static func makeTemporaryDirectory(_ label: String = "eg") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The built `entitygraph` executable next to the test bundle, if present.
  public static func executable(named name: String = "entitygraph") -> URL? {
    var candidates: [URL] = []
    if let first = CommandLine.arguments.first {
      let url = URL(fileURLWithPath: first)
      candidates.append(url.deletingLastPathComponent().appendingPathComponent(name))
      // Inside an .xctest bundle on macOS: …/X.xctest/Contents/MacOS/X
      candidates.append(
        url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
          .deletingLastPathComponent().appendingPathComponent(name))
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
    candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug/\(name)"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// What a finished process printed and returned.
  public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs an executable to completion, feeding `input` on standard input.
  public static func run(
    _ executable: URL, _ arguments: [String], input: Data? = nil, in directory: URL? = nil
  ) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    // Drain both pipes concurrently so a chatty child never blocks.
    let outData = LockedData()
    let errData = LockedData()
    let group = DispatchGroup()
    for (pipe, sink) in [(out, outData), (err, errData)] {
      group.enter()
      DispatchQueue.global().async {
        sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
        group.leave()
      }
    }
    if let input { inPipe.fileHandleForWriting.write(input) }
    try? inPipe.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return ProcessOutput(
      status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
      stderr: String(decoding: errData.get(), as: UTF8.self))
  }

  /// Builds a document and an entity list by hand: each `(surface, kind)` pair is found in `text`
  /// (every occurrence) and becomes a mention of the entity named `surface`.
  public static func makeGraph(text: String, id: String = "doc", entities: [(String, EntityKind)]) -> KnowledgeGraph {
    let document = Document(id: id, text: text)
    var graph = KnowledgeGraph(documents: [DocumentInfo(id: id, path: "\(id).txt", length: document.length)])
    for (surface, kind) in entities {
      var mentions: [Mention] = []
      let needle = Array(surface.unicodeScalars)
      let hay = document.scalars
      if !needle.isEmpty && needle.count <= hay.count {
        for start in 0...(hay.count - needle.count) where Array(hay[start..<(start + needle.count)]) == needle {
          mentions.append(document.evidence(start, start + needle.count))
        }
      }
      graph.add(Entity(kind: kind, name: surface, mentions: mentions))
    }
    return graph
  }
}

private final class LockedData: @unchecked Sendable {
  private var data = Data()
  private let lock = NSLock()
  func set(_ d: Data) {
    lock.lock()
    data = d
    lock.unlock()
  }
  func get() -> Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
