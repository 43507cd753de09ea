import Foundation

/// Runs the built `uccn` executable and captures its output.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The directory holding the built products (`.build/debug`, or the `--scratch-path`
    /// of the build), found once.
    ///
    /// On Linux the test product is itself an executable in that directory, so the path
    /// of the running process gives it. (`Bundle.allBundles`, needed on macOS where tests
    /// run inside Xcode's `xctest` tool, leaks the array it copies on every call on Linux.)
    static let productsDirectory: URL = {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
            return Bundle.main.bundleURL
        #else
            let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
            return executable.resolvingSymlinksInPath().deletingLastPathComponent()
        #endif
    }()

    /// The package root (where `Graphs/` is).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("uccn")
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        // The environment is inherited (`environment` left nil): sanitizer settings such as
        // LSAN_OPTIONS reach the executable.
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
