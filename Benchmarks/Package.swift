// swift-tools-version:6.1
// Benchmarks for uccn, apart from the main package so that its `swift build` and
// `swift test` never fetch or build the benchmark framework.
//
//   swift package --package-path Benchmarks benchmark
//
// Graphs come from Benchmarks/peers/make_graphs.py (directory: $UCCN_BENCH_GRAPHS,
// default Benchmarks/graphs); a benchmark whose graph is missing is skipped.
import PackageDescription

let package = Package(
    name: "uccn-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The uccn package itself (named so that product references do not depend on
        // the name of the checkout's folder).
        .package(name: "uccn", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Locating and loading the benchmark graphs; registering a benchmark on one.
        .target(
            name: "BenchmarkGraphs",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GraphCore", package: "uccn"),
                .product(name: "GraphFormats", package: "uccn"),
            ],
            path: "Sources/BenchmarkGraphs"
        )
    ],
    swiftLanguageModes: [.v6]
)

// One executable target per suite, under Benchmarks/<Name>/ (where the benchmark plugin
// looks for them).
for (name, products) in [
    ("GraphBuilding", ["GraphCore", "GraphFormats"]),
    ("Centrality", ["GraphCore", "GraphAlgorithms"]),
    ("Communities", ["GraphCore", "GraphAlgorithms"]),
] {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: [
                "BenchmarkGraphs",
                .product(name: "Benchmark", package: "benchmark"),
            ] + products.map { .product(name: $0, package: "uccn") },
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}
