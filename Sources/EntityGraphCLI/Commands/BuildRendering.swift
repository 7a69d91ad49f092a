import DocumentModel
import Foundation
import GraphRendering

/// The diagram part of `build`: DOT text and images of the whole graph, a focused view of the
/// speakers and what they mentioned when anyone is quoted, and the bipartite drawing of who
/// mentioned which country (`who-mentioned.*`, the one the HTML report shows).
enum BuildRendering {
  struct Failure: Error {
    var message: String
    /// Whether the output could not be written (exit 6), rather than a rendering failure (exit 4).
    var isOutputProblem = false
  }

  /// Formats in the order they are written.
  static let order: [OutputFormat] = [.dot, .svg, .png, .pdf]

  static func write(
    graph: KnowledgeGraph, formats: Set<String>, layout: String, timeBudget: Double, to directory: URL
  ) throws -> [String] {
    let wanted = order.filter { formats.contains($0.rawValue) }
    guard !wanted.isEmpty else { return [] }
    guard let engine = LayoutEngine(rawValue: layout.lowercased()) else {
      throw Failure(message: "unknown layout '\(layout)'; use auto, dot, neato, fdp, sfdp, circo or twopi")
    }
    let budget = Duration.milliseconds(Int64(timeBudget * 1000))
    var written: [URL] = []
    do {
      let title = graph.documents.count == 1 ? graph.documents[0].id : "\(graph.documents.count) documents"
      written += try DiagramOutput.write(
        graph: graph, formats: wanted, layout: engine, options: DOTWriter.Options(title: title),
        timeBudget: budget, to: directory, baseName: "graph")
      let speakers = speakersGraph(graph)
      if !speakers.relations.isEmpty {
        written += try DiagramOutput.write(
          graph: speakers, formats: wanted, layout: engine,
          options: DOTWriter.Options(title: "Who mentioned what: \(title)"), timeBudget: budget, to: directory,
          baseName: "speakers")
      }
      if let dot = HTMLReport(graph: graph, metadata: .init(title: title)).whoMentionedDOT {
        written += try DiagramOutput.write(
          dot: dot, formats: wanted, layout: .dot, timeBudget: budget, to: directory, baseName: "who-mentioned")
      }
    } catch let error as RenderingError {
      throw Failure(message: error.description, isOutputProblem: error.code == .writeFailed)
    }
    return written.map(\.path)
  }
}
