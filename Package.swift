// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Frontline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
        .library(name: "Xapian", targets: ["Xapian"]),
        .library(name: "FrontlineCorpus", targets: ["FrontlineCorpus"]),
        .library(name: "FrontlineEngine", targets: ["FrontlineEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // C++ inside, plain C outside: the only target that touches Xapian's C++ API.
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // Swift API over the shim; knows nothing about news.
        .target(name: "Xapian", dependencies: ["CXapian"]),
        // Reading, cleaning, splitting and tagging articles; knows nothing about Xapian.
        .target(name: "FrontlineCorpus", dependencies: ["Yams"]),
        // Schema, indexer and searcher: the corpus layer written into and read from Xapian.
        .target(name: "FrontlineEngine", dependencies: ["Xapian", "FrontlineCorpus"]),
        // The command-line face.
        .executableTarget(
            name: "frontline",
            dependencies: [
                "FrontlineEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Micro-benchmarks of the indexing core (ordo-one/package-benchmark):
        // swift package benchmark --target FrontlineBenchmarks
        .executableTarget(
            name: "FrontlineBenchmarks",
            dependencies: ["FrontlineEngine", "FrontlineCorpus", "Xapian", .product(name: "Benchmark", package: "package-benchmark")],
            path: "bench/Benchmarks/FrontlineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Temporary folders and a xapian-tcpsrv runner shared by the test targets.
        .target(name: "TestSupport", dependencies: ["Xapian"], path: "Tests/TestSupport"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "TestSupport"]),
        .testTarget(name: "FrontlineCorpusTests", dependencies: ["FrontlineCorpus", "TestSupport"]),
        .testTarget(name: "FrontlineEngineTests", dependencies: ["FrontlineEngine", "TestSupport"], exclude: ["BadInput"]),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)
