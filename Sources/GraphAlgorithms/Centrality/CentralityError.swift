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

    public var description: String {
        switch self {
        case let .directedNotSupported(measure):
            return "\(measure) is not defined for directed graphs here; read the graph as undirected"
        case let .notConverged(measure, iterations, tolerance):
            return "\(measure) did not converge to tolerance \(tolerance) in \(iterations) iterations"
        case let .ambiguousEigenvector(reason):
            return "eigenvector centrality is not unique: \(reason)"
        case let .invalidParameter(name, value, expected):
            return "\(name) = \(value) is not allowed; expected \(expected)"
        case .cancelled:
            return "stopped before it finished"
        }
    }
}
