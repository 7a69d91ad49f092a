import DocumentModel
import Foundation
import Testing

@testable import EntityGraphCLI
import TestSupport

/// The bad inputs of issue 2, each through the real executable: a clear message naming the file,
/// a non-zero exit when nothing useful can be produced, and never a half-written output.
@Suite(.serialized) struct BuildCommandTests {
  let binary = TestSupport.executable()

  func build(_ args: [String], input: Data? = nil) throws -> (TestSupport.ProcessOutput, URL) {
    let bin = try #require(binary, "entitygraph executable not built")
    let out = try TestSupport.makeTemporaryDirectory("build-out")
    let result = try TestSupport.run(bin, ["build"] + args + ["--out", out.path, "--format", "json"], input: input)
    return (result, out)
  }

  func write(_ data: Data, named name: String) throws -> URL {
    let dir = try TestSupport.makeTemporaryDirectory("build-in")
    let url = dir.appendingPathComponent(name)
    try data.write(to: url)
    return url
  }

  func outputIsEmpty(_ out: URL) throws -> Bool {
    try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty
  }

  @Test func missingPathIsNamedAndNothingIsWritten() throws {
    let (r, out) = try build(["/no/such/file.txt"])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains("/no/such/file.txt") && r.stderr.contains("missing-path"))
    #expect(try outputIsEmpty(out))
  }

  @Test func folderWithoutTextFiles() throws {
    let dir = try TestSupport.makeTemporaryDirectory("empty-folder")
    try Data("x".utf8).write(to: dir.appendingPathComponent("image.jpg"))
    let (r, out) = try build([dir.path])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains("no-text-files") && r.stderr.contains(dir.path))
    #expect(try outputIsEmpty(out))
  }

  @Test(arguments: [
    ("binary.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x00, 0xFF]), "binary-file"),
    ("latin1.txt", Data("caf".utf8) + Data([0xE9, 0x20]) + Data("au lait".utf8), "invalid-utf8"),
    ("empty.txt", Data(), "empty-file"),
    ("blank.txt", Data("  \n\n \t".utf8), "empty-file"),
  ])
  func badFileGetsClearErrorAndNoOutput(_ name: String, _ bytes: Data, _ code: String) throws {
    let file = try write(bytes, named: name)
    let (r, out) = try build([file.path])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains(file.path) && r.stderr.contains(code), "stderr: \(r.stderr)")
    #expect(try outputIsEmpty(out))
  }

  @Test func oversizedFileIsRefusedWithItsSize() throws {
    let file = try write(Data(repeating: UInt8(ascii: "a"), count: 2_000), named: "big.txt")
    let (r, _) = try build([file.path, "--max-file-size", "1000"])
    #expect(r.status == ExitCodes.noInput)
    #expect(r.stderr.contains("file-too-large") && r.stderr.contains("--max-file-size"))
  }

  @Test func oneBadFileDoesNotStopTheOthers() throws {
    let dir = try TestSupport.makeTemporaryDirectory("mixed")
    try Data("Maria Lopez visited Peru.".utf8).write(to: dir.appendingPathComponent("good.txt"))
    try Data([0xFF, 0xFE, 0xFD]).write(to: dir.appendingPathComponent("bad.txt"))
    let (r, out) = try build([dir.path])
    #expect(r.status == ExitCodes.partial)
    #expect(r.stderr.contains("bad.txt"))
    let graph = try KnowledgeGraph(jsonData: Data(contentsOf: out.appendingPathComponent("graph.json")))
    #expect(graph.documents.map(\.id) == ["good"])
  }

  @Test func readsStandardInput() throws {
    let (r, out) = try build(["-"], input: Data("Ana Silva flew to Chile.".utf8))
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let graph = try KnowledgeGraph(jsonData: Data(contentsOf: out.appendingPathComponent("graph.json")))
    let ids = graph.documents.map(\.id)
    #expect(ids.count == 1 && ids[0].hasPrefix("stdin-") && ids[0].count == "stdin-".count + 12, "\(ids)")
  }

  /// Issue 12: two different texts from standard input are two documents, the same text is the same one.
  @Test func standardInputIdsFollowTheText() throws {
    func id(_ text: String) throws -> String {
      let (r, out) = try build(["-"], input: Data(text.utf8))
      #expect(r.status == 0, "stderr: \(r.stderr)")
      return try KnowledgeGraph(jsonData: Data(contentsOf: out.appendingPathComponent("graph.json"))).documents[0].id
    }
    let a = try id("Ana Silva flew to Chile.")
    #expect(try id("Ana Silva flew to Chile.") == a)
    #expect(try id("Rui Costa flew to Peru.") != a)
  }

  /// Issue 12: a time budget of NaN, infinity or beyond a day is a usage error, not a crash.
  @Test(arguments: ["nan", "inf", "1e19", "-1", "0"])
  func timeBudgetMustBeFinite(value: String) throws {
    let bin = try #require(binary)
    let r = try TestSupport.run(bin, ["build", "x.txt", "--time-budget", value])
    #expect(r.status == ExitCodes.usage, "exit \(r.status): \(r.stderr)")
    #expect(r.stderr.contains("--time-budget"))
  }

  @Test func unknownFormatIsAUsageError() throws {
    let bin = try #require(binary)
    let r = try TestSupport.run(bin, ["build", "x.txt", "--format", "gif"])
    #expect(r.status == ExitCodes.usage)
    #expect(r.stderr.contains("unknown format 'gif'"))
  }
}

