// swift-tools-version: 6.1
// The micro-benchmarks of Frontline's indexing core, in a package of their own so that
// building or testing Frontline never fetches or builds the benchmark stack.
//
//   cd bench && swift package --allow-writing-to-package-directory benchmark --target FrontlineBenchmarks
import PackageDescription

let package = Package(
    name: "FrontlineBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Frontline", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FrontlineBenchmarks",
            dependencies: [
                .product(name: "FrontlineCorpus", package: "Frontline"),
                .product(name: "FrontlineEngine", package: "Frontline"),
                .product(name: "Xapian", package: "Frontline"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/FrontlineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
