import Foundation

/// A trained structured-perceptron sequence tagger: hashed feature weights per tag and tag transitions,
/// decoded with Viterbi under BILOU constraints.
///
/// ```swift
/// let model = try TaggerModel(data: Data(contentsOf: url))
/// ```
public struct TaggerModel: Sendable {
  /// Hash bits of the feature table (`1 << bits` rows of ``TagSet/count`` weights).
  public let bits: Int
  /// Dense weights, row-major: `weights[row * TagSet.count + tag]`.
  var weights: [Float]
  /// Transition scores `transitions[from * TagSet.count + to]`, `from == TagSet.start` for the first token.
  var transitions: [Float]

  /// The document-level second pass, when the model is stacked (see ``StackCodes``): it sees the first
  /// pass's tags of the whole document and re-tags every sentence.
  public var secondPass: TaggerModel? {
    get { second?.model }
    set { second = newValue.map(SecondPass.init) }
  }
  private var second: SecondPass?

  final class SecondPass: Sendable {
    let model: TaggerModel
    init(_ model: TaggerModel) { self.model = model }
  }

  static let magic: [UInt8] = Array("EGNT".utf8)
  static let stackedMagic: [UInt8] = Array("EGNS".utf8)
  static let version: UInt32 = 1

  /// An all-zero model.
  public init(bits: Int) {
    precondition(bits >= 8 && bits <= 26)
    self.bits = bits
    weights = [Float](repeating: 0, count: (1 << bits) * TagSet.count)
    transitions = [Float](repeating: 0, count: (TagSet.count + 1) * TagSet.count)
  }

  var extractor: FeatureExtractor { FeatureExtractor(bits: bits) }

  // MARK: - Decoding

  /// The best tag sequence for the tokens `sentence` of `infos`.
  ///
  /// - Complexity: O(n · (features + tags²)).
  func decode(_ infos: [TokenInfo], sentence: Range<Int>, buffer: inout [UInt32], stack: [UInt32]? = nil) -> [Int] {
    let n = sentence.count
    guard n > 0 else { return [] }
    let T = TagSet.count
    var emit = [Float](repeating: 0, count: n * T)
    let fx = extractor
    weights.withUnsafeBufferPointer { w in
      emit.withUnsafeMutableBufferPointer { e in
        for k in 0..<n {
          let base = k * T
          // Names need a capital letter or a digit: a token with none within two positions is outside
          // every name, so its features are not computed (most tokens of running text).
          var active = false
          for j in max(sentence.lowerBound, sentence.lowerBound + k - 2)...min(sentence.upperBound - 1, sentence.lowerBound + k + 2)
          where !infos[j].flags.isDisjoint(with: Self.nameFlags) {
            active = true
            break
          }
          if !active {
            for t in 1..<T { e[base + t] = -1e6 }
            continue
          }
          buffer.removeAll(keepingCapacity: true)
          fx.features(infos, sentence: sentence, at: sentence.lowerBound + k, into: &buffer)
          if let stack { fx.stackFeatures(stack, infos, sentence: sentence, at: sentence.lowerBound + k, into: &buffer) }
          for f in buffer {
            let row = Int(f) * T
            for t in 0..<T { e[base + t] += w[row + t] }
          }
        }
      }
    }
    return viterbi(emit, n: n)
  }

