import Foundation
import Testing

/// Compares text with `Golden/<suite>/<test>.dot` next to this file.
///
/// When the file is missing, or the environment sets `RECORD_GOLDEN=1`, the text is written and
/// the check still fails, so a re-recording always shows up in the test run. A mismatch fails with
/// a line diff.
enum GoldenFile {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func check(
    _ actual: String, suite: String, test: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(suite).appendingPathComponent("\(test).dot")
    let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
      do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url, options: .atomic)
        Issue.record(
          "Recorded golden file \(url.path); check it and run the test again", sourceLocation: sourceLocation)
      } catch {
        Issue.record("Could not record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    if expected != actual {
      Issue.record(
        "Output differs from \(url.lastPathComponent) (- golden, + actual):\n\(lineDiff(expected, actual))",
        sourceLocation: sourceLocation)
    }
  }

  /// A minimal line diff: the changed middle part, after the common prefix and suffix.
  static func lineDiff(_ old: String, _ new: String) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < min(a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(a.count, b.count) - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    var lines = ["@@ line \(prefix + 1) @@"]
    lines += a[prefix..<(a.count - suffix)].map { "- \($0)" }
    lines += b[prefix..<(b.count - suffix)].map { "+ \($0)" }
    return lines.joined(separator: "\n")
  }
}
