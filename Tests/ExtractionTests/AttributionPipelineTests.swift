import DocumentModel
import Testing

@testable import Extraction

/// End to end: the default extractor runs the speech and relation stages after entity recognition.
@Suite struct AttributionPipelineTests {
  @Test func defaultExtractorAttributesQuotes() throws {
    let text = """
      Maria Lopez, the president of the Andean Water Council, spoke first.
      “Peru and Chile must share the river,” Maria Lopez said.
      """
    let doc = try Extractor().analyze(Document(id: "pipeline", text: text))
    #expect(doc.quotes.contains { $0.speaker != nil })
    let mentioned = doc.relations.filter { $0.predicate == .mentioned }
    #expect(mentioned.contains { $0.object == "country:peru" && $0.subject.kind == .person })
    #expect(mentioned.contains { $0.object == "country:chile" && $0.subject.kind == .person })
  }

  @Test func defaultStagesAreOrdered() throws {
    let names = try Extractor().pipeline.stages.map(\.name)
    let quote = try #require(names.firstIndex(of: "quote-finder"))
    let speech = try #require(names.firstIndex(of: "speech-attributor"))
    #expect(quote < speech)
    #expect(names.contains("relation-extractor"))
  }
}