  /// Viterbi over emission scores `emit[k * T + t]` with BILOU constraints.
  func viterbi(_ emit: [Float], n: Int) -> [Int] {
    let T = TagSet.count
    let negInf = -Float.greatestFiniteMagnitude
    var score = [Float](repeating: negInf, count: n * T)
    var back = [Int32](repeating: 0, count: n * T)
    score.withUnsafeMutableBufferPointer { score in
      back.withUnsafeMutableBufferPointer { back in
        emit.withUnsafeBufferPointer { emit in
          transitions.withUnsafeBufferPointer { trans in
            Self.allowedTable.withUnsafeBufferPointer { allowed in
              for t in 0..<T where allowed[TagSet.start * T + t] {
                score[t] = emit[t] + trans[TagSet.start * T + t]
              }
              if n > 1 {
                for k in 1..<n {
                  let prev = (k - 1) * T
                  let cur = k * T
                  for t in 0..<T {
                    let e = emit[cur + t]
                    if e <= -1e5 { continue }  // a tag ruled out for this token
                    var best = negInf
                    var arg = 0
                    for p in 0..<T where allowed[p * T + t] {
                      let sp = score[prev + p]
                      if sp == negInf { continue }
                      let v = sp + trans[p * T + t]
                      if v > best {
                        best = v
                        arg = p
                      }
                    }
                    if best > negInf {
                      score[cur + t] = best + e
                      back[cur + t] = Int32(arg)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    var bestLast = 0
    var bestScore = negInf
    for t in 0..<T where TagSet.canEnd(t) && score[(n - 1) * T + t] > bestScore {
      bestScore = score[(n - 1) * T + t]
      bestLast = t
    }
    var tags = [Int](repeating: 0, count: n)
    tags[n - 1] = bestLast
    var k = n - 1
    while k > 0 {
      tags[k - 1] = Int(back[k * TagSet.count + tags[k]])
      k -= 1
    }
    return tags
  }

  static let nameFlags: TokenFlags = [.initialCap, .allCaps, .hasDigit]

  static let allowedTable: [Bool] = {
    var a = [Bool](repeating: false, count: (TagSet.count + 1) * TagSet.count)
    for p in 0...TagSet.count {
      for t in 0..<TagSet.count { a[p * TagSet.count + t] = TagSet.allowed(p, t) }
    }
    return a
  }()

  // MARK: - Binary format

  /// Serializes the model: a header, the transitions (Float32) and the non-zero weight rows quantized to Int8.
  ///
  /// Layout (little-endian): `EGNT`, version, tag count, bits, transition count, transitions, scale,
  /// row count, then per row a UInt32 row index and `tagCount` Int8 values (`value = q * scale`).
  public func serialized() -> Data {
    guard let second = second?.model else { return serializedSingle() }
    var out = Data(Self.stackedMagic)
    for part in [serializedSingle(), second.serializedSingle()] {
      withUnsafeBytes(of: UInt32(part.count).littleEndian) { out.append(contentsOf: $0) }
      out.append(part)
    }
    return out
  }

  func serializedSingle() -> Data {
    var out = ModelBytes.Writer()
    out.bytes(Self.magic)
    out.u32(Self.version)
    out.u32(UInt32(TagSet.count))
    out.u32(UInt32(bits))
    out.u32(UInt32(transitions.count))
    for v in transitions { out.f32(v) }
    out.quantizedRows(weights, width: TagSet.count)
    return out.data
  }

  /// Reads a model written by ``serialized()``.
  ///
  /// - Throws: ``ExtractionError`` `.badModel` when the data is not a model of this version.
  public init(data: Data) throws {
    let bytes = [UInt8](data)
    if bytes.count >= 4, Array(bytes[0..<4]) == Self.stackedMagic {
      var parts: [Data] = []
      var pos = 4
      while pos + 4 <= bytes.count, parts.count < 2 {
        let n = Int(UInt32(bytes[pos]) | UInt32(bytes[pos + 1]) << 8 | UInt32(bytes[pos + 2]) << 16
          | UInt32(bytes[pos + 3]) << 24)
        pos += 4
        guard n <= bytes.count - pos else { throw ExtractionError(.badModel, "tagger model: truncated pass") }
        parts.append(Data(bytes[pos..<(pos + n)]))
        pos += n
      }
      guard parts.count == 2 else { throw ExtractionError(.badModel, "tagger model: a stacked model needs two passes") }
      try self.init(data: parts[0])
      let second = try TaggerModel(data: parts[1])
      guard second.bits == bits else { throw ExtractionError(.badModel, "tagger model: passes differ in size") }
      self.second = SecondPass(second)
      return
    }
    var reader = ModelBytes.Reader(data) { ExtractionError(.badModel, "tagger model: \($0)") }
    guard reader.expect(Self.magic) else { throw reader.bad("not a tagger model (bad magic)") }
    guard try reader.u32() == Self.version else { throw reader.bad("unsupported version") }
    let T = Int(try reader.u32())
    guard T == TagSet.count else { throw reader.bad("expected \(TagSet.count) tags, found \(T)") }
    let bits = Int(try reader.u32())
    guard bits >= 8 && bits <= 26 else { throw reader.bad("bad hash size \(bits)") }
    self.init(bits: bits)
    let nTrans = Int(try reader.u32())
    guard nTrans == transitions.count else { throw reader.bad("bad transition table size") }
    for i in 0..<nTrans { transitions[i] = try reader.f32() }
    try reader.quantizedRows(into: &weights, width: T)
  }

  /// Loads the model bundled with the module (`Resources/tagger.bin`).
  public static func makeDefault() throws -> TaggerModel {
    try TaggerModel(data: try ResourceLoader.data("tagger", "bin"))
  }
}
