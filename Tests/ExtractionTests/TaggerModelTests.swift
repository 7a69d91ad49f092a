import DocumentModel
import Foundation
import Testing

@testable import Extraction

@Suite struct TaggerModelTests {
  static let fixture = """
    # doc = tiny
    Anna\tB-person
    Berg\tL-person
    visited\tO
    Oslo\tU-place
    .\tO

    Anna\tB-person
    Berg\tL-person
    joined\tO
    Nordic\tB-organization
    Shipping\tL-organization
    .\tO

    """

  @Test func bundledModelLoads() throws {
    let model = try TaggerModel.makeDefault()
    #expect(model.bits >= 12)
    #expect(model.quantized.storedCount > 0 && model.weights.isEmpty)
    #expect(model.quantized.rowCount == 1 << model.bits)
  }

  @Test func tinyModelLearnsItsTrainingSentences() throws {
    let docs = try ConllReader.parse(Self.fixture)
    #expect(docs.count == 1 && docs[0].sentences.count == 2)
    let lexicon = try #require(EntityFixtures.recognizer?.lexicon)
    let trainer = PerceptronTrainer(lexicon: lexicon, epochs: 8, bits: 12, seed: 1)
    let model = trainer.train(docs)
    let score = trainer.evaluate(model, on: docs)
    #expect(score.f1 == 1)
  }

  @Test func serializationRoundTrips() throws {
    let docs = try ConllReader.parse(Self.fixture)
    let lexicon = try #require(EntityFixtures.recognizer?.lexicon)
    let trainer = PerceptronTrainer(lexicon: lexicon, epochs: 4, bits: 12, seed: 1)
    let model = trainer.train(docs)
    let copy = try TaggerModel(data: model.serialized())
    #expect(copy.bits == model.bits)
    #expect(copy.serialized() == model.serialized())
    #expect(trainer.evaluate(copy, on: docs).f1 == trainer.evaluate(model, on: docs).f1)
  }

  @Test func trainingIsDeterministic() throws {
    let docs = try ConllReader.parse(Self.fixture)
    let lexicon = try #require(EntityFixtures.recognizer?.lexicon)
    let a = PerceptronTrainer(lexicon: lexicon, epochs: 3, bits: 12, seed: 9).train(docs).serialized()
    let b = PerceptronTrainer(lexicon: lexicon, epochs: 3, bits: 12, seed: 9).train(docs).serialized()
    #expect(a == b)
  }

  @Test func baggedModelAveragesPerceptronsOfTheirOwnShufflings() throws {
    let docs = try ConllReader.parse(Self.fixture + Self.fixture.replacingOccurrences(of: "tiny", with: "second"))
    let lexicon = try #require(EntityFixtures.recognizer?.lexicon)
    let one = PerceptronTrainer(lexicon: lexicon, epochs: 3, bits: 12, seed: 9)
    let three = PerceptronTrainer(lexicon: lexicon, epochs: 3, bits: 12, seed: 9, bags: 3)
    // One bag is the plain perceptron, byte for byte.
    let single = PerceptronTrainer(lexicon: lexicon, epochs: 3, bits: 12, seed: 9, bags: 1).train(docs)
    #expect(single.serialized() == one.train(docs).serialized())
    // Three bags: the mean of three fits, each shuffled by its own seed (the first is the plain seed).
    let items = one.prepare(docs, stacks: nil)
    let seeds = (0..<3).map { three.bagSeed($0) }
    #expect(seeds[0] == 9 && Set(seeds).count == 3)
    let fits = seeds.map { one.fit(items, seed: $0) }
    let bagged = three.train(docs)
    for i in bagged.weights.indices where i % 97 == 0 || bagged.weights[i] != 0 {
      let mean = (fits[0].weights[i] + fits[1].weights[i] + fits[2].weights[i]) * (1 / Float(3))
      #expect(abs(bagged.weights[i] - mean) <= 1e-5 * max(1, abs(mean)))
    }
    #expect(bagged.weights != fits[0].weights)
    // Deterministic, and it still learns its training sentences.
    #expect(three.train(docs).serialized() == bagged.serialized())
    #expect(three.evaluate(bagged, on: docs).f1 == 1)
  }

  @Test func damagedModelIsRejected() {
    #expect(throws: ExtractionError.self) { _ = try TaggerModel(data: Data("EGNT".utf8)) }
    #expect(throws: ExtractionError.self) { _ = try TaggerModel(data: Data([1, 2, 3])) }
  }

  @Test func badTrainingLineNamesTheLine() {
    #expect {
      _ = try ConllReader.parse("Anna\tB-person\nBerg\tX-thing\n")
    } throws: { error in
      (error as? ExtractionError)?.code == .badTrainingData && "\(error)".contains("line 2")
    }
  }

  @Test func viterbiNeverProducesInvalidSequences() throws {
    let model = try TaggerModel.makeDefault()
    // Random emissions: the decoded tags must still be a valid BILOU sequence.
    var rng = SplitMix(seed: 3)
    for n in [1, 2, 5, 17] {
      let emit = (0..<(n * TagSet.count)).map { _ in Float(Int(rng.next() % 200)) / 10 - 10 }
      let tags = model.viterbi(emit, n: n)
      #expect(TagSet.allowed(TagSet.start, tags[0]))
      for k in 1..<max(1, n) { #expect(TagSet.allowed(tags[k - 1], tags[k])) }
      #expect(TagSet.canEnd(tags[n - 1]))
    }
  }

  /// The vector Viterbi keeps the scalar one's every choice: the same sums, the first best predecessor on a tie,
  /// tags ruled out (the decoder's -1e6) and unreachable ones skipped. Random emissions with many ties and
  /// ruled-out tags, under the bundled model's transitions and under random ones.
  @Test func vectorViterbiEqualsTheScalarOne() throws {
    var model = try TaggerModel.makeDefault()
    var rng = SplitMix(seed: 11)
    for round in 0..<400 {
      if round == 200 {
        model.transitions = model.transitions.map { _ in Float(Int(rng.next() % 40)) / 4 - 5 }
      }
      let n = 1 + Int(rng.next() % 30)
      var emit: [Float] = []
      for _ in 0..<n {
        // Two in five tokens as the decoder leaves one far from capitals and digits: only O open.
        let outsideOnly = rng.next() % 5 < 2
        for t in 0..<TagSet.count {
          if outsideOnly {
            emit.append(t == 0 ? Float(Int(rng.next() % 3)) : -1e6)
            continue
          }
          switch rng.next() % 10 {
          case 0, 1, 2: emit.append(-1e6)
          case 3: emit.append(0)
          default: emit.append(Float(Int(rng.next() % 16)) / 2 - 4)
          }
        }
      }
      #expect(model.viterbi(emit, n: n) == model.viterbiScalar(emit, n: n), "round \(round)")
    }
    #expect(model.viterbi([], n: 0).isEmpty)
  }
}
