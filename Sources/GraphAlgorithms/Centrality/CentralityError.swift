import Foundation

/// Why a centrality measure could not be computed.
public enum CentralityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The measure is only defined here for undirected graphs.
    case directedNotSupported(measure: String)
    /// An iterative method did not reach its tolerance.
    case notConverged(measure: String, iterations: Int, tolerance: Double)
    /// The leading eigenvector is not unique (several components share the largest
    /// eigenvalue, e.g. a graph with no edges); any mix of them would be an answer.
    case ambiguousEigenvector(reason: String)
    /// A parameter is outside its allowed range.
    case invalidParameter(name: String, value: String, expected: String)
    /// The computation was stopped through its ``RunControl`` before it finished.
    case cancelled
    /// Katz's series diverges: `α ≥ 1/λ_max`.
    case katzAlphaTooLarge(alpha: Double, lambdaMax: Double)
    /// The measure reads weights as distances or transition strengths, and some are negative.
    case negativeWeights(measure: String, use: String)

    /// A sentence naming the measure or parameter and what was expected.
    public var description: String {
        switch self {
        case let .directedNotSupported(measure):
            return "\(measure) is not defined for directed graphs here; read the graph as undirected (--undirected)"
        case let .notConverged(measure, iterations, tolerance):
            return "\(measure) did not converge to tolerance \(tolerance) in \(iterations) iterations"
        case let .ambiguousEigenvector(reason):
            return "eigenvector centrality is not unique: \(reason)"
        case let .invalidParameter(name, value, expected):
            return "\(name) = \(value) is not allowed; expected \(expected)"
        case .cancelled:
            return "stopped before it finished"
        case let .katzAlphaTooLarge(alpha, lambda):
            return
                "Katz alpha must be below 1/λ_max = \(shortNumber(1 / lambda)) (λ_max = \(shortNumber(lambda)), the largest eigenvalue of the adjacency matrix); alpha = \(shortNumber(alpha)) makes the series diverge. Give a smaller --katz-alpha, or leave it out for the default (0.1, or 0.5/λ_max when 0.1 is too large)"
        case let .negativeWeights(measure, use):
            return
                "\(measure) reads weights as \(use) and the graph has negative weights; leave out --weighted, or give non-negative weights"

        }
    }
}

/// Six significant digits, as `%.6g` prints them.
func shortNumber(_ x: Double) -> String { String(format: "%.6g", x) }
