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
  /// Dense weights, row-major: `weights[row * TagSet.count + tag]`, while the model is trained; empty for a
  /// model read from a file, which keeps its Int8 rows instead (``quantized``).
  var weights: [Float]
  /// The Int8 weights of a model read from a file (`value = q * scale`), only its non-zero rows kept (see
  /// ``SparseRows``): a small fraction of the memory of `Float` rows, so the rows a document reads stay in
  /// cache; decoding sums them exactly and scales once, so the scores are bit-identical to the `Float` rows.
  var quantized = SparseRows()
  /// The factor of ``quantized``.
  var scale: Float = 1
  /// Transition scores `transitions[from * TagSet.count + to]`, `from == TagSet.start` for the first token.
  var transitions: [Float]
  /// The ``Lexicon/featureFingerprint`` of the lexicons the model was trained with (0 for an untrained model).
  ///
  /// The tagger's features read the lexicons, so a model only works with the lexicons it was trained with:
  /// ``init(contentsOf:lexicon:)`` and ``makeDefault(lexicon:)`` refuse a model whose fingerprint differs.
  public var lexiconFingerprint: UInt64 = 0

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
  /// Format 2 adds the lexicon fingerprint after the version; format 1 had none.
  static let version: UInt32 = 2

  /// An all-zero model.
  public init(bits: Int) {
    precondition(bits >= 8 && bits <= 26)
    self.bits = bits
    weights = [Float](repeating: 0, count: (1 << bits) * TagSet.count)
    transitions = [Float](repeating: 0, count: (TagSet.count + 1) * TagSet.count)
  }

  /// A model about to be filled from a file: no Float table.
  private init(loadingBits bits: Int) {
    self.bits = bits
    weights = []
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
    let scale = self.scale
    weights.withUnsafeBufferPointer { w in
      quantized.values.withUnsafeBufferPointer { q in
        quantized.blocks.withUnsafeBufferPointer { blocks in
          emit.withUnsafeMutableBufferPointer { e in
            for k in 0..<n {
              let base = k * T
              // Names need a capital letter or a digit: a token with none within two positions is outside
              // every name, so its features are not computed (most tokens of running text).
              var active = false
              for j in max(
                sentence.lowerBound, sentence.lowerBound + k - 2)...min(
                  sentence.upperBound - 1, sentence.lowerBound + k + 2)
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
              if let stack {
                fx.stackFeatures(stack, infos, sentence: sentence, at: sentence.lowerBound + k, into: &buffer)
              }
              if quantized.isEmpty {
                for f in buffer {
                  let row = Int(f) * T
                  for t in 0..<T { e[base + t] += w[row + t] }
                }
              } else if T == 17, let rows = q.baseAddress, let index = blocks.baseAddress {
                // Sixteen tags at once, the seventeenth alone. The Int8 weights are summed exactly in Int32 and
                // scaled once: the same total as scaling each weight, with one rounding instead of one per feature.
                var low = SIMD16<Int32>(repeating: 0)
                var last: Int32 = 0
                for f in buffer {
                  let row = SparseRows.index(of: Int(f), in: index) * T
                  // Widened element by element, so the compiler inlines it (the generic SIMD conversion was an
                  // out-of-line call per feature, which kept the row loads from overlapping).
                  let r = rows + row
                  low &+= SIMD16<Int32>(
                    Int32(r[0]), Int32(r[1]), Int32(r[2]), Int32(r[3]), Int32(r[4]), Int32(r[5]), Int32(r[6]),
                    Int32(r[7]), Int32(r[8]), Int32(r[9]), Int32(r[10]), Int32(r[11]), Int32(r[12]), Int32(r[13]),
                    Int32(r[14]), Int32(r[15]))
                  last &+= Int32(r[16])
                }
                let scaled = SIMD16<Float>(low) * SIMD16<Float>(repeating: scale)
                for t in 0..<16 { e[base + t] = scaled[t] }
                e[base + 16] = Float(last) * scale
              } else {
                for f in buffer {
                  let row = quantized.index(of: Int(f)) * T
                  for t in 0..<T { e[base + t] += Float(q[row + t]) * scale }
                }
              }
            }
          }
        }
      }
    }
    return viterbi(emit, n: n)
  }

  static let nameFlags: TokenFlags = [.initialCap, .allCaps, .hasDigit]

  /// The tags that may precede each tag, in increasing order: `list[start[t]..<start[t + 1]]` for tag `t` (the
  /// BILOU constraints as lists, so the Viterbi loop visits only allowed pairs).
  static let predecessors: (list: [Int], start: [Int]) = {
    var list: [Int] = []
    var start = [0]
    for t in 0..<TagSet.count {
      for p in 0..<TagSet.count where TagSet.allowed(p, t) { list.append(p) }
      start.append(list.count)
    }
    return (list, start)
  }()

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
  /// Layout (little-endian): `EGNT`, version (2), lexicon fingerprint (UInt64), tag count, bits, transition
  /// count, transitions, scale, row count, then per row a UInt32 row index and `tagCount` Int8 values
  /// (`value = q * scale`). A stacked model is `EGNS` and two such parts, each preceded by its byte count.
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
    out.u64(lexiconFingerprint)
    out.u32(UInt32(TagSet.count))
    out.u32(UInt32(bits))
    out.u32(UInt32(transitions.count))
    for v in transitions { out.f32(v) }
    if weights.isEmpty {
      out.quantizedRows(quantized, scale: scale)
    } else {
      out.quantizedRows(weights, width: TagSet.count)
    }
    return out.data
  }

  /// Reads a model written by ``serialized()``.
  ///
  /// - Throws: ``ExtractionError`` `.badModel` when the data is not a model of this version.
  public init(data: Data) throws {
    if data.count >= 4, data.prefix(4).elementsEqual(Self.stackedMagic) {
      let bytes = [UInt8](data)
      var parts: [Data] = []
      var pos = 4
      while pos + 4 <= bytes.count, parts.count < 2 {
        let n = Int(
          UInt32(bytes[pos]) | UInt32(bytes[pos + 1]) << 8 | UInt32(bytes[pos + 2]) << 16
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
      guard second.lexiconFingerprint == lexiconFingerprint else {
        throw ExtractionError(.badModel, "tagger model: the two passes record different lexicon fingerprints")
      }
      self.second = SecondPass(second)
      return
    }
    var reader = ModelBytes.Reader(data) { ExtractionError(.badModel, "tagger model: \($0)") }
    guard reader.expect(Self.magic) else { throw reader.bad("not a tagger model (bad magic)") }
    let version = try reader.u32()
    guard version == Self.version else {
      if version == 1 {
        throw reader.bad(
          "format 1 records no lexicon fingerprint; retrain it with `entitygraph train`, or add the current"
            + " lexicons' fingerprint with `entitygraph train --convert-model FILE --out FILE`")
      }
      throw reader.bad("unsupported version \(version)")
    }
    let fingerprint = try reader.u64()
    let T = Int(try reader.u32())
    guard T == TagSet.count else { throw reader.bad("expected \(TagSet.count) tags, found \(T)") }
    let bits = Int(try reader.u32())
    guard bits >= 8 && bits <= 26 else { throw reader.bad("bad hash size \(bits)") }
    self.init(loadingBits: bits)
    lexiconFingerprint = fingerprint
    let nTrans = Int(try reader.u32())
    guard nTrans == transitions.count else { throw reader.bad("bad transition table size") }
    for i in 0..<nTrans { transitions[i] = try reader.f32() }
    (quantized, scale) = try reader.quantizedRows(rowCount: 1 << bits, width: T)
  }

  /// Reads a model file and checks that it was trained with `lexicon`'s feature lexicons.
  ///
  /// - Throws: the file's read error, or ``ExtractionError`` `.badModel` naming the file when it is not a
  ///   model of this format or records another ``Lexicon/featureFingerprint``.
  public init(contentsOf url: URL, lexicon: Lexicon) throws {
    try self.init(contentsOf: url, featureFingerprint: lexicon.featureFingerprint)
  }

  /// Reads a model file; `mapped` maps it instead of copying it (for the bundled model, which no one rewrites
  /// while it is read: a file cut short under a mapping would be a crash, not an error).
  init(contentsOf url: URL, featureFingerprint: UInt64, mapped: Bool = false) throws {
    let data = try Data(contentsOf: url, options: mapped ? .alwaysMapped : [])
    do { try self.init(data: data) } catch let error as ExtractionError {
      throw ExtractionError(error.code, "\(url.path): \(error.message)")
    }
    try checkLexicon(featureFingerprint, file: url.path)
  }

  /// Fails unless the model was trained with the lexicons whose fingerprint is `featureFingerprint`.
  ///
  /// - Throws: ``ExtractionError`` `.badModel` naming `file`.
  func checkLexicon(_ featureFingerprint: UInt64, file: String) throws {
    guard lexiconFingerprint == featureFingerprint else {
      throw ExtractionError(
        .badModel,
        "\(file): the tagger model was trained with other lexicons (fingerprint "
          + "\(Self.hex(lexiconFingerprint)), current lexicons \(Self.hex(featureFingerprint))): the lexicons changed"
          + " since training; retrain the model with `entitygraph train` (see README, \"Retraining the tagger\")")
    }
  }

  static func hex(_ v: UInt64) -> String {
    let digits = String(v, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Loads the model bundled with the module (`Resources/tagger.bin`), checked against `lexicon` (the bundled
  /// lexicons when `nil`).
  ///
  /// - Throws: ``ExtractionError`` `.missingResource`, or `.badModel` when the file is damaged or was trained
  ///   with other lexicons.
  public static func makeDefault(lexicon: Lexicon? = nil) throws -> TaggerModel {
    let url = try ResourceLoader.url("tagger", "bin")
    let fingerprint = try lexicon?.featureFingerprint ?? Lexicon.bundledFeatureFingerprint()
    return try TaggerModel(contentsOf: url, featureFingerprint: fingerprint, mapped: true)
  }

  /// Rewrites a format-1 model (single or stacked) as format 2 recording `fingerprint`, every other byte
  /// (transitions and quantized weights) unchanged; used once to give the bundled model its fingerprint.
  ///
  /// - Throws: ``ExtractionError`` `.badModel` when `data` is not a format-1 model.
  public static func addingLexiconFingerprint(to data: Data, fingerprint: UInt64) throws -> Data {
    let bytes = [UInt8](data)
    func u32(_ at: Int) -> UInt32 {
      UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
    func convertSingle(_ part: ArraySlice<UInt8>) throws -> [UInt8] {
      let p = Array(part)
      guard p.count >= 8, Array(p[0..<4]) == magic, p[4..<8].elementsEqual([1, 0, 0, 0]) else {
        throw ExtractionError(.badModel, "tagger model: not a format-1 model")
      }
      var out = ModelBytes.Writer()
      out.bytes(magic)
      out.u32(version)
      out.u64(fingerprint)
      out.bytes(Array(p[8...]))
      return [UInt8](out.data)
    }
    guard bytes.count >= 4, Array(bytes[0..<4]) == stackedMagic else {
      return Data(try convertSingle(bytes[...]))
    }
    var out = Data(stackedMagic)
    var pos = 4
    while pos < bytes.count {
      guard pos + 4 <= bytes.count else { throw ExtractionError(.badModel, "tagger model: truncated pass") }
      let n = Int(u32(pos))
      guard n <= bytes.count - pos - 4 else { throw ExtractionError(.badModel, "tagger model: truncated pass") }
      let part = try convertSingle(bytes[(pos + 4)..<(pos + 4 + n)])
      withUnsafeBytes(of: UInt32(part.count).littleEndian) { out.append(contentsOf: $0) }
      out.append(contentsOf: part)
      pos += 4 + n
    }
    return out
  }
}
