enum IngestBenchmark {
  static func run(_ arguments: [String]) {
    print("Ingest benchmark: not written yet")
  }
}
