import DocumentModel
import Foundation
import Testing

@testable import Extraction

/// The tagger model records the fingerprint of the feature lexicons it was trained with, and a model
/// trained with other lexicons is refused with a `.badModel` error naming its file.
@Suite struct TaggerModelFingerprintTests {
  static func tinyModel() throws -> (TaggerModel, Lexicon) {
    let lexicon = try #require(EntityFixtures.recognizer?.lexicon, "the lexicon needs iso-codes")
    let docs = try ConllReader.parse(TaggerModelTests.fixture)
    return (PerceptronTrainer(lexicon: lexicon, epochs: 2, bits: 12, seed: 1).train(docs), lexicon)
  }

  @Test func bundledModelRecordsTheBundledLexicons() throws {
    let model = try TaggerModel.makeDefault()
    #expect(model.lexiconFingerprint == (try Lexicon.bundledFeatureFingerprint()))
    #expect(model.secondPass == nil || model.secondPass?.lexiconFingerprint == model.lexiconFingerprint)
  }

  @Test func trainedModelRecordsItsLexiconsAndKeepsThemThroughTheFile() throws {
    let (model, lexicon) = try Self.tinyModel()
    #expect(model.lexiconFingerprint == lexicon.featureFingerprint)
    #expect(lexicon.featureFingerprint != 0)
    #expect(try TaggerModel(data: model.serialized()).lexiconFingerprint == lexicon.featureFingerprint)
  }

  @Test func modelOfOtherLexiconsIsRefusedNamingTheFile() throws {
    let (trained, lexicon) = try Self.tinyModel()
    var model = trained
    model.lexiconFingerprint ^= 1
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("eg-stale-\(UUID().uuidString).bin")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.serialized().write(to: url)
    #expect {
      _ = try TaggerModel(contentsOf: url, lexicon: lexicon)
    } throws: { error in
      guard let e = error as? ExtractionError else { return false }
      return e.code == .badModel && e.message.contains(url.path) && e.message.contains("lexicons changed")
        && e.message.contains("entitygraph train")
    }
    model.lexiconFingerprint ^= 1
    try model.serialized().write(to: url)
    #expect(try TaggerModel(contentsOf: url, lexicon: lexicon).lexiconFingerprint == lexicon.featureFingerprint)
  }

  @Test func formatOneModelIsRefusedWithTheWayOut() throws {
    let (model, _) = try Self.tinyModel()
    let v2 = model.serialized()
    let v1 = Data("EGNT".utf8) + Data([1, 0, 0, 0]) + v2.dropFirst(16)
    #expect {
      _ = try TaggerModel(data: v1)
    } throws: { error in
      (error as? ExtractionError)?.code == .badModel && "\(error)".contains("--convert-model")
    }
    #expect(try TaggerModel.addingLexiconFingerprint(to: v1, fingerprint: model.lexiconFingerprint) == v2)
  }

  @Test func stackedFormatOneModelConvertsPassByPass() throws {
    var model = try Self.tinyModel().0
    model.secondPass = model
    let v2 = model.serialized()
    let single = model.serializedSingle()
    let v1Single = Data("EGNT".utf8) + Data([1, 0, 0, 0]) + single.dropFirst(16)
    var v1 = Data("EGNS".utf8)
    for _ in 0..<2 {
      withUnsafeBytes(of: UInt32(v1Single.count).littleEndian) { v1.append(contentsOf: $0) }
      v1.append(v1Single)
    }
    #expect(try TaggerModel.addingLexiconFingerprint(to: v1, fingerprint: model.lexiconFingerprint) == v2)
  }

  @Test func fingerprintDependsOnEveryFeatureResource() throws {
    var files: [String: String] = [:]
    for (name, ext) in Lexicon.featureResources { files["\(name).\(ext)"] = "x" }
    let base = Lexicon.fingerprint(files)
    for key in files.keys {
      var changed = files
      changed[key] = "y"
      #expect(Lexicon.fingerprint(changed) != base, "\(key)")
    }
  }
}
