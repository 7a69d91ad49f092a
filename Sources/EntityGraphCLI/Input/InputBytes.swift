import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the bytes of one input with POSIX calls, never more than the size limit and never forever.
///
/// - Regular files: refused up front when their size is over the limit, else read whole.
/// - Named pipes (and `/dev/fd/N` of a process substitution): opened without blocking (no writer: end of
///   file at once), read up to the limit, given up after ``DocumentLoader/pipeIdleTimeout`` of silence.
/// - Standard input: read up to the limit (`build - < /dev/zero` stops there instead of filling memory).
/// - Devices, sockets: refused (`/dev/zero` used to be "unreadable; check its permissions", issue 12).
enum InputBytes {
  static func read(_ file: InputFile, maxBytes: Int) throws -> Data {
    if file.isStandardInput {
      return try readLimited(fd: 0, file: file, maxBytes: maxBytes, idleTimeout: nil)
    }
    var info = stat()
    guard stat(file.path, &info) == 0 else {
      let number = errno
      if DocumentLoader.isSymbolicLink(file.path) {
        throw InputError(.danglingLink, path: file.path, "is a symbolic link to a missing file; fix or remove the link")
      }
      throw unreadable(file, number)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      if Int(info.st_size) > maxBytes { throw DocumentLoader.tooLarge(file, Int(info.st_size), maxBytes) }
      return try withOpenFile(file, flags: O_RDONLY) {
        try readLimited(fd: $0, file: file, maxBytes: maxBytes, idleTimeout: nil)
      }
    case S_IFIFO:
      return try withOpenFile(file, flags: O_RDONLY | O_NONBLOCK) { fd in
        try readLimited(fd: fd, file: file, maxBytes: maxBytes, idleTimeout: DocumentLoader.pipeIdleTimeout)
      }
    case S_IFCHR, S_IFBLK:
      throw InputError(
        .notRegularFile, path: file.path, "is a device, not a text file; give a .txt or .md file")
    case S_IFSOCK:
      throw InputError(.notRegularFile, path: file.path, "is a socket, not a text file; give a .txt or .md file")
    case S_IFDIR:
      throw InputError(.notRegularFile, path: file.path, "is a folder; give it as a path to read its text files")
    default:
      throw InputError(.notRegularFile, path: file.path, "is not a regular file; give a .txt or .md file")
    }
  }

  private static func unreadable(_ file: InputFile, _ number: Int32) -> InputError {
    let reason = String(cString: strerror(number)).lowercased()
    let advice = number == EACCES || number == EPERM ? "; check its permissions" : ""
    return InputError(.unreadable, path: file.path, "cannot be read: \(reason)\(advice)")
  }

  private static func withOpenFile<T>(_ file: InputFile, flags: Int32, _ body: (Int32) throws -> T) throws -> T {
    let fd = open(file.path, flags | O_CLOEXEC)
    guard fd >= 0 else { throw unreadable(file, errno) }
    defer { close(fd) }
    return try body(fd)
  }

  /// Reads until end of file, or until one byte more than `maxBytes` (then `.tooLarge`).
  private static func readLimited(fd: Int32, file: InputFile, maxBytes: Int, idleTimeout: Duration?) throws -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if let idleTimeout {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(idleTimeout.components.seconds * 1_000)
        let count = poll(&ready, 1, milliseconds)
        if count < 0 && errno == EINTR { continue }
        if count == 0 {
          throw InputError(
            .pipeTimeout, path: file.path,
            "sent nothing for \(idleTimeout.components.seconds) s; is anything writing to it?")
        }
      }
      let wanted = min(buffer.count, maxBytes + 1 - data.count)
      let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw unreadable(file, errno)
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
      if data.count > maxBytes {
        throw InputError(
          .tooLarge, path: file.path,
          "is larger than the \(DocumentLoader.byteCount(maxBytes)) limit; split it or raise --max-file-size")
      }
    }
  }
}
