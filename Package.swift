// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "uccn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "uccn", targets: ["uccn"]),
        .library(name: "GraphCore", targets: ["GraphCore"]),
        .library(name: "GraphAlgorithms", targets: ["GraphAlgorithms"]),
        .library(name: "GraphFormats", targets: ["GraphFormats"]),
        .library(name: "GraphRendering", targets: ["GraphRendering"]),
        .library(name: "GraphvizDOT", targets: ["GraphvizDOT"]),
        .library(name: "CreativeCities", targets: ["CreativeCities"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // `swift package generate-documentation` (make docs); adds no code to the products.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Graphviz's C API (cgraph + gvc) through pkg-config.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Memory helpers in C: heap preparation for timed computations, cache prefetch hints,
        // threads that share one computation (barrier and claimed pieces), and the level
        // kernels of multi-source betweenness (AVX-512 where the processor has it).
        .target(name: "CMemory"),
        // Immutable CSR graph storage, builder, attributes, seeded random numbers.
        .target(name: "GraphCore"),
        // Centrality, components and community detection over GraphCore.
        .target(name: "GraphAlgorithms", dependencies: ["GraphCore", "CMemory"]),
        // Readers and writers over graph storage alone: edge lists, CSV, GraphML, GEXF,
        // JSON node-link (DOT is GraphvizDOT's, through Graphviz's own parser).
        .target(
            name: "GraphFormats",
            dependencies: ["GraphCore", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The one owner of Graphviz: layout, rendering and cgraph's DOT parser and writer
        // through the C API.
        .target(name: "GraphRendering", dependencies: ["CGraphviz", "GraphCore"]),
        // DOT files as attributed graphs: GraphFormats' model read and written through
        // GraphRendering's cgraph parser and writer.
        .target(name: "GraphvizDOT", dependencies: ["GraphCore", "GraphFormats", "GraphRendering"]),
        // The UNESCO Creative Cities domain: dataset, partner suggestions, maps, reports.
        .target(
            name: "CreativeCities",
            dependencies: [
                "GraphCore", "GraphAlgorithms", "GraphFormats", "GraphRendering",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The partner query service: JSON API and the planners' web page over HTTP (Hummingbird).
        .target(
            name: "CreativeCitiesService",
            dependencies: [
                "GraphCore", "GraphRendering", "CreativeCities",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The thin command line.
        .executableTarget(
            name: "uccn",
            dependencies: [
                "GraphCore", "GraphAlgorithms", "GraphFormats", "GraphRendering", "GraphvizDOT",
                "CreativeCities", "CreativeCitiesService", "CMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GraphCoreTests", dependencies: ["GraphCore"]),
        .testTarget(
            name: "GraphAlgorithmsTests",
            dependencies: ["GraphAlgorithms", "GraphCore", "GraphFormats", "CMemory"],
            exclude: ["make_fixtures.py", "make_community_fixtures.py"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GraphFormatsTests",
            dependencies: ["GraphFormats", "GraphvizDOT", "GraphCore"],
            exclude: ["make_format_fixtures.py"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GraphRenderingTests", dependencies: ["GraphRendering", "GraphCore"]),
        .testTarget(
            name: "CreativeCitiesTests",
            dependencies: ["CreativeCities", "GraphCore", "GraphAlgorithms", "GraphRendering"]),
        .testTarget(name: "UCCNCommandTests", dependencies: ["uccn"]),
        .testTarget(
            name: "CreativeCitiesServiceTests",
            dependencies: [
                "CreativeCitiesService", "CreativeCities",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // The documentation's examples ("Getting started", CreativeCities' overview), compiled and run.
        .testTarget(
            name: "DocumentationTests",
            dependencies: ["GraphCore", "GraphFormats", "GraphAlgorithms", "GraphRendering", "CreativeCities"]),
    ],
    swiftLanguageModes: [.v6]
)
