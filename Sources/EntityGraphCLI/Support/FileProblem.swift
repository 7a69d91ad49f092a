import Foundation
import GraphRendering

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file operation failed, in a few words and a stable code, instead of Foundation's error dump.
///
/// `Error Domain=NSCocoaErrorDomain Code=513 "(null)" UserInfo={NSFilePath=…, NSUnderlyingError=…}`
/// becomes `permission denied [permission-denied]` (issue 12).
///
/// ```swift
/// Console.error("error: \(path): cannot write: \(FileProblem(error))")
/// ```
struct FileProblem: CustomStringConvertible, Equatable {
  /// A stable short identifier: `permission-denied`, `no-space`, `read-only`, `not-found`,
  /// `not-a-folder`, `io-error`.
  var code: String
  /// What went wrong, lower case, no path.
  var reason: String

  init(code: String, reason: String) {
    self.code = code
    self.reason = reason
  }

  /// The problem behind `error`: its POSIX error number where Foundation kept one, else its Cocoa code.
  init(_ error: any Error) {
    if let rendering = error as? RenderingError {
      self.init(code: rendering.code.rawValue, reason: rendering.message)
      return
    }
    let ns = error as NSError
    if let number = Self.posixNumber(ns) {
      self.init(errno: number)
      return
    }
    switch CocoaError.Code(rawValue: ns.code) {
    case .fileWriteNoPermission, .fileReadNoPermission: self.init(errno: EACCES)
    case .fileWriteOutOfSpace: self.init(errno: ENOSPC)
    case .fileWriteVolumeReadOnly: self.init(errno: EROFS)
    case .fileNoSuchFile, .fileReadNoSuchFile: self.init(errno: ENOENT)
    default: self.init(code: "io-error", reason: ns.localizedDescription)
    }
  }

  /// The problem for a POSIX error number.
  init(errno number: Int32) {
    let code: String
    switch number {
    case EACCES, EPERM: code = "permission-denied"
    case ENOSPC, EDQUOT, EFBIG: code = "no-space"
    case EROFS: code = "read-only"
    case ENOENT: code = "not-found"
    case ENOTDIR, EISDIR: code = "not-a-folder"
    default: code = "io-error"
    }
    self.init(code: code, reason: String(cString: strerror(number)).lowercased())
  }

  private static func posixNumber(_ error: NSError) -> Int32? {
    if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return posixNumber(underlying) }
    return nil
  }

  /// Whether `error` is Foundation's file error (its description would be a raw dump), not one of ours.
  static func isFileError(_ error: any Error) -> Bool {
    let domain = (error as NSError).domain
    return error is CocoaError || domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain
  }

  /// `reason [code]`.
  var description: String { "\(reason) [\(code)]" }
}
