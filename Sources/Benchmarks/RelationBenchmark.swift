import DocumentModel
import Extraction
import Foundation

/// `eg-bench relations [--texts DIR] [--words N]`: what the relation model costs.
///
/// Prints, in one run: the bundled model's load time; the whole default pipeline's words/s on one core with
/// and without the relation stages added for the trained model (`relation-classifier`, `nested-place`),
/// side by side; and seconds per MB on hostile shapes (one sentence of thousands of names, one long line
/// without punctuation, a comma list of names) at 1, 2 and 4 MB, with a check that every relation has
/// evidence inside its document.
enum RelationBenchmark {
  static func run(_ arguments: [String]) {
    var textsDir = "../shared/eval/gum-train"
    var targetWords = 300_000
    var i = 0
    while i < arguments.count {
      switch arguments[i] {
      case "--texts" where i + 1 < arguments.count:
        textsDir = arguments[i + 1]
        i += 1
      case "--words" where i + 1 < arguments.count:
        targetWords = Int(arguments[i + 1]) ?? targetWords
        i += 1
      default: break
      }
      i += 1
    }
    print("Relation benchmark (release build)")
    // Load time.
    var loads: [Double] = []
    for _ in 0..<15 {
      let t = Date()
      guard (try? RelationModel.makeDefault()) != nil else {
        FileHandle.standardError.write(Data("error: the bundled relation model does not load\n".utf8))
        exit(6)
      }
      loads.append(Date().timeIntervalSince(t))
    }
    loads.sort()
    print(String(format: "model load: median %.1f ms, max %.1f ms (15 loads)", loads[7] * 1000, loads[14] * 1000))

    let full: Pipeline
    let before: Pipeline
    do {
      full = try Extractor().pipeline
      before = try Pipeline(
        stages: full.stages.filter { $0.name != "relation-classifier" && $0.name != "nested-place" })
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      exit(6)
    }
    let corpus = loadCorpus(textsDir, targetWords: targetWords)
    let words = corpus.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
    print("corpus: \(corpus.count) documents, \(words) words from \(textsDir); 1 core, thread CPU time")
    for p in [before, full] { _ = p.run(corpus[0]) }
    var rates: [Double] = []
    for (label, p) in [("without the relation model", before), ("with the relation model   ", full)] {
      var relations = 0
      let cpu0 = ExtractionBenchmark.threadCPUTime()
      for d in corpus { relations += p.run(d).relations.count }
      let secs = ExtractionBenchmark.threadCPUTime() - cpu0
      rates.append(Double(words) / secs)
      print(
        String(format: "  %@: %8.2f s  %9.0f words/s  (%d relations)", label, secs, Double(words) / secs, relations))
    }
    print(String(format: "  ratio with / without: %.2f× (bar ≥ 0.80×)", rates[1] / rates[0]))

    print("hostile shapes, every default stage (seconds per MB should stay flat):")
    let names = [
      "Mara Quill", "Ivo Brand", "Fenwick Tooling Inc.", "Dunmore", "Ruritania", "Lena Ost", "Kelmarsh Trust",
    ]
    let filler = ["the", "said", "of", "and", "in", "IRAN", "Minister", "at", "for", "based"]
    let shapes: [(String, (inout SplitMix64, Int) -> String)] = [
      (
        "one sentence of names",
        { rng, bytes in
          var s = ""
          while s.utf8.count < bytes { s += names[Int(rng.next() % UInt64(names.count))] + " and " }
          return s + "met."
        }
      ),
      (
        "one line, no punctuation",
        { rng, bytes in
          var s = ""
          while s.utf8.count < bytes {
            s +=
              (rng.next() % 3 == 0
                ? names[Int(rng.next() % UInt64(names.count))] : filler[Int(rng.next() % UInt64(filler.count))]) + " "
          }
          return s
        }
      ),
      (
        "comma list of names",
        { rng, bytes in
          var s = ""
          while s.utf8.count < bytes { s += names[Int(rng.next() % UInt64(names.count))] + ", " }
          return s + "and others."
        }
      ),
    ]
    var rng = SplitMix64(seed: 11)
    for (label, make) in shapes {
      var line = "  \(label.padding(toLength: 26, withPad: " ", startingAt: 0))"
      for mb in [1, 2, 4] {
        let doc = Document(id: "h", text: make(&rng, mb << 20))
        let t = Date()
        let a = full.run(doc)
        let secs = Date().timeIntervalSince(t)
        let ok = a.relations.allSatisfy { r in
          !r.evidence.isEmpty && r.evidence.allSatisfy { $0.start >= 0 && $0.end <= doc.length && $0.start <= $0.end }
        }
        line += String(
          format: " %d MB %.2f s/MB (%d rel%@)", mb, secs / Double(mb), a.relations.count, ok ? "" : ", BAD EVIDENCE")
      }
      print(line)
      if ProcessInfo.processInfo.environment["EG_BENCH_STAGES"] != nil {
        var a = AnalyzedDocument(document: Document(id: "h", text: make(&rng, 2 << 20)))
        var parts: [String] = []
        for stage in full.stages {
          let t = Date()
          stage.process(&a)
          parts.append(String(format: "%@ %.2f s", stage.name, Date().timeIntervalSince(t)))
        }
        print("    2 MB by stage: " + parts.joined(separator: ", "))
      }
    }
    print("peak memory (VmHWM): \(ExtractionBenchmark.peakMemory())")
  }

  static func loadCorpus(_ dir: String, targetWords: Int) -> [Document] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }
      .sorted()
    guard !names.isEmpty else {
      FileHandle.standardError.write(Data("error: no .txt files in \(dir) (use --texts DIR)\n".utf8))
      exit(3)
    }
    let texts = names.compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
    var out: [Document] = []
    var words = 0
    var round = 0
    while words < targetWords {
      for (k, t) in texts.enumerated() {
        out.append(Document(id: "d\(round)-\(k)", text: t))
        words += t.split(whereSeparator: \.isWhitespace).count
      }
      round += 1
    }
    return out
  }
}
