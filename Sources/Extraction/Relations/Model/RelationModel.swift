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
  /// The margin (best relation score minus the `none` score) a pair needs to be emitted.
  public var threshold: Float
  /// Calibration: confidence = 1 / (1 + exp(-(slope · margin + intercept))).
  public var slope: Float
  public var intercept: Float

  static let magic: [UInt8] = Array("EGRM".utf8)
  static let version: UInt32 = 1

  /// An all-zero model.
  public init(bits: Int) {
    precondition(bits >= 8 && bits <= 24)
    self.bits = bits
    weights = [Float](repeating: 0, count: (1 << bits) * RelationClass.count)
    threshold = 0
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
  /// Layout (little-endian): `EGRM`, version, class count, bits, feature-template version, threshold, slope,
  /// intercept, weight scale, row count, then per non-zero row a UInt32 index and `classCount` Int8 values
  /// (`value = q * scale`).
  public func serialized() -> Data {
    let C = RelationClass.count
    var out = Data(Self.magic)
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    func f32(_ v: Float) { u32(v.bitPattern) }
    u32(Self.version)
    u32(UInt32(C))
    u32(UInt32(bits))
    u32(RelationFeatureExtractor.templateVersion)
    f32(threshold)
    f32(slope)
    f32(intercept)
    var maxAbs: Float = 0
    for v in weights { maxAbs = max(maxAbs, abs(v)) }
    let scale = maxAbs > 0 ? maxAbs / 127 : 1
    f32(scale)
    var rows: [(UInt32, [Int8])] = []
    for r in 0..<(1 << bits) {
      var q = [Int8](repeating: 0, count: C)
      var any = false
      for c in 0..<C {
        let v = Int8(max(-127, min(127, (weights[r * C + c] / scale).rounded())))
        q[c] = v
        if v != 0 { any = true }
      }
      if any { rows.append((UInt32(r), q)) }
    }
    u32(UInt32(rows.count))
    for (r, q) in rows {
      u32(r)
      for v in q { out.append(UInt8(bitPattern: v)) }
    }
    return out
  }

  /// Reads a model written by ``serialized()``.
  ///
  /// - Parameter name: where the data came from, for the error message.
  /// - Throws: ``ExtractionError`` `.badModel` when the data is not a relation model of this version and
  ///   feature templates.
  public init(data: Data, name: String = "relation model") throws {
    let bytes = [UInt8](data)
    var pos = 0
    func bad(_ why: String) -> ExtractionError {
      ExtractionError(.badModel, "\(name): \(why); retrain it with `entitygraph train-relations`")
    }
    func u32() throws -> UInt32 {
      guard pos + 4 <= bytes.count else { throw bad("truncated at byte \(pos)") }
      let v = UInt32(bytes[pos]) | UInt32(bytes[pos + 1]) << 8 | UInt32(bytes[pos + 2]) << 16
        | UInt32(bytes[pos + 3]) << 24
      pos += 4
      return v
    }
    guard bytes.count >= 4, Array(bytes[0..<4]) == Self.magic else { throw bad("not a relation model (bad magic)") }
    pos = 4
    guard try u32() == Self.version else { throw bad("unsupported version") }
    let C = Int(try u32())
    guard C == RelationClass.count else { throw bad("expected \(RelationClass.count) classes, found \(C)") }
    let bits = Int(try u32())
    guard bits >= 8 && bits <= 24 else { throw bad("bad hash size \(bits)") }
    let templates = try u32()
    guard templates == RelationFeatureExtractor.templateVersion else {
      throw bad("trained with feature templates v\(templates), this build computes v\(RelationFeatureExtractor.templateVersion)")
    }
    self.init(bits: bits)
    threshold = Float(bitPattern: try u32())
    slope = Float(bitPattern: try u32())
    intercept = Float(bitPattern: try u32())
    guard threshold.isFinite, slope.isFinite, intercept.isFinite else { throw bad("non-finite parameters") }
    let scale = Float(bitPattern: try u32())
    let rows = Int(try u32())
    guard rows <= (1 << bits), pos + rows * (4 + C) <= bytes.count else { throw bad("truncated weight rows") }
    for _ in 0..<rows {
      let r = Int(try u32())
      guard r < (1 << bits) else { throw bad("row index out of range") }
      for c in 0..<C {
        weights[r * C + c] = Float(Int8(bitPattern: bytes[pos])) * scale
        pos += 1
      }
    }
  }

  /// Loads the model bundled with the module (`Resources/relation-model.bin`).
  public static func makeDefault() throws -> RelationModel {
    try RelationModel(data: try ResourceLoader.data("relation-model", "bin"), name: "bundled relation-model.bin")
  }
}
