import ArgumentParser
import Extraction
import Foundation

extension EntityGraphCommand {
  /// `entitygraph train`: trains the name tagger from a BILOU-tagged CoNLL file.
  public struct Train: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "train",
      abstract: "Train the entity tagger (averaged structured perceptron) from a CoNLL file.",
      discussion: """
        The input has one `token<TAB>tag` per line (BILOU tags over person, organization, place,
        event), a blank line between sentences and `# doc = ID` before each document. Training is
        deterministic: the same files, epochs, bits, seed and bags give the same model bytes.

        --bags N (default 9) trains N perceptrons, each on its own shuffling of the sentences, and averages
        them into one model of the same size and speed: steadier and better in cross-validation than one
        (--bags 1; see SOURCES.md).

        To rebuild the bundled model (the CoNLL04 and CrossRE files as Sources/Extraction/Resources/SOURCES.md
        makes them):
          entitygraph train --conll ../shared/eval/gum-train/train.conll --also /tmp/conll04.conll \\
            --also /tmp/crossre.conll --seed 2 --out Sources/Extraction/Resources/tagger.bin

        With --also FILE (repeatable) more CoNLL files join the training data; they are always trained on and never
        held out, so --holdout-every cross-validates on the --conll file alone. The bundled model adds CoNLL04 and
        CrossRE news entity annotations this way (Scripts/spans-to-conll.py converts them; see SOURCES.md).

        With --stack-folds N (e.g. 5; default 0: off) a second, document-level pass is trained on first-pass tags
        predicted by N-fold jackknife and stored in the same file.

        The model records the fingerprint of the feature lexicons it was trained with (the bundled gazetteers, cue
        words and feature-words.tsv); a model whose fingerprint differs from the current lexicons is refused with
        a bad-model error, so retrain after editing them. --convert-model FILE instead rewrites a model of the
        older format 1 (no fingerprint) as format 2 with the current lexicons' fingerprint, every weight byte
        unchanged, without training (how the bundled model got its fingerprint).

        Exit codes: 0 success; 3 unreadable training file or model to convert; 6 missing system resource.
        """)

    @Option(help: "Training file (CoNLL, BILOU tags).")
    var conll: String?

    @Option(help: "Instead of training, rewrite this format-1 model with the current lexicons' fingerprint.")
    var convertModel: String?

    @Option(help: "More training files (CoNLL, BILOU tags), always trained on, never held out. Repeatable.")
    var also: [String] = []

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Training epochs.")
    var epochs: Int = 12

    @Option(help: "Feature hash bits (the table has 2^bits rows).")
    var bits: Int = 18

    @Option(help: "Seed of the sentence shuffling.")
    var seed: UInt64 = 42

    @Option(help: "Perceptrons trained on their own shufflings and averaged into the model (1 ... 64).")
    var bags: Int = 9

    @Option(help: "Folds of the jackknife that trains the document-level second pass (0: one pass only).")
    var stackFolds: Int = 0

    @Option(help: "Hold out every Nth document and report its token accuracy and span F1 (0: none).")
    var holdoutEvery: Int = 0

    @Option(help: "Which of the --holdout-every folds to hold out (0 ..< N; for cross-validation).")
    var holdoutFold: Int = 0

    public init() {}

    public func validate() throws {
      if (conll == nil) == (convertModel == nil) {
        throw ValidationError("give exactly one of --conll and --convert-model")
      }
      if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
      if bits < 12 || bits > 24 { throw ValidationError("--bits must be between 12 and 24") }
      if bags < 1 || bags > 64 { throw ValidationError("--bags must be between 1 and 64") }
      if stackFolds < 0 || stackFolds == 1 { throw ValidationError("--stack-folds must be 0 or at least 2") }
      if holdoutFold < 0 || (holdoutEvery > 0 && holdoutFold >= holdoutEvery) {
        throw ValidationError("--holdout-fold must be in 0 ..< --holdout-every")
      }
      if holdoutEvery < 0 { throw ValidationError("--holdout-every must not be negative") }
    }

    public func run() throws {
      if let convertModel { return try convert(convertModel) }
      guard let conll else { throw ExitCode(ExitCodes.noInput) }
      let documents = try Self.read(conll)
      let extra = try also.flatMap { try Self.read($0) }
      let lexicon: Lexicon
      do { lexicon = try Lexicon.makeDefault() } catch {
        Console.error("error: \(error)")
        throw ExitCode(ExitCodes.environment)
      }
      var train = documents
      var held: [TrainingDocument] = []
      if holdoutEvery > 0 {
        let fold = holdoutFold
        train = documents.enumerated().filter { ($0.offset + 1 + fold) % holdoutEvery != 0 }.map(\.element)
        held = documents.enumerated().filter { ($0.offset + 1 + fold) % holdoutEvery == 0 }.map(\.element)
      }
      train += extra
      let trainer = PerceptronTrainer(lexicon: lexicon, epochs: epochs, bits: bits, seed: seed, bags: bags)
      let tokens = train.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.tokens.count } }
      Console.error(
        "training on \(train.count) documents, \(tokens) tokens, \(epochs) epochs, \(bags) bag\(bags == 1 ? "" : "s")"
          + (bags > 1 ? " (the first bag's epochs shown)" : ""))
      let model = trainer.trainStacked(train, folds: stackFolds) { pass, epoch, accuracy in
        Console.error(String(format: "pass %d epoch %2d  train token accuracy %.4f", pass, epoch, accuracy))
      }
      if !held.isEmpty {
        let score = trainer.evaluate(model, on: held)
        Console.error(
          String(
            format: "held out %d documents: span P %.3f R %.3f F1 %.3f (typed, exact)", held.count,
            score.precision, score.recall, score.f1))
      }
      let data = model.serialized()
      do {
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        Console.error("error: cannot write \(out): \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      Console.error(
        "wrote \(out) (\(data.count) bytes, lexicon fingerprint \(Self.hex(model.lexiconFingerprint)))")
    }

    /// Rewrites the format-1 model at `path` as format 2 with the current lexicons' fingerprint.
    func convert(_ path: String) throws {
      let data: Data
      do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        Console.error("error: \(path): cannot read: \(FileProblem(error))")
        throw ExitCode(ExitCodes.noInput)
      }
      let converted: Data
      let fingerprint: UInt64
      do {
        fingerprint = try Lexicon.bundledFeatureFingerprint()
        converted = try TaggerModel.addingLexiconFingerprint(to: data, fingerprint: fingerprint)
        _ = try TaggerModel(data: converted)
      } catch {
        Console.error("error: \(path): \(error)")
        throw ExitCode(ExitCodes.noInput)
      }
      do {
        try converted.write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        Console.error("error: cannot write \(out): \(FileProblem(error))")
        throw ExitCode(ExitCodes.environment)
      }
      Console.error("wrote \(out) (\(converted.count) bytes, lexicon fingerprint \(Self.hex(fingerprint)))")
    }

    static func hex(_ v: UInt64) -> String {
      let digits = String(v, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The documents of one training file, or exit code 3 with the file's problem.
    static func read(_ path: String) throws -> [TrainingDocument] {
      do {
        return try ConllReader.parse(try String(contentsOfFile: path, encoding: .utf8))
      } catch {
        Console.error(
          "error: \(path): \(FileProblem.isFileError(error) ? "cannot read: \(FileProblem(error))" : "\(error)")")
        throw ExitCode(ExitCodes.noInput)
      }
    }
  }
}
