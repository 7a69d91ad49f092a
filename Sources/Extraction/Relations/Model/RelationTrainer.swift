import Foundation
import DocumentModel

/// Trains ``RelationModel`` deterministically from annotated sentences, and cross-validates it.
///
/// The entity stages (tokenizer, sentence splitter, recognizer) run on each training text, so the model
/// learns from the mentions the tool really finds, errors included. A candidate pair is labelled with a
/// gold relation when its subject mention overlaps the gold head and its object mention the gold tail.
///
/// When the bundled tagger was itself trained on these sentences, its mentions of them are near-perfect and
/// both the model and its cross-validated thresholds would learn from better mentions than unseen text
/// gets. ``heldOutStages`` fixes that by cross-fitting: document `i` is analysed by the entity stages of
/// fold `i % heldOutStages.count`, whose tagger was trained without that fold's sentences.
///
/// ```swift
/// let trainer = RelationTrainer(entityStages: try Pipeline(stages: [Tokenizer(), SentenceSplitter(), recognizer]))
/// let report = trainer.crossValidate(docs, folds: 5)
/// var model = trainer.train(docs)
/// model.thresholds = report.thresholds
/// ```
public struct RelationTrainer: Sendable {
  public var epochs: Int
  public var bits: Int
  public var seed: UInt64
  /// How many perceptrons, each trained on its own shuffling, are averaged into the model. A single
  /// perceptron's cross-validated F1 moves by ±0.01 with the seed alone; averaging five steadies it.
  public var bags: Int
  /// Lowest cross-validated precision the chosen threshold may have.
  public var minimumPrecision: Double
  let entityStages: Pipeline
  /// Entity stages per fold (empty: ``entityStages`` for every document); see the type's discussion.
  /// ``crossValidate(_:folds:)`` then needs `folds == heldOutStages.count`.
  public var heldOutStages: [Pipeline] = []

  public init(
    entityStages: Pipeline, epochs: Int = 12, bits: Int = 18, seed: UInt64 = 7, bags: Int = 5,
    minimumPrecision: Double = 0.7
  ) {
    self.bags = max(1, bags)
    self.entityStages = entityStages
    self.epochs = epochs
    self.bits = bits
    self.seed = seed
    self.minimumPrecision = minimumPrecision
  }

  /// A training document analysed once: its candidates, their features and labels.
  struct Prepared: Sendable {
    var source: RelationTrainingDocument
    var mentions: [EntityMention]
    var candidates: [RelationCandidate]
    var features: [[UInt32]]
    /// Class index per candidate, or -1 for a pair of a type the model does not learn (skipped).
    var labels: [Int]
  }

  func prepare(_ docs: [RelationTrainingDocument]) -> [Prepared] {
    let fx = RelationFeatureExtractor(bits: bits)
    return docs.enumerated().map { i, d in
      let stages = heldOutStages.isEmpty ? entityStages : heldOutStages[i % heldOutStages.count]
      let analyzed = stages.run(Document(id: d.id, text: d.text))
      let view = RelationTokenView(analyzed)
      let candidates = RelationFeatureExtractor.candidates(in: analyzed, view: view)
      var features: [[UInt32]] = []
      var labels: [Int] = []
      var buffer: [UInt32] = []
      for c in candidates {
        buffer.removeAll(keepingCapacity: true)
        fx.features(c, in: analyzed, view: view, into: &buffer)
        features.append(buffer)
        let s = analyzed.mentions[c.subject]
        let o = analyzed.mentions[c.object]
        var label = 0
        for g in d.relations where Self.overlaps(s, g.head) && Self.overlaps(o, g.tail) {
          label = g.relationClass?.rawValue ?? -1
          break
        }
        labels.append(label)
      }
      return Prepared(
        source: d, mentions: analyzed.mentions, candidates: candidates, features: features, labels: labels)
    }
  }

  static func overlaps(_ m: EntityMention, _ r: Range<Int>) -> Bool { m.start < r.upperBound && r.lowerBound < m.end }

