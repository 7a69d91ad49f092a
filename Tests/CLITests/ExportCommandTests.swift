import DocumentModel
import Foundation
import GraphRendering
import GraphStore
import Testing

@testable import EntityGraphCLI
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `entitygraph export` in every format, with hostile names, through the real executable.
@Suite(.serialized) struct ExportCommandTests {
  let binary = TestSupport.executable()
  let hostile = StoreCommandTests.hostile

  func export(_ format: String, to output: String? = nil, extra: [String] = []) throws -> (
    TestSupport.ProcessOutput, String
  ) {
    let bin = try #require(binary, "entitygraph executable not built")
    let db = try StoreCommandTests().hostileStore()
    var args = ["export", "--db", db, "--format", format] + extra
    if let output { args += ["-o", output] }
    return (try TestSupport.run(bin, args), db)
  }

  @Test func jsonExportRoundTripsTheStore() throws {
    let (result, db) = try export("json")
    #expect(result.status == 0, "\(result.stderr)")
    let graph = try KnowledgeGraph(jsonData: Data(result.stdout.utf8))
    #expect(graph == (try GraphStore(path: db).loadGraph()))
    #expect(graph.entities.contains { $0.name == hostile })
  }

  @Test func dotExportEscapesLabels() throws {
    let (result, _) = try export("dot")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("digraph") || result.stdout.contains("digraph"))
    #expect(result.stdout.contains(DOTEscaping.escaped(hostile)) || result.stdout.contains("\\\"Quote\\\""))
  }

  @Test func graphMLIsWellFormedAndKeepsNames() throws {
    let dir = try TestSupport.makeTemporaryDirectory("graphml")
    let path = dir.appendingPathComponent("graph.graphml").path
    let (result, _) = try export("graphml", to: path)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let reader = GraphMLReader()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    #expect(parser.parse(), "GraphML must be well-formed XML: \(String(describing: parser.parserError))")
    // Schema rules: keys declared (with a valid attr.type) before the graph; data only uses declared keys;
    // node ids unique; edges end at declared nodes.
    #expect(reader.keysBeforeGraph)
    #expect(reader.keyTypes.values.allSatisfy { ["boolean", "int", "long", "float", "double", "string"].contains($0) })
    #expect(Set(reader.dataKeys).isSubset(of: Set(reader.keyTypes.keys)))
    #expect(Set(reader.nodeIDs).count == reader.nodeIDs.count)
    #expect(reader.edgeEnds.allSatisfy { reader.nodeIDs.contains($0.0) && reader.nodeIDs.contains($0.1) })
    #expect(reader.values.contains(hostile))
    #expect(reader.values.contains("Acme \"<b>\""))
  }

  @Test func csvExportHasNeo4jHeadersAndKeepsNames() throws {
    let dir = try TestSupport.makeTemporaryDirectory("csv")
    let (result, _) = try export("csv", to: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    let nodes = CSVReader.rows(try String(contentsOf: dir.appendingPathComponent("nodes.csv"), encoding: .utf8))
    let edges = CSVReader.rows(try String(contentsOf: dir.appendingPathComponent("edges.csv"), encoding: .utf8))
    #expect(nodes.first?.prefix(2) == ["id:ID", ":LABEL"])
    #expect(edges.first?.prefix(3) == [":START_ID", ":END_ID", ":TYPE"])
    #expect(nodes.count == 6)
    #expect(edges.count == 4)
    #expect(nodes.contains { $0[2] == hostile && $0[1] == "Entity;Person" })
    #expect(nodes.allSatisfy { $0.count == nodes[0].count })
    #expect(edges.contains { $0[2] == "MENTIONED" })
  }

  @Test func cypherScriptKeepsOneStatementPerLineAndNames() throws {
    let (result, _) = try export("cypher")
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("//") }
    #expect(lines.allSatisfy { $0.hasSuffix(";") })
    #expect(lines.count == 1 + 5 + 3)
    let literal = CypherWriter.literal(hostile)
    #expect(result.stdout.contains("n.name = \(literal)"))
    #expect(CypherLiteral.unescape(literal) == hostile)
  }

  @Test func focusedExportKeepsOnlyTheNeighborhood() throws {
    let (result, _) = try export("json", extra: ["--focus", "France", "--depth", "1"])
    #expect(result.status == 0, "\(result.stderr)")
    let graph = try KnowledgeGraph(jsonData: Data(result.stdout.utf8))
    #expect(Set(graph.entities.map(\.name)) == [hostile, "France"])
  }

  @Test func documentExportIsThatDocumentsGraph() throws {
    let (result, db) = try export("json", extra: ["--document", "h"])
    #expect(result.status == 0, "\(result.stderr)")
    let graph = try KnowledgeGraph(jsonData: Data(result.stdout.utf8))
    #expect(graph == (try GraphStore(path: db).documentGraph("h")))
    let (unknown, _) = try export("json", extra: ["--document", "nope"])
    #expect(unknown.status == ExitCodes.noInput)
  }

  @Test func csvNeedsAnOutputFolder() throws {
    let (result, _) = try export("csv")
    #expect(result.status == ExitCodes.usage)
  }
}

/// Collects what the GraphML checks need.
final class GraphMLReader: NSObject, XMLParserDelegate {
  var keyTypes: [String: String] = [:]
  var keysBeforeGraph = true
  var seenGraph = false
  var dataKeys: [String] = []
  var nodeIDs: [String] = []
  var edgeEnds: [(String, String)] = []
  var values: [String] = []
  private var text: String?

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch name {
    case "key":
      if seenGraph { keysBeforeGraph = false }
      keyTypes[attributes["id"] ?? ""] = attributes["attr.type"] ?? ""
    case "graph": seenGraph = true
    case "node": nodeIDs.append(attributes["id"] ?? "")
    case "edge": edgeEnds.append((attributes["source"] ?? "", attributes["target"] ?? ""))
    case "data":
      dataKeys.append(attributes["key"] ?? "")
      text = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "data", let text {
      values.append(text)
      self.text = nil
    }
  }
}

/// Reads back a single-quoted Cypher string literal.
enum CypherLiteral {
  static func unescape(_ literal: String) -> String {
    var out = ""
    var chars = Array(literal.unicodeScalars).dropFirst().dropLast()[...]
    while let c = chars.popFirst() {
      guard c == "\\", let next = chars.popFirst() else {
        out.unicodeScalars.append(c)
        continue
      }
      switch next {
      case "n": out += "\n"
      case "r": out += "\r"
      case "t": out += "\t"
      case "u":
        let hex = String(String.UnicodeScalarView(chars.prefix(4)))
        chars = chars.dropFirst(4)
        if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { out.unicodeScalars.append(s) }
      default: out.unicodeScalars.append(next)
      }
    }
    return out
  }
}
