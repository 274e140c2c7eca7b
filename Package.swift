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
                "FrontlineCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: temporary folders, the repository's paths and a runner of the built
        // `frontline` (no Xapian, so the corpus tests do not link it); a xapian-tcpsrv runner;
        // indexes built through the engine for the engine and command-line tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "XapianTestSupport", dependencies: ["Xapian"], path: "Tests/XapianTestSupport"),
        .target(name: "EngineTestSupport", dependencies: ["FrontlineEngine", "FrontlineCorpus", "TestSupport"], path: "Tests/EngineTestSupport"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "TestSupport", "XapianTestSupport"]),
        .testTarget(name: "FrontlineCorpusTests", dependencies: ["FrontlineCorpus", "TestSupport"]),
        .testTarget(name: "FrontlineEngineTests",
                    dependencies: ["FrontlineEngine", "FrontlineCorpus", "Xapian", "EngineTestSupport", "XapianTestSupport"],
                    exclude: ["BadInput"]),
        // The `frontline` executable as a user meets it, crash safety included.
        .testTarget(name: "FrontlineCLITests", dependencies: ["FrontlineEngine", "FrontlineCorpus", "Xapian", "EngineTestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
