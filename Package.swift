// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Frontline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
        .executable(name: "frontline-server", targets: ["frontline-server"]),
        .library(name: "Xapian", targets: ["Xapian"]),
        .library(name: "FrontlineCorpus", targets: ["FrontlineCorpus"]),
        .library(name: "FrontlineEngine", targets: ["FrontlineEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C++ inside, plain C outside: the only target that touches Xapian's C++ API.
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // Swift API over the shim; knows nothing about news.
        .target(name: "Xapian", dependencies: ["CXapian"]),
        // libxml2 as the system has it, seen only by the CLibXML2 shim.
        .systemLibrary(name: "LibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The HTML parser's shim: libxml2 inside, a flattened tree of events outside.
        .target(name: "CLibXML2", dependencies: ["LibXML2"]),
        // zlib's shim: gzip files (web archives) read as a stream, and gzip data inflated.
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        // What the server needs of Linux beyond Swift's Glibc module (a thread's niceness).
        .target(name: "CLinux"),
        // Reading, cleaning, splitting and tagging articles; knows nothing about Xapian.
        // The shipped language profiles (Corpus/languages, linked from Profiles/) are compiled in.
        .target(name: "FrontlineCorpus", dependencies: ["Yams", "CLibXML2", "CZlib"],
                resources: ["en", "ru", "hy", "az"].map { .embedInCode("Profiles/\($0).json") }),
        // Schema, indexer and searcher: the corpus layer written into and read from Xapian.
        .target(name: "FrontlineEngine", dependencies: ["Xapian", "FrontlineCorpus"]),
        // The web face: the search as a page and an HTTP JSON API (Hummingbird 2).
        .target(
            name: "FrontlineServer",
            dependencies: [
                "FrontlineCorpus",
                "FrontlineEngine",
                "CLinux",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Command-line options shared by `frontline` and `frontline-server`.
        .target(name: "FrontlineOptions", dependencies: ["FrontlineEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The command-line face.
        .executableTarget(
            name: "frontline",
            dependencies: [
                "FrontlineEngine",
                "FrontlineCorpus",
                "FrontlineOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The server `frontline serve` runs: a program of its own, so that the command
        // line does not carry the HTTP stack (it would slow every shell search's start).
        .executableTarget(
            name: "frontline-server",
            dependencies: [
                "FrontlineEngine",
                "FrontlineServer",
                "FrontlineOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: temporary folders, the repository's paths and a runner of the built
        // `frontline` (no Xapian, so the corpus tests do not link it); a xapian-tcpsrv runner;
        // indexes built through the engine for the engine and command-line tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "XapianTestSupport", dependencies: ["Xapian"], path: "Tests/XapianTestSupport"),
        // Hosts of their own for the multi-host tests: network namespaces (or loopback ports).
        .target(name: "NetworkTestSupport", dependencies: ["TestSupport"], path: "Tests/NetworkTestSupport"),
        .target(name: "EngineTestSupport", dependencies: ["FrontlineEngine", "FrontlineCorpus", "TestSupport"], path: "Tests/EngineTestSupport"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "TestSupport", "XapianTestSupport"]),
        .testTarget(name: "FrontlineCorpusTests", dependencies: ["FrontlineCorpus", "TestSupport"]),
        .testTarget(name: "FrontlineEngineTests",
                    dependencies: ["FrontlineEngine", "FrontlineCorpus", "Xapian", "EngineTestSupport", "XapianTestSupport", "NetworkTestSupport"],
                    exclude: ["BadInput"]),
        // The HTTP server in process: every endpoint, status, error body and header.
        .testTarget(name: "FrontlineServerTests", dependencies: [
            "FrontlineServer", "FrontlineEngine", "FrontlineCorpus", "EngineTestSupport", "XapianTestSupport", "CLinux",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Load"]),
        // The `frontline` executable as a user meets it, crash safety included.
        .testTarget(name: "FrontlineCLITests", dependencies: ["frontline", "FrontlineEngine", "FrontlineCorpus", "Xapian", "EngineTestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
