import ArgumentParser
import DocumentModel
import Extraction
import Foundation

extension EntityGraphCommand {
  /// `entitygraph train-relations`: trains the relation model from annotated sentences.
  public struct TrainRelations: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "train-relations",
      abstract: "Train the relation model (averaged perceptron over mention pairs) from annotated sentences.",
      discussion: """
        Each --conll04 / --crossre folder holds a gold.jsonl with one sentence per line (`doc`, `text`,
        `relations` with `type`, `head`, `tail` spans in code points), as in the shared relation sets.
        The entity stages run on every text, candidate pairs are labelled from the gold spans, and the model
        is cross-validated (--folds) to choose its decision threshold and its confidence calibration, then
        trained on everything. Deterministic: the same data and options give the same model bytes.

        --fold-tagger (once per fold) cross-fits the entity stages: sentence i (counted over all folders in
        order) is analysed by the tagger of fold i % folds, which must have been trained without that fold's
        sentences. Use it when the bundled tagger was trained on these sentences, so that the model and its
        thresholds learn from mentions as good as unseen text gets, not near-perfect ones.

        To rebuild the bundled model: Scripts/train-relation-model.sh (trains the fold taggers, then runs
        this command with them).

        Exit codes: 0 success; 3 unreadable training data; 6 missing system resource or unwritable output.
        """)

    @Option(help: "A CoNLL04-style folder with gold.jsonl (repeatable).")
    var conll04: [String] = []

    @Option(help: "A CrossRE-style folder with gold.jsonl (repeatable).")
    var crossre: [String] = []

    @Option(help: "Where to write the model (omit with --cv-only).")
    var out: String?

    @Option(help: "The tagger of one fold, trained without that fold's sentences (repeat once per fold).")
    var foldTagger: [String] = []

    @Option(help: "Cross-validation folds that choose the threshold and calibration.")
    var folds: Int = 5

    @Option(help: "Training epochs (20: the best of 8, 12 and 20 in 5-fold cross-validation on CoNLL04 train).")
    var epochs: Int = 20

    @Option(help: "Feature hash bits (the table has 2^bits rows).")
    var bits: Int = 18

    @Option(help: "Seed of the example shuffling.")
    var seed: UInt64 = 7

    @Option(help: "Perceptrons (each on its own shuffling, seeds seed, seed+1, …) averaged into the model.")
    var bags: Int = 5

    @Option(help: "Lowest cross-validated precision the chosen threshold may have.")
    var minPrecision: Double = 0.7

    @Flag(help: "Only cross-validate and print the figures; write no model.")
    var cvOnly = false

    public init() {}

    public func validate() throws {
      if conll04.isEmpty && crossre.isEmpty { throw ValidationError("give at least one --conll04 or --crossre folder") }
      if out == nil && !cvOnly { throw ValidationError("--out is required unless --cv-only is given") }
      if epochs < 1 || epochs > 200 { throw ValidationError("--epochs must be between 1 and 200") }
      if bits < 12 || bits > 22 { throw ValidationError("--bits must be between 12 and 22") }
      if bags < 1 || bags > 50 { throw ValidationError("--bags must be between 1 and 50") }
      if folds < 2 || folds > 20 { throw ValidationError("--folds must be between 2 and 20") }
      if !foldTagger.isEmpty && foldTagger.count != folds {
        throw ValidationError("give --fold-tagger once per fold (\(folds)), or not at all")
      }
      if !(minPrecision >= 0 && minPrecision <= 1) { throw ValidationError("--min-precision must be in 0...1") }
    }

    public func run() throws {
      var docs: [RelationTrainingDocument] = []
      let sets: [(String, RelationTrainingDocument.Corpus)] =
        conll04.map { ($0, .conll04) } + crossre.map { ($0, .crossre) }
      for (k, (dir, corpus)) in sets.enumerated() {
        let path = URL(fileURLWithPath: dir).appendingPathComponent("gold.jsonl").path
        do {
          let text = try String(contentsOfFile: path, encoding: .utf8)
          docs += try RelationTrainingDocument.load(jsonl: text, corpus: corpus, idPrefix: "\(k)-")
        } catch {
          Console.error(
            "error: \(path): \(FileProblem.isFileError(error) ? "cannot read: \(FileProblem(error))" : "\(error) [no-input]")"
          )
          throw ExitCode(ExitCodes.noInput)
        }
      }
      let stages: Pipeline
      var heldOut: [Pipeline] = []
      do {
        let recognizer = try EntityRecognizer.makeDefault()
        stages = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), recognizer])
        for path in foldTagger {
          let model: TaggerModel
          do {
            model = try TaggerModel(contentsOf: URL(fileURLWithPath: path), lexicon: recognizer.lexicon)
          } catch {
            Console.error(
              "error: \(path): \(FileProblem.isFileError(error) ? "cannot read: \(FileProblem(error))" : "\(error)") [no-input]"
            )
            throw ExitCode(ExitCodes.noInput)
          }
          heldOut.append(
            try Pipeline(stages: [
              Tokenizer(), SentenceSplitter(), EntityRecognizer(lexicon: recognizer.lexicon, model: model),
            ]))
        }
      } catch let exit as ExitCode {
        throw exit
      } catch {
        Console.error("error: \(error)")
        throw ExitCode(ExitCodes.environment)
      }
      var trainer = RelationTrainer(
        entityStages: stages, epochs: epochs, bits: bits, seed: seed, bags: bags, minimumPrecision: minPrecision)
      trainer.heldOutStages = heldOut
      let relations = docs.reduce(0) { $0 + $1.relations.count }
      Console.error("\(docs.count) sentences, \(relations) gold relations; \(folds)-fold cross-validation")
      let cv = trainer.crossValidate(docs, folds: folds)
      Console.error(cv.description)
      guard !cvOnly, let out else { return }
      var model = trainer.train(docs)
      model.thresholds = cv.thresholds
      model.slope = cv.slope
      model.intercept = cv.intercept
      let data = model.serialized()
      do {
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        Console.error("error: cannot write \(out): \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      Console.error("wrote \(out) (\(data.count) bytes)")
    }
  }
}
