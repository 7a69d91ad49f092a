import Foundation

/// Exit codes of `entitygraph`, documented in the README and `--help`.
public enum ExitCodes {
  /// Everything worked.
  public static let success: Int32 = 0
  /// Output was written, but some inputs were skipped (each reported on stderr).
  public static let partial: Int32 = 1
  /// Nothing usable could be read from the inputs.
  public static let noInput: Int32 = 3
  /// Rendering with Graphviz failed (layout, plugins, time budget).
  public static let renderFailed: Int32 = 4
  /// The graph store could not be opened, read or written.
  public static let storeFailed: Int32 = 5
  /// A system resource is missing (Graphviz plugins, ISO country data) or output cannot be written.
  public static let environment: Int32 = 6
  /// Invalid arguments (swift-argument-parser's usage error).
  public static let usage: Int32 = 64
}

/// Writing to standard error and standard output without buffering surprises.
public enum Console {
  /// Writes a line to standard error.
  public static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
  /// Writes text to standard output.
  public static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
  /// Whether standard error is a terminal (progress bars only then).
  public static var stderrIsTerminal: Bool { isatty(2) != 0 }
}
