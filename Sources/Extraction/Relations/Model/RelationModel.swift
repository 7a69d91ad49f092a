import Foundation

/// A trained relation classifier: an averaged multi-class perceptron over hashed pair features, with a
/// decision threshold and a logistic calibration of its margin, both chosen by cross-validation.
///
/// ```swift
/// let model = try RelationModel.makeDefault()
/// let (cls, confidence) = model.classify(features)
/// ```
public struct RelationModel: Sendable {
  /// Hash bits of the feature table (`1 << bits` rows of ``RelationClass/count`` weights).
  public let bits: Int
  /// Dense weights, row-major: `weights[row * RelationClass.count + class]`.
  var weights: [Float]
  /// Per decision group (``RelationClass/decisionGroup(subject:)``; group 0, `none`'s, is unused), the margin
  /// (best relation score minus the `none` score) a pair needs to be emitted.
  public var thresholds: [Float]
  /// Calibration: confidence = 1 / (1 + exp(-(slope · margin + intercept))).
  public var slope: Float
  public var intercept: Float

  static let magic: [UInt8] = Array("EGRM".utf8)
  static let version: UInt32 = 3

  /// An all-zero model.
  public init(bits: Int) {
    precondition(bits >= 8 && bits <= 24)
    self.bits = bits
    weights = [Float](repeating: 0, count: (1 << bits) * RelationClass.count)
    thresholds = [Float](repeating: 0, count: RelationClass.groupCount)
    slope = 1
    intercept = 0
  }

  var extractor: RelationFeatureExtractor { RelationFeatureExtractor(bits: bits) }

  /// The class scores of a feature list.
  func scores(_ features: [UInt32]) -> [Float] {
    let C = RelationClass.count
    var s = [Float](repeating: 0, count: C)
    weights.withUnsafeBufferPointer { w in
      for f in features {
        let row = Int(f) * C
        for c in 0..<C { s[c] += w[row + c] }
      }
    }
    return s
  }

  /// The best relation class among `allowed` (a bit per class) and its margin over `none`, or `nil` when
  /// no relation class is allowed.
  func best(_ features: [UInt32], allowed: UInt32) -> (RelationClass, Float)? {
    let s = scores(features)
    var bestClass = -1
    for c in 1..<RelationClass.count where allowed & (1 << c) != 0 && (bestClass < 0 || s[c] > s[bestClass]) {
      bestClass = c
    }
    guard bestClass > 0 else { return nil }
    return (RelationClass(rawValue: bestClass)!, s[bestClass] - s[0])
  }

  /// The calibrated probability that a pair with this margin holds the predicted relation.
  func confidence(margin: Float) -> Double {
    let z = Double(slope * margin + intercept)
    return 1 / (1 + exp(-z))
  }

  // MARK: - Binary format

  /// Serializes the model.
  ///
  /// Layout (little-endian): `EGRM`, version, class count, bits, feature-template version, group count, one
  /// threshold per decision group, slope, intercept, weight scale, row count, then per non-zero row a UInt32 index and `classCount` Int8 values
  /// (`value = q * scale`).
  public func serialized() -> Data {
    var out = ModelBytes.Writer()
    out.bytes(Self.magic)
    out.u32(Self.version)
    out.u32(UInt32(RelationClass.count))
    out.u32(UInt32(bits))
    out.u32(RelationFeatureExtractor.templateVersion)
    out.u32(UInt32(thresholds.count))
    for t in thresholds { out.f32(t) }
    out.f32(slope)
    out.f32(intercept)
    out.quantizedRows(weights, width: RelationClass.count)
    return out.data
  }

  /// Reads a model written by ``serialized()``.
  ///
  /// - Parameter name: where the data came from, for the error message.
  /// - Throws: ``ExtractionError`` `.badModel` when the data is not a relation model of this version and
  ///   feature templates.
  public init(data: Data, name: String = "relation model") throws {
    var reader = ModelBytes.Reader(data) {
      ExtractionError(.badModel, "\(name): \($0); retrain it with `entitygraph train-relations`")
    }
    guard reader.expect(Self.magic) else { throw reader.bad("not a relation model (bad magic)") }
    guard try reader.u32() == Self.version else { throw reader.bad("unsupported version") }
    let C = Int(try reader.u32())
    guard C == RelationClass.count else { throw reader.bad("expected \(RelationClass.count) classes, found \(C)") }
    let bits = Int(try reader.u32())
    guard bits >= 8 && bits <= 24 else { throw reader.bad("bad hash size \(bits)") }
    let templates = try reader.u32()
    guard templates == RelationFeatureExtractor.templateVersion else {
      throw reader.bad(
        "trained with feature templates v\(templates), this build computes v\(RelationFeatureExtractor.templateVersion)"
      )
    }
    self.init(bits: bits)
    let groups = Int(try reader.u32())
    guard groups == RelationClass.groupCount else {
      throw reader.bad("expected \(RelationClass.groupCount) threshold groups, found \(groups)")
    }
    for g in 0..<groups { thresholds[g] = try reader.f32() }
    slope = try reader.f32()
    intercept = try reader.f32()
    guard thresholds.allSatisfy(\.isFinite), slope.isFinite, intercept.isFinite else {
      throw reader.bad("non-finite parameters")
    }
    try reader.quantizedRows(into: &weights, width: C)
  }

  /// Loads the model bundled with the module (`Resources/relation-model.bin`).
  public static func makeDefault() throws -> RelationModel {
    try RelationModel(data: try ResourceLoader.data("relation-model", "bin"), name: "bundled relation-model.bin")
  }
}