  /// Trains on every document (threshold 0, identity calibration: set them from ``crossValidate(_:folds:)``).
  public func train(_ docs: [RelationTrainingDocument]) -> RelationModel {
    train(prepared: prepare(docs))
  }

  /// Trains ``bags`` perceptrons, each on its own shuffling of the examples (seeds `seed`, `seed + 1`, …), and
  /// averages their weights: one model of the same size whose decisions depend far less on one shuffle.
  func train(prepared: [Prepared]) -> RelationModel {
    let items = Self.examples(prepared)
    var sum = train(items, seed: seed)
    guard bags > 1 else { return sum }
    for b in 1..<bags {
      let m = train(items, seed: seed &+ UInt64(b))
      for i in sum.weights.indices { sum.weights[i] += m.weights[i] }
    }
    for i in sum.weights.indices { sum.weights[i] /= Float(bags) }
    return sum
  }

  /// One training example: a candidate's features, its class, and the classes its kinds allow (a bit each).
  typealias Example = (features: [UInt32], label: Int, allowed: UInt32)

  /// The labelled candidates of the prepared documents, built once for every perceptron of the bag.
  static func examples(_ prepared: [Prepared]) -> [Example] {
    var items: [Example] = []
    for p in prepared {
      for (k, f) in p.features.enumerated() where p.labels[k] >= 0 {
        let c = p.candidates[k]
        let allowed = RelationClass.allowed(subject: p.mentions[c.subject].kind, object: p.mentions[c.object].kind)
        // A relation the kinds the tool found cannot carry teaches nothing about context: left out.
        guard allowed & (1 << p.labels[k]) != 0 else { continue }
        items.append((f, p.labels[k], allowed))
      }
    }
    return items
  }

  /// One averaged perceptron over `items`, shuffled from `seed`.
  func train(_ items: [Example], seed: UInt64) -> RelationModel {
    var model = RelationModel(bits: bits)
    let C = RelationClass.count
    var totals = [Double](repeating: 0, count: model.weights.count)
    var c: Double = 1
    var rng = SplitMix(seed: seed)
    var order = Array(items.indices)
    for _ in 0..<epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
      }
      for idx in order {
        let (features, gold, allowed) = items[idx]
        let s = model.scores(features)
        var pred = 0
        for k in 1..<C where allowed & (1 << k) != 0 && s[k] > s[pred] { pred = k }
        if pred != gold {
          for f in features {
            let row = Int(f) * C
            model.weights[row + gold] += 1
            totals[row + gold] += c
            model.weights[row + pred] -= 1
            totals[row + pred] -= c
          }
        }
        c += 1
      }
    }
    for i in model.weights.indices where totals[i] != 0 { model.weights[i] -= Float(totals[i] / c) }
    return model
  }
}

// MARK: - Cross-validation

/// What cross-validation measured, and the threshold and calibration it chose.
public struct RelationCrossValidation: Sendable, CustomStringConvertible {
  /// Precision, recall and F1 of one slice at the chosen threshold.
  public struct Score: Sendable {
    public var tp = 0
    public var predicted = 0
    public var gold = 0
    public var precision: Double { predicted > 0 ? Double(tp) / Double(predicted) : 0 }
    public var recall: Double { gold > 0 ? Double(tp) / Double(gold) : 0 }
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
  }
  /// The chosen margin threshold of each decision group (``RelationClass/decisionGroup(subject:)``).
  public var thresholds: [Float]
  public var slope: Float
  public var intercept: Float
  /// Scores by corpus and gold type (`conll04/Work_For`, …) and micro per corpus (`conll04`, `crossre`).
  public var scores: [String: Score]

  public var description: String {
    let t = (1..<thresholds.count).map { "\(RelationClass.groupNames[$0]) \(thresholds[$0])" }
      .joined(separator: ", ")
    var lines = ["thresholds \(t)  calibration slope \(slope) intercept \(intercept)"]
    for k in scores.keys.sorted() {
      let s = scores[k]!
      lines.append(
        "  \(k.padding(toLength: 24, withPad: " ", startingAt: 0)) gold \(s.gold)  pred \(s.predicted)  tp \(s.tp)  "
          + "P \(fmt(s.precision)) R \(fmt(s.recall)) F1 \(fmt(s.f1))")
    }
    return lines.joined(separator: "\n")
  }
  private func fmt(_ x: Double) -> String { String(Int((x * 1000).rounded())).leftPad(4) }
}

