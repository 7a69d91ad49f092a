// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "EntityGraph",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "entitygraph", targets: ["entitygraph"]),
    .executable(name: "eg-bench", targets: ["Benchmarks"]),
    .library(name: "DocumentModel", targets: ["DocumentModel"]),
    .library(name: "Extraction", targets: ["Extraction"]),
    .library(name: "GraphRendering", targets: ["GraphRendering"]),
    .library(name: "GraphStore", targets: ["GraphStore"]),
    .library(name: "GraphStorePostgres", targets: ["GraphStorePostgres"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // Core value types; imports nothing of ours.
    .target(name: "DocumentModel"),
    // Text → entities, quotes, relations.
    .target(
      name: "Extraction",
      dependencies: ["DocumentModel"],
      exclude: ["README.md"],
      resources: [.copy("Resources")]
    ),
    // Graphviz C library, found through pkg-config.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    // DOT writer (pure Swift) and in-process Graphviz renderer (the only importer of CGraphviz).
    .target(name: "GraphRendering", dependencies: ["DocumentModel", "CGraphviz"]),
    // Embedded SQLite store (GRDB).
    .target(
      name: "GraphStore",
      dependencies: ["DocumentModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The same store on a PostgreSQL server (postgres-nio), for many concurrent ingest workers.
    .target(
      name: "GraphStorePostgres",
      dependencies: ["DocumentModel", "GraphStore", .product(name: "PostgresNIO", package: "postgres-nio")]
    ),
    // Commands, options and I/O; the executable is a thin `main`.
    .target(
      name: "EntityGraphCLI",
      dependencies: [
        "DocumentModel", "Extraction", "GraphRendering", "GraphStore", "GraphStorePostgres",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "entitygraph", dependencies: ["EntityGraphCLI"]),
    .executableTarget(
      name: "Benchmarks",
      dependencies: ["DocumentModel", "Extraction", "GraphRendering", "GraphStore", "EntityGraphCLI"]
    ),
    .target(name: "TestSupport", dependencies: ["DocumentModel"]),
    .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel", "TestSupport"]),
    .testTarget(
      name: "ExtractionTests",
      dependencies: ["Extraction", "DocumentModel", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "GraphRenderingTests",
      dependencies: ["GraphRendering", "DocumentModel", "TestSupport"],
      resources: [.copy("Golden")]
    ),
    .testTarget(
      name: "GraphStoreTests", dependencies: ["GraphStore", "GraphStorePostgres", "DocumentModel", "TestSupport"]),
    .testTarget(
      name: "CLITests",
      dependencies: ["EntityGraphCLI", "DocumentModel", "GraphStorePostgres", "TestSupport", "entitygraph"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
