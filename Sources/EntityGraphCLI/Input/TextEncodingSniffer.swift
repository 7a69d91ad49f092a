import Foundation

/// Recognizes UTF-16 and UTF-32 text, which used to be refused as "binary" (issue 12).
enum TextEncodingSniffer {
  /// The text of `data` when it starts with a UTF-32 or UTF-16 byte order mark (the mark removed);
  /// `nil` when it has no such mark (then it is read as UTF-8).
  ///
  /// - Throws: ``InputError`` `.invalidUTF8` naming the encoding when the units after the mark are
  ///   not valid (an unpaired surrogate, a truncated unit, a value over U+10FFFF).
  static func decodeWithByteOrderMark(_ data: Data, path: String) throws -> String? {
    let bytes = [UInt8](data.prefix(4))
    let encoding: (name: String, unit: Int, bigEndian: Bool)
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      encoding = ("UTF-32LE", 4, false)
    } else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
      encoding = ("UTF-32BE", 4, true)
    } else if bytes.starts(with: [0xFF, 0xFE]) {
      encoding = ("UTF-16LE", 2, false)
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      encoding = ("UTF-16BE", 2, true)
    } else {
      return nil
    }
    let body = [UInt8](data.dropFirst(encoding.unit))
    func invalid(_ detail: String) -> InputError {
      InputError(
        .invalidUTF8, path: path,
        "starts with a \(encoding.name) byte order mark but is not valid \(encoding.name) (\(detail)); "
          + "convert it, e.g. `iconv -f \(encoding.name) -t utf-8`")
    }
    guard body.count % encoding.unit == 0 else { throw invalid("\(body.count % encoding.unit) byte(s) left over") }
    let text: String?
    if encoding.unit == 2 {
      let high = encoding.bigEndian ? 0 : 1
      var units: [UInt16] = []
      units.reserveCapacity(body.count / 2)
      for i in stride(from: 0, to: body.count, by: 2) {
        let value: UInt16 = UInt16(body[i + high]) << 8
        units.append(value | UInt16(body[i + 1 - high]))
      }
      text = String(validating: units, as: UTF16.self)
    } else {
      var units: [UInt32] = []
      units.reserveCapacity(body.count / 4)
      for i in stride(from: 0, to: body.count, by: 4) {
        var value: UInt32 = 0
        for k in 0..<4 {
          let byte = UInt32(body[encoding.bigEndian ? i + k : i + 3 - k])
          value = value << 8 | byte
        }
        units.append(value)
      }
      text = String(validating: units, as: UTF32.self)
    }
    guard let text else { throw invalid("an invalid code unit") }
    guard !text.unicodeScalars.contains(where: { $0.value == 0 }) else { throw invalid("NUL characters") }
    return text
  }

  /// `UTF-16LE` or `UTF-16BE` when `sample` looks like unmarked UTF-16 text: most even (or odd) bytes
  /// are NUL and the others mostly printable ASCII.
  static func unmarkedUTF16(_ sample: some Collection<UInt8>) -> String? {
    guard sample.count >= 8 else { return nil }
    // Per position parity (even, odd): how many bytes, how many zero, how many printable ASCII or line breaks.
    var units = (0, 0)
    var zeros = (0, 0)
    var text = (0, 0)
    for (k, b) in sample.enumerated() {
      let isText = (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x0D || b == 0x09
      if k & 1 == 0 {
        units.0 += 1
        if b == 0 { zeros.0 += 1 }
        if isText { text.0 += 1 }
      } else {
        units.1 += 1
        if b == 0 { zeros.1 += 1 }
        if isText { text.1 += 1 }
      }
    }
    if zeros.1 * 10 >= units.1 * 9 && text.0 * 10 >= units.0 * 9 { return "UTF-16LE" }
    if zeros.0 * 10 >= units.0 * 9 && text.1 * 10 >= units.1 * 9 { return "UTF-16BE" }
    return nil
  }
}