extension String {
  fileprivate func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

extension RelationTrainer {
  /// The gold types each corpus's micro score counts (the shared scorer's `micro_all` and `aimed`).
  static func scoredTypes(_ corpus: RelationTrainingDocument.Corpus) -> Set<String> {
    switch corpus {
    case .conll04: return ["Work_For", "OrgBased_In", "Located_In", "Live_In", "Kill"]
    case .crossre: return ["role", "physical", "part-of", "general-affiliation"]
    }
  }

  /// K-fold cross-validation (document `i` is in fold `i % folds`): chooses each class's margin threshold
  /// with the best CoNLL04 F1 whose precision is at least ``minimumPrecision``, and fits the logistic
  /// calibration of the margin on the held-out predictions.
  public func crossValidate(_ docs: [RelationTrainingDocument], folds: Int) -> RelationCrossValidation {
    precondition(heldOutStages.isEmpty || heldOutStages.count == folds, "one held-out entity pipeline per fold")
    let prepared = prepare(docs)
    // Held-out predictions, each marked true or false positive by one-to-one greedy matching in
    // descending margin order (so a prediction's verdict does not depend on lower-margin ones).
    struct Verdict {
      var margin: Float
      var key: String  // corpus/type
      var group: Int
      var correct: Bool
    }
    var verdicts: [Verdict] = []
    var gold: [String: Int] = [:]
    for fold in 0..<folds {
      let model = train(prepared: prepared.enumerated().filter { $0.offset % folds != fold }.map(\.element))
      for (i, p) in prepared.enumerated() where i % folds == fold {
        let corpus = p.source.corpus
        let scored = Self.scoredTypes(corpus)
        for g in p.source.relations where scored.contains(g.type) {
          gold["\(corpus.rawValue)/\(g.type)", default: 0] += 1
        }
        let open = [Float](repeating: -.infinity, count: RelationClass.groupCount)
        let preds = model.decode(p.candidates, mentions: p.mentions, thresholds: open) { p.features[$0] }
        var taken = Set<Int>()
        for pr in preds.sorted(by: { $0.margin > $1.margin }) {
          let s = p.mentions[pr.candidate.subject]
          let o = p.mentions[pr.candidate.object]
          guard
            let type = RelationTrainingDocument.goldType(
              corpus: corpus, predicate: pr.predicate, subject: s.kind, object: o.kind),
            scored.contains(type)
          else { continue }
          var hit: Int?
          for (gi, g) in p.source.relations.enumerated()
          where !taken.contains(gi) && g.type == type && Self.overlaps(s, g.head) && Self.overlaps(o, g.tail) {
            hit = gi
            break
          }
          if let hit { taken.insert(hit) }
          verdicts.append(
            Verdict(margin: pr.margin, key: "\(corpus.rawValue)/\(type)", group: pr.group, correct: hit != nil))
        }
      }
    }
    verdicts.sort { $0.margin > $1.margin }
    // The best cut over a list of verdicts sorted by margin: best F1 at precision ≥ minimumPrecision, or
    // the best F1 when no cut reaches it. Gives the global threshold the per-class ascent starts from.
    func sweep(_ vs: [Verdict], gold: Int) -> Float? {
      var tp = 0
      var n = 0
      var best: (f: Double, cut: Float)?
      var fallback: (f: Double, cut: Float)?
      for (i, v) in vs.enumerated() {
        n += 1
        if v.correct { tp += 1 }
        let next = i + 1 < vs.count ? vs[i + 1].margin : v.margin - 1
        guard next < v.margin, gold > 0 else { continue }
        let p = Double(tp) / Double(n)
        let r = Double(tp) / Double(gold)
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        let cut = (v.margin + next) / 2
        if f > (fallback?.f ?? -1) { fallback = (f, cut) }
        if p >= minimumPrecision && f > (best?.f ?? -1) { best = (f, cut) }
      }
      return (best ?? fallback)?.cut
    }
    let conll = verdicts.filter { $0.key.hasPrefix("conll04/") }
    let conllGold = gold.filter { $0.key.hasPrefix("conll04/") }.values.reduce(0, +)
    let global = sweep(conll, gold: conllGold) ?? 0
    // Coordinate ascent from the global threshold: each decision group's cut in turn, the others fixed,
    // maximizing the CoNLL04 micro F1 at precision ≥ minimumPrecision over all groups together.
    var thresholds = [Float](repeating: global, count: RelationClass.groupCount)
    let byGroup = Dictionary(grouping: conll, by: \.group)
    for _ in 0..<3 {
      // part_of has no CoNLL04 type of its own (its place pairs score as Located_In): it keeps the global cut.
      for group in 1..<RelationClass.groupCount where group != RelationClass.partOf.decisionGroup(subject: .location) {
        guard let mine = byGroup[group], !mine.isEmpty else { continue }
        var tpOther = 0
        var nOther = 0
        for v in conll where v.group != group && v.margin > thresholds[v.group] {
          nOther += 1
          if v.correct { tpOther += 1 }
        }
        // Cuts: above every margin, then between consecutive margins (mine is sorted, highest first).
        var bestCut = mine[0].margin + 1
        var bestF =
          nOther > 0 && Double(tpOther) / Double(nOther) >= minimumPrecision
          ? 2 * Double(tpOther) / Double(nOther + conllGold) : -1
        var tp = tpOther
        var n = nOther
        for (i, v) in mine.enumerated() {
          n += 1
          if v.correct { tp += 1 }
          let next = i + 1 < mine.count ? mine[i + 1].margin : v.margin - 1
          guard next < v.margin else { continue }
          let f = 2 * Double(tp) / Double(n + conllGold)
          if Double(tp) / Double(n) >= minimumPrecision && f > bestF { (bestF, bestCut) = (f, (v.margin + next) / 2) }
        }
        if bestF >= 0 { thresholds[group] = bestCut }
      }
    }
    // Scores at the chosen threshold.
    var scores: [String: RelationCrossValidation.Score] = [:]
    for (k, g) in gold { scores[k, default: .init()].gold = g }
    for v in verdicts where v.margin > thresholds[v.group] {
      scores[v.key, default: .init()].predicted += 1
      if v.correct { scores[v.key, default: .init()].tp += 1 }
    }
    for corpus in ["conll04", "crossre"] {
      var micro = RelationCrossValidation.Score()
      for (k, s) in scores where k.hasPrefix(corpus + "/") {
        micro.tp += s.tp
        micro.predicted += s.predicted
        micro.gold += s.gold
      }
      scores[corpus] = micro
    }
    let (slope, intercept) = Self.calibrate(verdicts.map { ($0.margin, $0.correct) })
    return RelationCrossValidation(thresholds: thresholds, slope: slope, intercept: intercept, scores: scores)
  }

  /// Fits p(correct) = σ(slope · margin + intercept) by gradient descent on the log loss (deterministic).
  static func calibrate(_ samples: [(Float, Bool)]) -> (Float, Float) {
    guard !samples.isEmpty else { return (1, 0) }
    let xs = samples.map { Double($0.0) }
    let mean = xs.reduce(0, +) / Double(xs.count)
    let sd = max(1e-6, (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)).squareRoot())
    var a = 0.0
    var b = 0.0
    for _ in 0..<2000 {
      var ga = 0.0
      var gb = 0.0
      for (k, s) in samples.enumerated() {
        let z = (xs[k] - mean) / sd
        let p = 1 / (1 + exp(-(a * z + b)))
        let e = p - (s.1 ? 1 : 0)
        ga += e * z
        gb += e
      }
      a -= 0.5 * ga / Double(samples.count)
      b -= 0.5 * gb / Double(samples.count)
    }
    // Undo the standardisation: a·(m − mean)/sd + b.
    return (Float(a / sd), Float(b - a * mean / sd))
  }
}
