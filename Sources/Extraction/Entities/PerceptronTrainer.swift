import Foundation

/// One training sentence: tokens and their gold BILOU tags.
public struct TrainingSentence: Sendable {
  public var tokens: [String]
  public var tags: [Int]
  public init(tokens: [String], tags: [Int]) {
    self.tokens = tokens
    self.tags = tags
  }
}

/// One training document: its sentences (document-level features need the whole document).
public struct TrainingDocument: Sendable {
  public var id: String
  public var sentences: [TrainingSentence]
  public init(id: String, sentences: [TrainingSentence]) {
    self.id = id
    self.sentences = sentences
  }
}

/// Reads the CoNLL-style training file (`token<TAB>tag`, blank lines between sentences, `# doc = ID`).
public enum ConllReader {
  /// Parses the text of a CoNLL file.
  ///
  /// - Throws: ``ExtractionError`` `.badTrainingData` naming the line of an unknown tag or a bad line.
  public static func parse(_ text: String) throws -> [TrainingDocument] {
    var docs: [TrainingDocument] = []
    var current = TrainingDocument(id: "doc", sentences: [])
    var sentence = TrainingSentence(tokens: [], tags: [])
    func closeSentence() {
      if !sentence.tokens.isEmpty { current.sentences.append(sentence) }
      sentence = TrainingSentence(tokens: [], tags: [])
    }
    func closeDoc() {
      closeSentence()
      if !current.sentences.isEmpty { docs.append(current) }
    }
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.hasPrefix("# doc = ") {
        closeDoc()
        current = TrainingDocument(id: String(line.dropFirst(8)), sentences: [])
        continue
      }
      if line.hasPrefix("#") { continue }
      if line.isEmpty {
        closeSentence()
        continue
      }
      let cols = line.split(separator: "\t")
      guard cols.count >= 2, let tag = TagSet.index(of: String(cols[cols.count - 1])) else {
        throw ExtractionError(.badTrainingData, "line \(n + 1): expected `token<TAB>tag` with a BILOU tag")
      }
      sentence.tokens.append(String(cols[0]))
      sentence.tags.append(tag)
    }
    closeDoc()
    return docs
  }
}

/// Trains a ``TaggerModel`` with the averaged structured perceptron.
///
/// With `bags` above 1, that many perceptrons are trained on their own shufflings of the same sentences and
/// their averaged weights are averaged again into one model (the same size and speed as one): a single
/// perceptron's cross-validated F1 moves by ±0.007 with the shuffling seed alone, and the average of nine is
/// both steadier and better (see SOURCES.md).
///
/// Deterministic: sentences are shuffled each epoch with a fixed-seed generator, so the same data,
/// epochs, bits, seed and bags give the same model bytes.
public struct PerceptronTrainer: Sendable {
  public var epochs: Int
  public var bits: Int
  public var seed: UInt64
  /// How many perceptrons, each on its own shuffling, are averaged into the model (1: one perceptron).
  public var bags: Int
  public let lexicon: Lexicon

  public init(lexicon: Lexicon, epochs: Int = 12, bits: Int = 18, seed: UInt64 = 42, bags: Int = 1) {
    self.lexicon = lexicon
    self.epochs = epochs
    self.bits = bits
    self.seed = seed
    self.bags = max(1, bags)
  }

  /// The shuffling seed of bag `bag` (bag 0 keeps `seed`, so one bag is the plain perceptron).
  func bagSeed(_ bag: Int) -> UInt64 {
    guard bag > 0 else { return seed }
    var generator = SplitMix(seed: seed &+ UInt64(bag))
    return generator.next()
  }

  /// Token infos of a training document, computed exactly as at run time over the tokens joined by spaces.
  func analyze(_ doc: TrainingDocument) -> (infos: [TokenInfo], sentences: [Range<Int>]) {
    var scalars: [Unicode.Scalar] = []
    var ranges: [Range<Int>] = []
    var sentences: [Range<Int>] = []
    for s in doc.sentences {
      let first = ranges.count
      for t in s.tokens {
        let start = scalars.count
        scalars.append(contentsOf: t.unicodeScalars)
        ranges.append(start..<scalars.count)
        scalars.append(" ")
      }
      sentences.append(first..<ranges.count)
    }
    return (TokenAnalyzer.analyze(scalars, ranges: ranges, sentences: sentences, lexicon: lexicon), sentences)
  }

