import Foundation
import GraphCore
import GraphFormats
import GraphvizDOT

/// One fuzzing step: parse `bytes` as `format`; a `FormatError` is the expected way to
/// refuse bad input. Any other error, a trap or a sanitizer report is a finding. When the
/// input parses, the graph is written back and read again: the writer must accept
/// whatever the reader produced, and reading its output must not fail.
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int, format: GraphFileFormat) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    var options = GraphReadOptions()
    // Small limits keep each run fast; exceeding them is a FormatError like any other.
    options.maxNodes = 100_000
    options.maxEdges = 1_000_000
    options.maxAttributes = 200
    let graph: AttributedGraph
    do {
        graph = try GraphLoader.parse(bytes, format: format, file: "fuzz", options: options, dot: DOTFormat.codec)
    } catch is FormatError {
        return 0
    } catch {
        fatalError("\(format) reader threw something other than a FormatError: \(error)")
    }
    // Round trip through the same format (CSV through its edges table only when every
    // node has an edge; the writer refuses what the format cannot hold).
    guard format != .csv, format != .edgeList else { return 0 }
    let written: Data
    do {
        guard let first = try GraphWriter.render(graph, format: format, file: "fuzz-out", dot: DOTFormat.codec).first
        else { return 0 }
        written = first
    } catch is FormatError {
        return 0
    } catch {
        fatalError("\(format) writer threw something other than a FormatError: \(error)")
    }
    do {
        let again = try GraphLoader.parse(
            written, format: format, file: "fuzz-out", options: options, dot: DOTFormat.codec)
        guard again.graph.nodeCount == graph.graph.nodeCount, again.graph.edgeCount == graph.graph.edgeCount else {
            fatalError(
                "\(format) round trip changed the graph: \(graph.graph.nodeCount)/\(graph.graph.edgeCount) → \(again.graph.nodeCount)/\(again.graph.edgeCount)"
            )
        }
    } catch {
        fatalError("\(format) could not read back what it wrote: \(error)")
    }
    return 0
}

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Runs libFuzzer with `callback`. SwiftPM links executables on Linux with `main`
/// renamed to `<Target>_main` (so that tests can link them); each target defines that
/// symbol and calls this, which hands control to libFuzzer's own driver.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32 {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &count) { c in
        withUnsafeMutablePointer(to: &arguments) { a in LLVMFuzzerRunDriver(c, a, callback) }
    }
}
