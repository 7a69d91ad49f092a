import DocumentModel
import Extraction
import Foundation

/// `eg-bench extract [--texts DIR] [--words N]`: throughput of the whole pipeline from text to entities
/// (tokenizer, sentence splitter, entity recognizer) on one core and on all cores, peak memory, and a
/// linearity check on hostile input. `--full` runs every default stage instead (quotes, speech
/// attribution and relations too), i.e. `Extractor()` as `build` uses it.
enum ExtractionBenchmark {
  static func run(_ arguments: [String]) {
    var textsDir = "../shared/eval/gum-train"
    var targetWords = 1_000_000
    var hostile = true
    var full = false
    var i = 0
    while i < arguments.count {
      switch arguments[i] {
      case "--texts" where i + 1 < arguments.count:
        textsDir = arguments[i + 1]
        i += 1
      case "--no-hostile": hostile = false
      case "--full": full = true
      case "--words" where i + 1 < arguments.count:
        targetWords = Int(arguments[i + 1]) ?? targetWords
        i += 1
      default: break
      }
      i += 1
    }
    let pipeline: Pipeline
    do {
      pipeline =
        full
        ? try Extractor().pipeline
        : try Pipeline(stages: [Tokenizer(), SentenceSplitter(), try EntityRecognizer.makeDefault()])
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      exit(6)
    }
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: textsDir).filter({ $0.hasSuffix(".txt") }).sorted(),
      !names.isEmpty
    else {
      FileHandle.standardError.write(Data("error: no .txt files in \(textsDir) (use --texts DIR)\n".utf8))
      exit(3)
    }
    var texts: [String] = []
    for n in names {
      if let t = try? String(contentsOfFile: textsDir + "/" + n, encoding: .utf8) { texts.append(t) }
    }
    // Repeat the corpus until it holds at least `targetWords` whitespace-separated words.
    var corpus: [Document] = []
    var words = 0
    var round = 0
    while words < targetWords {
      for (k, t) in texts.enumerated() {
        corpus.append(Document(id: "d\(round)-\(k)", text: t))
        words += t.split(whereSeparator: \.isWhitespace).count
      }
      round += 1
    }
    print(
      "Extraction benchmark: "
        + (full
          ? "every default stage (entities, quotes, speech, relations)"
          : "tokenizer + sentence splitter + entity recognizer") + " (release build)")
    print(
      "corpus: \(texts.count) texts from \(textsDir), repeated \(round)×: \(corpus.count) documents, \(words) words")
    // Warm-up.
    _ = pipeline.run(corpus[0])

    // One core.
    var mentions = 0
    let t0 = Date()
    let cpu0 = threadCPUTime()
    for d in corpus { mentions += pipeline.run(d).mentions.count }
    let one = Date().timeIntervalSince(t0)
    let cpu = threadCPUTime() - cpu0
    print(String(format: "1 core : %8.2f s  %10.0f words/s  (%d mentions)", one, Double(words) / one, mentions))
    print(
      String(format: "         %8.2f s CPU time of the thread: %10.0f words per CPU second", cpu, Double(words) / cpu))

    // All cores, documents in parallel.
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let t1 = Date()
    let counter = Counter()
    let documents = corpus
    DispatchQueue.concurrentPerform(iterations: cores) { worker in
      var local = 0
      var k = worker
      while k < documents.count {
        local += pipeline.run(documents[k]).mentions.count
        k += cores
      }
      counter.add(local)
    }
    let many = Date().timeIntervalSince(t1)
    print(
      String(
        format: "%d cores: %8.2f s  %10.0f words/s  (%d mentions, speed-up %.2f×)", cores, many,
        Double(words) / many, counter.value, one / many))
    print("peak memory (VmHWM): \(peakMemory())")

    if !hostile { return }
    // Hostile input: one line, no punctuation, ALL CAPS, emoji, RTL, combining marks.
    print("hostile input (one line, no sentence punctuation, ALL CAPS, emoji, RTL, combining marks):")
    let pieces = [
      "THE", "UNITED", "NATIONS", "SAID", "IRAN", "ISRAELI", "😀", "שלום", "مرحبا", "e\u{301}\u{302}", "DR", "JOHN",
      "SMITH", "\u{202E}", "ZERO\u{200B}WIDTH", "Mixed", "case", "Words", "and", "more", "👩‍👩‍👧",
    ]
    var rng = SplitMix64(seed: 7)
    for mb in [1, 2, 4] {
      var s = ""
      s.reserveCapacity(mb << 20)
      while s.utf8.count < mb << 20 {
        s += pieces[Int(rng.next() % UInt64(pieces.count))]
        s += " "
      }
      let doc = Document(id: "hostile-\(mb)", text: s)
      let t = Date()
      let analyzed = pipeline.run(doc)
      let secs = Date().timeIntervalSince(t)
      let inside = analyzed.mentions.allSatisfy { $0.start >= 0 && $0.end <= doc.length && $0.start < $0.end }
      print(
        String(
          format: "  %d MB: %6.2f s  %6.3f s/MB  %d mentions, offsets inside: %@", mb, secs, secs / Double(mb),
          analyzed.mentions.count, inside ? "yes" : "NO"))
    }
  }

  /// CPU time of the calling thread in seconds (immune to other processes competing for the cores).
  static func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// The process's peak resident memory, from /proc (Linux), or "unknown".
  static func peakMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return line.dropFirst(6).trimmingCharacters(in: .whitespaces)
    }
    return "unknown"
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var value = 0
    func add(_ n: Int) {
      lock.lock()
      value += n
      lock.unlock()
    }
  }
}
