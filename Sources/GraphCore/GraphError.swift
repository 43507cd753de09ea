/// Errors raised while building a graph.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A weight that is NaN or infinite.
    case invalidWeight(source: String, target: String, weight: Double)
    /// A self-loop when the builder's policy rejects them.
    case selfLoopRejected(node: String)
    /// A repeated edge when the builder's policy rejects them.
    case duplicateEdgeRejected(source: String, target: String)
    /// The same node id added twice.
    case duplicateNode(id: String)
    /// An edge names a node index outside the graph.
    case nodeOutOfRange(index: Int, nodeCount: Int)
    /// More nodes or arcs than `Int32` indices can address.
    case tooLarge(what: String, count: Int)

    /// A sentence naming the node or edge and what was wrong.
    public var description: String {
        switch self {
        case let .invalidWeight(s, t, w):
            return "edge \(s)–\(t) has weight \(w); weights must be finite numbers"
        case let .selfLoopRejected(n):
            return "self-loop on node \(n) is not allowed (self-loop policy: reject)"
        case let .duplicateEdgeRejected(s, t):
            return "edge \(s)–\(t) appears more than once (duplicate-edge policy: reject)"
        case let .duplicateNode(id):
            return "node id \"\(id)\" appears more than once"
        case let .nodeOutOfRange(i, n):
            return "edge names node index \(i), but the graph has \(n) nodes"
        case let .tooLarge(what, count):
            return "\(count) \(what) exceed the limit of \(Int32.max) (32-bit indices)"
        }
    }
}