@Suite struct DocumentLoaderTests {
  @Test func findsInvalidUTF8Offsets() {
    #expect(DocumentLoader.firstInvalidUTF8(Array("héllo ✓ 👩".utf8)) == nil)
    #expect(DocumentLoader.firstInvalidUTF8([0x61, 0xC3]) == 1)  // truncated
    #expect(DocumentLoader.firstInvalidUTF8([0x61, 0x62, 0xC0, 0x80]) == 2)  // overlong
    #expect(DocumentLoader.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
  }

  @Test func duplicateFileNamesGetDistinctIDs() throws {
    let root = try TestSupport.makeTemporaryDirectory("dups")
    for sub in ["a", "b"] {
      let dir = root.appendingPathComponent(sub)
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try Data("Text.".utf8).write(to: dir.appendingPathComponent("same.txt"))
    }
    #expect(try DocumentLoader.discover([root.path]).map(\.id) == ["same", "same~2"])
  }
}

@Suite struct BuildWithStoreTests {
  @Test func buildAlsoFillsAStoreThatAnswersLikeTheJSON() throws {
    let bin = try #require(TestSupport.executable())
    let dir = try TestSupport.makeTemporaryDirectory("build-db")
    let input = dir.appendingPathComponent("note.txt")
    try Data("Maria Lopez, the CEO of Norte Labs, said: “Chile and Peru matter.”\n".utf8).write(to: input)
    let db = dir.appendingPathComponent("graph.sqlite").path
    let out = dir.appendingPathComponent("out")
    for _ in 0..<2 {  // the second run finds the document unchanged
      let r = try TestSupport.run(bin, ["build", input.path, "--out", out.path, "--format", "json", "--db", db])
      #expect(r.status == 0, "stderr: \(r.stderr)")
    }
    let q = try TestSupport.run(bin, ["query", "mentions", "--db", db, "--format", "csv"])
    #expect(q.status == 0, "stderr: \(q.stderr)")
    let graph = try KnowledgeGraph(jsonData: Data(contentsOf: out.appendingPathComponent("graph.json")))
    let countries = graph.relations.filter { $0.predicate == .mentioned && $0.object.kind == .country }
    #expect(!countries.isEmpty)
    for r in countries {
      let name = try #require(graph.entity(r.object)?.name)
      #expect(q.stdout.contains(name))
    }
  }
}

/// Issue 12: without the report or a store, `build` spools the graph on disk instead of holding it; its JSON must
/// be the in-memory graph's, byte for byte, and no spool file may be left behind.
@Suite struct SpooledBuildTests {
  @Test func spooledGraphJSONIsTheInMemoryOne() throws {
    let bin = try #require(TestSupport.executable())
    let input = try TestSupport.makeTemporaryDirectory("spool-in")
    let texts = [
      "b.txt":
        "“We will not sign,” said Ana Silva, the trade minister of Chile. Tomas Reyes of Andes Mining Corp. agreed.",
      "a.txt": "Ana Silva met Tomas Reyes in Lima. Reyes said Peruvian and Chilean officials would attend.",
      "sub/c.md": "The Andes Mining Corp. summit was organized by the Pacific Trade Council. Silva spoke at it.",
    ]
    for (name, text) in texts {
      let url = input.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    let spooled = try TestSupport.makeTemporaryDirectory("spool-out")
    let memory = try TestSupport.makeTemporaryDirectory("memory-out")
    let a = try TestSupport.run(bin, ["build", input.path, "--out", spooled.path, "--format", "json"])
    let b = try TestSupport.run(bin, ["build", input.path, "--out", memory.path, "--format", "json", "html"])
    #expect(a.status == 0 && b.status == 0, "stderr: \(a.stderr) \(b.stderr)")
    let json = try Data(contentsOf: spooled.appendingPathComponent("graph.json"))
    #expect(json == (try Data(contentsOf: memory.appendingPathComponent("graph.json"))))
    #expect(try KnowledgeGraph(jsonData: json).documents.count == 3)
    #expect(a.stderr.split(separator: "→").first == b.stderr.split(separator: "→").first)
    let left = try FileManager.default.contentsOfDirectory(atPath: spooled.deletingLastPathComponent().path)
    #expect(!left.contains { $0.hasPrefix(".\(spooled.lastPathComponent).build-") })
  }
}

/// Issue 12: a file whose name starts with a dash is read, not parsed as options.
@Suite struct DashNamedInputTests {
  @Test func optionLikeExistingPathsBecomeExplicit() {
    let exists: (String) -> Bool = { $0 == "-dash.txt" }
    #expect(
      ArgumentPaths.normalized(["build", "-dash.txt", "-o", "out"], fileExists: exists) == [
        "build", "./-dash.txt", "-o", "out",
      ])
    #expect(
      ArgumentPaths.normalized(["build", "--", "-dash.txt"], fileExists: exists) == ["build", "--", "-dash.txt"])
    #expect(ArgumentPaths.normalized(["build", "-", "-h"], fileExists: exists) == ["build", "-", "-h"])
  }

  @Test func buildReadsADashNamedFile() throws {
    let bin = try #require(TestSupport.executable())
    let dir = try TestSupport.makeTemporaryDirectory("dash-in")
    try Data("Ana Silva flew to Chile.".utf8).write(to: dir.appendingPathComponent("-dash.txt"))
    let out = try TestSupport.makeTemporaryDirectory("dash-out")
    let r = try TestSupport.run(bin, ["build", "-dash.txt", "--out", out.path, "--format", "json"], in: dir)
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let graph = try KnowledgeGraph(jsonData: Data(contentsOf: out.appendingPathComponent("graph.json")))
    #expect(graph.documents.map(\.id) == ["-dash"])
  }
}
