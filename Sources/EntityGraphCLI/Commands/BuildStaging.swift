import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The staging folder of one `build`: outputs are written here, then moved into the output folder
/// together by ``publish(_:)``.
///
/// The folder is `.NAME.build-PID-RANDOM` beside the output folder `NAME`, so it is on the same
/// file system and each move is a `rename` that cannot fail half-way or run out of space.
struct BuildStaging {
  /// Where the outputs are written first.
  let folder: URL
  /// The output folder (`--out`).
  let destination: URL

  /// Every file name a `build` can write; those not written by this run are removed on publish.
  static let knownOutputs: [String] =
    ["graph", "speakers", "who-mentioned"].flatMap { base in
      ["json", "dot", "svg", "png", "pdf"].map { "\(base).\($0)" }
    } + ["report.html"]

  /// Creates the staging folder (and the output folder's parent when missing).
  ///
  /// - Throws: Foundation's error when a folder cannot be created.
  init(for destination: URL) throws {
    self.destination = destination
    let parent = destination.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    folder = parent.appendingPathComponent(
      ".\(destination.lastPathComponent).build-\(getpid())-\(UInt32.random(in: 0...UInt32.max))",
      isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    Self.removeAbandoned(beside: destination)
  }

  /// Removes staging folders of builds that were killed (their process is gone), so an interrupted
  /// build leaves no clutter beyond the next run.
  static func removeAbandoned(beside destination: URL) {
    let parent = destination.deletingLastPathComponent()
    let prefix = ".\(destination.lastPathComponent).build-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
      }
    }
  }

  /// Moves `names` from the staging folder into the destination and removes the earlier build's
  /// outputs that this run did not write.
  ///
  /// - Throws: Foundation's or a POSIX error (as `NSError`) when the destination cannot be made or a
  ///   file cannot be moved.
  func publish(_ names: [String]) throws {
    try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
    for name in names {
      let from = folder.appendingPathComponent(name).path
      let to = destination.appendingPathComponent(name).path
      guard rename(from, to) == 0 else {
        throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSFilePathErrorKey: to])
      }
    }
    let kept = Set(names)
    for name in Self.knownOutputs where !kept.contains(name) {
      let stale = destination.appendingPathComponent(name).path
      if FileManager.default.fileExists(atPath: stale) { unlink(stale) }
    }
  }

  /// Removes the staging folder and whatever is left in it.
  func discard() {
    try? FileManager.default.removeItem(at: folder)
  }
}