  /// Trains on `documents`; `progress` receives (epoch, token accuracy) after each epoch.
  public func train(_ documents: [TrainingDocument], progress: (Int, Double) -> Void = { _, _ in }) -> TaggerModel {
    train(documents, stacks: nil, progress: progress)
  }

  /// Trains a stacked model: the first pass on all `documents`, then the document-level second pass on
  /// first-pass tags that are predicted without seeing the document (`folds`-fold jackknife), so the second
  /// pass learns from the first pass's real mistakes. `progress` receives (pass, epoch, token accuracy).
  public func trainStacked(
    _ documents: [TrainingDocument], folds: Int = 5, progress: (Int, Int, Double) -> Void = { _, _, _ in }
  ) -> TaggerModel {
    var first = train(documents, stacks: nil) { progress(1, $0, $1) }
    guard folds >= 2, documents.count >= folds else { return first }
    var stacks = [[UInt32]](repeating: [], count: documents.count)
    for f in 0..<folds {
      let sub = documents.enumerated().filter { $0.offset % folds != f }.map(\.element)
      let partial = train(sub, stacks: nil)
      for (k, d) in documents.enumerated() where k % folds == f {
        stacks[k] = firstPassCodes(partial, d)
      }
    }
    first.secondPass = train(documents, stacks: stacks) { progress(2, $0, $1) }
    return first
  }

  /// The second-pass codes of a training document tagged by `model`'s first pass.
  func firstPassCodes(_ model: TaggerModel, _ doc: TrainingDocument) -> [UInt32] {
    let (infos, sentences) = analyze(doc)
    var buffer: [UInt32] = []
    let tags = sentences.map { model.decode(infos, sentence: $0, buffer: &buffer) }
    return StackCodes.compute(infos, sentences: sentences, tags: tags)
  }

  /// One training sentence: the feature ids of each token and the gold tags.
  struct Item {
    var features: [[UInt32]]
    var gold: [Int]
  }

  /// Trains ``bags`` perceptrons on the features of `documents` (computed once) and averages them;
  /// `progress` receives the first perceptron's epochs.
  func train(
    _ documents: [TrainingDocument], stacks: [[UInt32]]?, progress: (Int, Double) -> Void = { _, _ in }
  ) -> TaggerModel {
    let items = prepare(documents, stacks: stacks)
    var model = fit(items, seed: bagSeed(0), progress: progress)
    guard bags > 1 else { return model }
    for bag in 1..<bags {
      let other = fit(items, seed: bagSeed(bag))
      for i in model.weights.indices { model.weights[i] += other.weights[i] }
      for i in model.transitions.indices { model.transitions[i] += other.transitions[i] }
    }
    let share = 1 / Float(bags)
    for i in model.weights.indices { model.weights[i] *= share }
    for i in model.transitions.indices { model.transitions[i] *= share }
    return model
  }

  /// The feature ids of every token of `documents` (with the second-pass codes `stacks`, when given).
  func prepare(_ documents: [TrainingDocument], stacks: [[UInt32]]?) -> [Item] {
    let fx = FeatureExtractor(bits: bits)
    var items: [Item] = []
    for (dk, d) in documents.enumerated() {
      let (infos, sentences) = analyze(d)
      let stack = stacks?[dk]
      var buffer: [UInt32] = []
      for (k, r) in sentences.enumerated() {
        var feats: [[UInt32]] = []
        for i in r {
          buffer.removeAll(keepingCapacity: true)
          fx.features(infos, sentence: r, at: i, into: &buffer)
          if let stack { fx.stackFeatures(stack, infos, sentence: r, at: i, into: &buffer) }
          feats.append(buffer)
        }
        items.append(Item(features: feats, gold: d.sentences[k].tags))
      }
    }
    return items
  }

