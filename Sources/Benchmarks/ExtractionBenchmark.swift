enum ExtractionBenchmark {
  static func run(_ arguments: [String]) {
    print("Extraction benchmark: not written yet")
  }
}
