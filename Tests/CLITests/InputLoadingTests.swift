import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

/// Issue 12's input cases: byte order marks, special files, dangling links, size units, and TSV/CSV
/// fields that stay one line and free of raw control characters.
@Suite struct InputLoadingTests {
  static let article = "Maria Lopez visited Chile."

  func folder(_ label: String) throws -> URL { try TestSupport.makeTemporaryDirectory(label) }

  @Test(arguments: [
    ("utf-16le", Data([0xFF, 0xFE])), ("utf-16be", Data([0xFE, 0xFF])),
    ("utf-32le", Data([0xFF, 0xFE, 0x00, 0x00])), ("utf-32be", Data([0x00, 0x00, 0xFE, 0xFF])),
  ])
  func textWithAByteOrderMarkIsDecoded(_ name: String, _ mark: Data) throws {
    var body = Data()
    for scalar in Self.article.unicodeScalars {
      let value = scalar.value
      switch name {
      case "utf-16le": body += [UInt8(value & 0xFF), UInt8(value >> 8)]
      case "utf-16be": body += [UInt8(value >> 8), UInt8(value & 0xFF)]
      case "utf-32le": body += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), 0, 0]
      default: body += [0, 0, UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
      }
    }
    let text = try DocumentLoader.decode(mark + body, path: "\(name).txt")
    #expect(text == Self.article)
  }

  /// Decoding validates with the standard library and asks `firstInvalidUTF8` only for the offset of a bad byte:
  /// the two must agree on which byte strings are UTF-8 (overlong forms, surrogates, cut sequences, stray
  /// continuation bytes), or a file would be refused with no offset or decoded despite a bad byte.
  @Test func bothUTF8ChecksAgree() {
    var state: UInt64 = 12_345
    func next() -> UInt8 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
    let pieces: [[UInt8]] = [
      Array("ab".utf8), Array("é".utf8), Array("€".utf8), Array("𝄞".utf8), [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
      [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0xF0, 0x9D, 0x84], [0xFF],
    ]
    var invalid = 0
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<(Int(next()) % 6) { bytes += pieces[Int(next()) % pieces.count] }
      if next() % 4 == 0 { bytes.append(next()) }
      let valid = String(validating: bytes, as: UTF8.self) != nil
      #expect(valid == (DocumentLoader.firstInvalidUTF8(bytes) == nil), "\(bytes)")
      if !valid { invalid += 1 }
    }
    #expect(invalid > 1_000 && invalid < 4_500)
  }

  @Test func unmarkedUTF16IsNamedNotCalledBinary() {
    let bytes = Data(Self.article.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect {
      try DocumentLoader.decode(bytes, path: "u.txt")
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.code == .unsupportedEncoding && error.message.contains("UTF-16LE")
    }
  }

  @Test func aDeviceIsRefusedAsNotARegularFile() throws {
    let file = InputFile(path: "/dev/zero", id: "zero")
    #expect {
      try DocumentLoader.read(file)
    } throws: { ($0 as? InputError)?.code == .notRegularFile }
  }

  @Test func aNamedPipeIsReadWithinTheSizeLimit() throws {
    let dir = try folder("fifo")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe.txt").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let writer = Thread {
      let fd = open(fifo, O_WRONLY)
      _ = Self.article.withCString { write(fd, $0, strlen($0)) }
      close(fd)
    }
    writer.start()
    let document = try DocumentLoader.read(InputFile(path: fifo, id: "pipe"))
    #expect(document.text == Self.article)
  }

  /// No writer ever opens the pipe: reading gives up after the idle timeout instead of hanging.
  @Test func aNamedPipeWithoutAWriterDoesNotHang() throws {
    let dir = try folder("fifo-idle")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("idle.txt").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let started = ContinuousClock.now
    #expect {
      try DocumentLoader.read(InputFile(path: fifo, id: "idle"))
    } throws: { ($0 as? InputError)?.code == .pipeTimeout }
    #expect(ContinuousClock.now - started < DocumentLoader.pipeIdleTimeout + .seconds(5))
  }

  @Test func standardInputFromADeviceStopsAtTheSizeLimit() throws {
    let bin = try #require(TestSupport.executable())
    let r = try TestSupport.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" mentions - --format tsv < /dev/zero", bin.path])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains("file-too-large"), "stderr: \(r.stderr)")
  }

  @Test func aDanglingLinkInAFolderIsReported() throws {
    let bin = try #require(TestSupport.executable())
    let dir = try folder("dangling")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(Self.article.utf8).write(to: dir.appendingPathComponent("a.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("b.txt").path, withDestinationPath: "/no/such/file")
    var r = try TestSupport.run(bin, ["mentions", dir.path])
    #expect(r.status == ExitCodes.partial)
    #expect(r.stderr.contains("b.txt") && r.stderr.contains("dangling-link"), "stderr: \(r.stderr)")
    try FileManager.default.removeItem(at: dir.appendingPathComponent("a.txt"))
    r = try TestSupport.run(bin, ["mentions", dir.path])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains("dangling-link"), "stderr: \(r.stderr)")
  }

  @Test(arguments: [(10, "10 bytes"), (1, "1 byte"), (2_500, "2.5 KB"), (20_000_000, "20.0 MB")])
  func sizeLimitsAreShownInASensibleUnit(_ bytes: Int, _ shown: String) {
    #expect(DocumentLoader.byteCount(bytes) == shown)
  }

  @Test func aSmallLimitIsNotShownAsZeroMegabytes() throws {
    let dir = try folder("limit")
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("a.txt")
    try Data(Self.article.utf8).write(to: url)
    #expect {
      try DocumentLoader.read(InputFile(path: url.path, id: "a"), maxBytes: 10)
    } throws: { error in
      let message = (error as? InputError)?.message ?? ""
      return message.contains("26 bytes") && message.contains("10 bytes limit") && !message.contains("0.0 MB")
    }
  }

  /// `mentions` makes each document's lines on all cores as soon as it is analysed: they still come out in path order.
  @Test func mentionsComeOutInPathOrder() throws {
    let bin = try #require(TestSupport.executable())
    let dir = try folder("order")
    defer { try? FileManager.default.removeItem(at: dir) }
    let ids = (0..<12).map { String(format: "d%02d", $0) }
    for id in ids.shuffled() { try Data(Self.article.utf8).write(to: dir.appendingPathComponent("\(id).txt")) }
    let r = try TestSupport.run(bin, ["mentions", dir.path, "--format", "tsv"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let docs = r.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    #expect(docs == ids.flatMap { [$0, $0] })
  }

  @Test func tsvFieldsStayOnOneLine() throws {
    let bin = try #require(TestSupport.executable())
    let dir = try folder("tsv")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(Self.article.utf8).write(to: dir.appendingPathComponent("two\nlines\u{1b}.txt"))
    let r = try TestSupport.run(bin, ["mentions", dir.path, "--format", "tsv"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
    #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1b })
  }

  @Test func csvFieldsCarryNoRawControlCharacters() {
    let field = QueryOutput.csvField("a\u{1b}[31mred\u{0}, \u{7f}\u{85}")
    #expect(!field.unicodeScalars.contains { ($0.value < 0x20) || (0x7F..<0xA0).contains($0.value) })
    #expect(field == "\"a\\u{1b}[31mred\\u{0}, \\u{7f}\\u{85}\"")
    #expect(QueryOutput.csvField("line\nbreak") == "\"line\nbreak\"")
  }
}
