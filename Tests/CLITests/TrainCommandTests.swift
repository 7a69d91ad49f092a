import Foundation
import Testing

@testable import EntityGraphCLI
import Extraction
import TestSupport

/// `entitygraph train` through the real executable: the model it writes records the fingerprint of the
/// lexicons it was trained with, and a format-1 model is converted with every weight byte unchanged.
@Suite(.serialized) struct TrainCommandTests {
  let binary = TestSupport.executable()

  static let conll = """
    # doc = tiny
    Anna\tB-person
    Berg\tL-person
    visited\tO
    Oslo\tU-place
    .\tO

    """

  static func hex(_ v: UInt64) -> String {
    let digits = String(v, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The little-endian UInt64 at byte `offset`.
  static func u64(_ data: Data, at offset: Int) -> UInt64 {
    (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[data.startIndex + offset + $1]) << (8 * UInt64($1)) }
  }

  @Test func trainedModelRecordsTheLexiconFingerprint() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try TestSupport.makeTemporaryDirectory("train")
    let input = dir.appendingPathComponent("tiny.conll")
    try Data(Self.conll.utf8).write(to: input)
    let model = dir.appendingPathComponent("tiny.bin")
    let r = try TestSupport.run(
      bin, ["train", "--conll", input.path, "--out", model.path, "--epochs", "2", "--bits", "12"])
    #expect(r.status == 0, "\(r.stderr)")
    let fingerprint = try Lexicon.bundledFeatureFingerprint()
    #expect(r.stderr.contains("lexicon fingerprint \(Self.hex(fingerprint))"))
    let data = try Data(contentsOf: model)
    // `EGNT`, version 2, then the fingerprint.
    #expect(data.prefix(8) == Data("EGNT".utf8) + Data([2, 0, 0, 0]))
    #expect(Self.u64(data, at: 8) == fingerprint)
  }

  @Test func formatOneModelIsConvertedWithItsWeightsUnchanged() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try TestSupport.makeTemporaryDirectory("convert")
    let input = dir.appendingPathComponent("tiny.conll")
    try Data(Self.conll.utf8).write(to: input)
    let trained = dir.appendingPathComponent("tiny.bin")
    let r = try TestSupport.run(
      bin, ["train", "--conll", input.path, "--out", trained.path, "--epochs", "2", "--bits", "12"])
    #expect(r.status == 0, "\(r.stderr)")
    let v2 = try Data(contentsOf: trained)
    // The same model in format 1: version 1 and no fingerprint.
    let v1 = Data("EGNT".utf8) + Data([1, 0, 0, 0]) + v2.dropFirst(16)
    let old = dir.appendingPathComponent("old.bin")
    try v1.write(to: old)
    let converted = dir.appendingPathComponent("converted.bin")
    let c = try TestSupport.run(bin, ["train", "--convert-model", old.path, "--out", converted.path])
    #expect(c.status == 0, "\(c.stderr)")
    #expect(try Data(contentsOf: converted) == v2)
  }

  @Test func convertingAModelOfTheCurrentFormatFails() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try TestSupport.makeTemporaryDirectory("convert-again")
    let input = dir.appendingPathComponent("tiny.conll")
    try Data(Self.conll.utf8).write(to: input)
    let trained = dir.appendingPathComponent("tiny.bin")
    _ = try TestSupport.run(
      bin, ["train", "--conll", input.path, "--out", trained.path, "--epochs", "1", "--bits", "12"])
    let out = dir.appendingPathComponent("again.bin")
    let c = try TestSupport.run(bin, ["train", "--convert-model", trained.path, "--out", out.path])
    #expect(c.status == ExitCodes.noInput)
    #expect(c.stderr.contains(trained.path) && c.stderr.contains("bad-model"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func bagsAreTrainedAveragedAndChecked() throws {
    let bin = try #require(binary, "entitygraph executable not built")
    let dir = try TestSupport.makeTemporaryDirectory("bags")
    let input = dir.appendingPathComponent("tiny.conll")
    try Data(Self.conll.utf8).write(to: input)
    func train(_ extra: [String], _ name: String) throws -> (TestSupport.ProcessOutput, URL) {
      let model = dir.appendingPathComponent(name)
      let r = try TestSupport.run(
        bin, ["train", "--conll", input.path, "--out", model.path, "--epochs", "2", "--bits", "12"] + extra)
      return (r, model)
    }
    let (nine, nineModel) = try train([], "nine.bin")
    #expect(nine.status == 0, "\(nine.stderr)")
    #expect(nine.stderr.contains("9 bags"))
    let (one, oneModel) = try train(["--bags", "1"], "one.bin")
    #expect(one.status == 0 && one.stderr.contains("2 epochs, 1 bag\n"), "\(one.stderr)")
    #expect(try Data(contentsOf: nineModel) != Data(contentsOf: oneModel))
    for bad in ["0", "65"] {
      let (r, model) = try train(["--bags", bad], "bad\(bad).bin")
      #expect(r.status != 0 && r.stderr.contains("--bags must be between 1 and 64"), "\(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: model.path))
    }
  }
}
