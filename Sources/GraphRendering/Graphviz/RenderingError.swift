import Foundation

/// The error thrown by GraphRendering: a stable ``Code`` plus a message and Graphviz's own words.
///
/// ```swift
/// do { _ = try GraphvizRenderer.render(dot: text, format: .svg) }
/// catch let error as RenderingError where error.code == .syntax { print(error) }
/// ```
public struct RenderingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong; the raw value is a stable short identifier.
  public enum Code: String, Sendable, Equatable, CaseIterable {
    /// `gvContext()` failed.
    case contextUnavailable = "context-unavailable"
    /// Graphviz has no layout plugins: its `config6a` file is missing or stale.
    case pluginsMissing = "plugins-missing"
    /// The requested layout engine is not installed.
    case layoutUnavailable = "layout-unavailable"
    /// The DOT text could not be parsed.
    case syntax
    /// `gvLayout` failed.
    case layoutFailed = "layout-failed"
    /// `gvRenderData` failed.
    case renderFailed = "render-failed"
    /// The layout did not finish within the time budget.
    case timeout
    /// The worker process could not be started or died.
    case workerFailed = "worker-failed"
    /// An output file could not be written.
    case writeFailed = "write-failed"
  }

  /// The kind of failure.
  public var code: Code
  /// What happened, in words.
  public var message: String
  /// Messages Graphviz reported while it worked, joined; empty when none.
  public var graphvizMessages: String
  /// The file involved, when there is one.
  public var path: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, graphvizMessages: String = "", path: String? = nil) {
    self.code = code
    self.message = message
    self.graphvizMessages = graphvizMessages
    self.path = path
  }

  /// `path: message (Graphviz: …) [code]`.
  public var description: String {
    var text = path.map { "\($0): " } ?? ""
    text += message
    let details = graphvizMessages.trimmingCharacters(in: .whitespacesAndNewlines)
    if !details.isEmpty { text += " (Graphviz: \(details))" }
    return text + " [\(code.rawValue)]"
  }
}
