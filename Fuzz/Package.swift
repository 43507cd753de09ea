// swift-tools-version:6.1
// libFuzzer targets for the graph file readers, kept out of the main package so that
// `swift build` and `swift test` need no fuzzer flags. Build and run with `./run.sh`.
import PackageDescription

let readers = ["GraphML", "GEXF", "JSON", "CSV", "EdgeList", "DOT"]

let package = Package(
    name: "uccn-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "uccn", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "GraphFormats", package: "uccn"), .product(name: "GraphCore", package: "uccn"),
                .product(name: "GraphvizDOT", package: "uccn"),
            ]
        )
    ]
        + readers.map { reader in
            .executableTarget(name: "Fuzz\(reader)", dependencies: ["FuzzSupport"])
        },
    swiftLanguageModes: [.v6]
)
