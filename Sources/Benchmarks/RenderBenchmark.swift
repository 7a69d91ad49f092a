enum RenderBenchmark {
  static func run(_ arguments: [String]) {
    print("Render benchmark: not written yet")
  }
}
