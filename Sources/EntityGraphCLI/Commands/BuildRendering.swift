import DocumentModel
import Foundation
import GraphRendering

/// The diagram part of `build`: DOT text and images of the whole graph and of the speakers view.
enum BuildRendering {
  struct Failure: Error { var message: String }

  static func write(
    graph: KnowledgeGraph, formats: Set<String>, layout: String, timeBudget: Double, to directory: URL
  ) throws -> [String] {
    []
  }
}
