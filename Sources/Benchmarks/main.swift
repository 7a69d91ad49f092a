// Release-build benchmarks: `swift run -c release eg-bench <name> [options]`.
// Each benchmark prints a table of figures; none is a pass/fail test.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = "usage: eg-bench render|extract|ingest|load|relations [options]"
guard let name = arguments.first else {
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(2)
}
let rest = Array(arguments.dropFirst())
switch name {
case "render": RenderBenchmark.run(rest)
case "extract": ExtractionBenchmark.run(rest)
case "ingest": IngestBenchmark.run(rest)
case "load": LoadBenchmark.run(rest)
case "relations": RelationBenchmark.run(rest)
default:
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(2)
}
