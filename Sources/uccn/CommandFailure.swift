import ArgumentParser
import Foundation

/// Why a subcommand stops early: a message for standard error and the kind of failure,
/// which alone decides the exit status. This file is the one place that maps failures to
/// exit statuses:
///
/// | status | meaning |
/// | ------ | ------- |
/// | 0 | success |
/// | 1 | ``Kind/runtime``: a file that cannot be read or written, bad data (the message names the file and line) |
/// | 2 | ``Kind/usage``: options the parser accepted but the command rejects |
/// | 3 | ``Kind/unsupported``: an unknown or unsupported measure or algorithm (the benchmark harness relies on it) |
/// | 130 | ``Kind/interrupted``: stopped by Ctrl-C (SIGINT) before anything was written |
/// | 64 | swift-argument-parser's own usage errors (unknown option, unparsable value), printed by it |
struct CommandFailure: Error, CustomStringConvertible {
    enum Kind: Sendable {
        case runtime
        case usage
        case unsupported
        case interrupted

        var exitCode: ExitCode {
            switch self {
            case .runtime: ExitCode(1)
            case .usage: ExitCode(2)
            case .unsupported: ExitCode(3)
            case .interrupted: ExitCode(130)
            }
        }
    }

    var kind: Kind
    var message: String

    static func runtime(_ message: String) -> CommandFailure { CommandFailure(kind: .runtime, message: message) }
    static func usage(_ message: String) -> CommandFailure { CommandFailure(kind: .usage, message: message) }
    static func unsupported(_ message: String) -> CommandFailure {
        CommandFailure(kind: .unsupported, message: message)
    }
    static func interrupted(_ message: String) -> CommandFailure {
        CommandFailure(kind: .interrupted, message: message)
    }

    var description: String { message }
}

/// How one command words its failures on standard error. The wording differs from command
/// to command (scripts match it), so each keeps its own; everything else about reporting a
/// failure is shared.
struct FailureWording: Sendable {
    /// Written before every message, e.g. `"uccn map: error: "`.
    var prefix: String
    /// Written before runtime messages instead of `prefix`, where the command words them apart.
    var runtimePrefix: String? = nil
    /// Written after usage messages, e.g. a pointer to `--help`.
    var usageSuffix: String = ""

    /// The line written to standard error for `failure`.
    func line(for failure: CommandFailure) -> String {
        switch failure.kind {
        case .runtime: (runtimePrefix ?? prefix) + failure.message
        case .usage: prefix + failure.message + usageSuffix
        case .unsupported, .interrupted: prefix + failure.message
        }
    }

    /// Runs `body`; a ``CommandFailure`` it throws is written to standard error and ends the
    /// process with its exit status. Other errors pass through unchanged.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((line(for: failure) + "\n").utf8))
            throw failure.kind.exitCode
        }
    }
}

/// A subcommand that throws ``CommandFailure``s from `execute()`; `run()` reports them in
/// the command's ``FailureWording`` and exits with their status.
protocol FailureReportingCommand: ParsableCommand {
    static var failureWording: FailureWording { get }
    func execute() throws
}

extension FailureReportingCommand {
    mutating func run() throws {
        try Self.failureWording.reporting(execute)
    }
}