  /// One averaged perceptron trained on `items`, shuffled each epoch by a generator seeded with `seed`.
  func fit(_ items: [Item], seed: UInt64, progress: (Int, Double) -> Void = { _, _ in }) -> TaggerModel {
    var model = TaggerModel(bits: bits)
    let T = TagSet.count
    var totals = [Double](repeating: 0, count: model.weights.count)
    var transTotals = [Double](repeating: 0, count: model.transitions.count)
    var c: Double = 1
    var rng = SplitMix(seed: seed)
    var order = Array(items.indices)
    for epoch in 0..<epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(i + 1))
        order.swapAt(i, j)
      }
      var correct = 0
      var total = 0
      for idx in order {
        let item = items[idx]
        let n = item.gold.count
        var emit = [Float](repeating: 0, count: n * T)
        for k in 0..<n {
          for f in item.features[k] {
            let row = Int(f) * T
            for t in 0..<T { emit[k * T + t] += model.weights[row + t] }
          }
        }
        let pred = model.viterbi(emit, n: n)
        total += n
        for k in 0..<n where pred[k] == item.gold[k] { correct += 1 }
        if pred != item.gold {
          for k in 0..<n where pred[k] != item.gold[k] {
            for f in item.features[k] {
              let row = Int(f) * T
              model.weights[row + item.gold[k]] += 1
              totals[row + item.gold[k]] += c
              model.weights[row + pred[k]] -= 1
              totals[row + pred[k]] -= c
            }
          }
          for k in 0..<n {
            let gp = k == 0 ? TagSet.start : item.gold[k - 1]
            let pp = k == 0 ? TagSet.start : pred[k - 1]
            if gp != pp || item.gold[k] != pred[k] {
              model.transitions[gp * T + item.gold[k]] += 1
              transTotals[gp * T + item.gold[k]] += c
              model.transitions[pp * T + pred[k]] -= 1
              transTotals[pp * T + pred[k]] -= c
            }
          }
        }
        c += 1
      }
      progress(epoch + 1, total > 0 ? Double(correct) / Double(total) : 0)
    }
    // Averaged weights: w - totals / c.
    for i in model.weights.indices where totals[i] != 0 || model.weights[i] != 0 {
      model.weights[i] -= Float(totals[i] / c)
    }
    for i in model.transitions.indices { model.transitions[i] -= Float(transTotals[i] / c) }
    model.lexiconFingerprint = lexicon.featureFingerprint
    return model
  }
}

/// SplitMix64: a small deterministic random generator for reproducible training.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension PerceptronTrainer {
  /// Typed exact span precision, recall and F1 of `model` on tagged documents.
  public func evaluate(_ model: TaggerModel, on documents: [TrainingDocument]) -> (
    precision: Double, recall: Double, f1: Double
  ) {
    var tp = 0
    var predicted = 0
    var gold = 0
    var buffer: [UInt32] = []
    for d in documents {
      let (infos, sentences) = analyze(d)
      var stack: [UInt32]?
      if model.secondPass != nil {
        let first = sentences.map { model.decode(infos, sentence: $0, buffer: &buffer) }
        stack = StackCodes.compute(infos, sentences: sentences, tags: first)
      }
      for (k, r) in sentences.enumerated() {
        let tags = (model.secondPass ?? model).decode(infos, sentence: r, buffer: &buffer, stack: stack)
        let p = Set(TagSet.spans(tags).map { "\($0.start):\($0.end):\($0.type)" })
        let g = Set(TagSet.spans(d.sentences[k].tags).map { "\($0.start):\($0.end):\($0.type)" })
        tp += p.intersection(g).count
        predicted += p.count
        gold += g.count
      }
    }
    let precision = predicted > 0 ? Double(tp) / Double(predicted) : 0
    let recall = gold > 0 ? Double(tp) / Double(gold) : 0
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    return (precision, recall, f1)
  }
}
