// libFuzzer target: bytes → text through the document loader's decoder (Scripts/fuzz.sh builds it with
// DocumentLoader.swift, InputBytes.swift and TextEncodingSniffer.swift compiled in).
import DocumentModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  do {
    let text = try DocumentLoader.decode(data, path: "fuzz.txt")
    // A decoded text is never empty or blank, never holds NUL, and UTF-8 without a byte order mark
    // comes back byte for byte.
    precondition(!text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
    precondition(!text.unicodeScalars.contains { $0.value == 0 })
    let marks: [[UInt8]] = [[0xFF, 0xFE], [0xFE, 0xFF], [0x00, 0x00, 0xFE, 0xFF]]
    if !marks.contains(where: { data.starts(with: $0) }) {
      precondition(Array(text.utf8) == Array(data), "UTF-8 input changed by decoding")
    }
    let document = Document(id: "fuzz", text: text)
    precondition(document.length == text.unicodeScalars.count)
  } catch let error as InputError {
    precondition(!error.message.isEmpty && error.description.hasSuffix("[\(error.code.rawValue)]"))
  } catch {
    preconditionFailure("decode threw something other than InputError: \(error)")
  }
  return 0
}
