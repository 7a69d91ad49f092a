/// A recoverable problem noticed while processing, reported alongside a result rather than thrown.
public struct Diagnostic: Codable, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Codable, Sendable { case note, warning }
  public var severity: Severity
  /// Stable short identifier, e.g. `unbalanced-quote`.
  public var code: String
  public var message: String
  public var doc: String?
  public var offset: Int?

  public init(_ severity: Severity, code: String, message: String, doc: String? = nil, offset: Int? = nil) {
    self.severity = severity
    self.code = code
    self.message = message
    self.doc = doc
    self.offset = offset
  }
  public var description: String {
    var where_ = doc ?? ""
    if let offset { where_ += where_.isEmpty ? "offset \(offset)" : ":\(offset)" }
    return "\(severity.rawValue): \(where_.isEmpty ? "" : where_ + ": ")\(message) [\(code)]"
  }
}
