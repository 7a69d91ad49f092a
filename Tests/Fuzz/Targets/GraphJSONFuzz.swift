// libFuzzer target: the graph JSON reader on any bytes; what it accepts must survive a round trip.
import DocumentModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  guard let graph = try? KnowledgeGraph(jsonData: data) else { return 0 }
  do {
    let json = try graph.jsonData()
    let again = try KnowledgeGraph(jsonData: json)
    precondition(again == graph, "a graph read from JSON does not survive writing and reading again")
    let third = try again.jsonData()
    precondition(third == json, "graph JSON is not stable")
  } catch {
    preconditionFailure("a graph read from JSON cannot be written back: \(error)")
  }
  return 0
}
