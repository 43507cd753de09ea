import CGraphviz

/// Builds a libcgraph graph from a ``RenderableGraph``. Call only while holding the
/// Graphviz lock; the caller closes the graph (`agclose`).
enum CGraphBuilder {
    typealias GraphPointer = UnsafeMutablePointer<Agraph_t>
    typealias NodePointer = UnsafeMutablePointer<Agnode_t>

    /// Attributes whose values become links in SVG (`xlink:href`).
    static let urlAttributes: Set<String> = [
        "URL", "href", "edgeURL", "edgehref", "headURL", "headhref", "tailURL", "tailhref",
        "labelURL", "labelhref",
    ]

    static func build(_ graph: RenderableGraph, escapeURLs: Bool) throws(RenderError) -> GraphPointer {
        let desc: Agdesc_t
        switch (graph.isDirected, graph.isStrict) {
        case (true, false): desc = uccn_agdirected()
        case (true, true): desc = uccn_agstrictdirected()
        case (false, false): desc = uccn_agundirected()
        case (false, true): desc = uccn_agstrictundirected()
        }
        guard let g = uccn_agopen(graph.name, desc) else {
            throw .graphviz(stage: "graph construction", messages: ["agopen failed"])
        }
        do {
            try fill(g, graph, escapeURLs: escapeURLs)
        } catch {
            agclose(g)
            throw error
        }
        return g
    }

    private static func value(_ name: String, _ value: GraphvizValue, escapeURLs: Bool) -> GraphvizValue {
        guard escapeURLs, urlAttributes.contains(name), case let .text(text) = value else { return value }
        return .text(escapeAmpersands(text))
    }

    /// Replaces each `&` that does not start an XML entity (`&amp;`, `&#38;`, `&#x26;`) by `&amp;`.
    static func escapeAmpersands(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "&" {
                var j = i + 1
                var isEntity = false
                if j < chars.count, chars[j] == "#" {
                    j += 1
                    var hex = false
                    if j < chars.count, chars[j] == "x" || chars[j] == "X" { hex = true; j += 1 }
                    let start = j
                    while j < chars.count, hex ? chars[j].isHexDigit : chars[j].isNumber { j += 1 }
                    isEntity = j > start && j < chars.count && chars[j] == ";"
                } else {
                    let start = j
                    while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
                    isEntity = j > start && j < chars.count && chars[j] == ";"
                }
                out += isEntity ? "&" : "&amp;"
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    private static func set(_ object: UnsafeMutableRawPointer, _ attributes: GraphvizAttributes, escapeURLs: Bool) {
        for name in attributes.keys.sorted() {
            guard let raw = attributes[name] else { continue }
            switch value(name, raw, escapeURLs: escapeURLs) {
            case let .text(text): _ = uccn_agsafeset(object, name, text, "")
            case let .html(html): _ = uccn_agsafeset_html(object, name, html)
            }
        }
    }

    /// Declares defaults (`node [...]`, `edge [...]`) on `g`; for a subgraph, the attribute
    /// is first declared on the root with an empty default so the root keeps its own.
    private static func setDefaults(_ g: GraphPointer, kind: Int32, _ attributes: GraphvizAttributes, escapeURLs: Bool)
    {
        let root: GraphPointer = agroot(UnsafeMutableRawPointer(g))
        for name in attributes.keys.sorted() {
            guard let raw = attributes[name] else { continue }
            if root != g, uccn_agattr_lookup(root, kind, name) == nil {
                _ = uccn_agattr(root, kind, name, "")
            }
            switch value(name, raw, escapeURLs: escapeURLs) {
            case let .text(text): _ = uccn_agattr(g, kind, name, text)
            case let .html(html): _ = uccn_agattr_html(g, kind, name, html)
            }
        }
    }

    private static func fill(_ g: GraphPointer, _ graph: RenderableGraph, escapeURLs: Bool) throws(RenderError) {
        set(UnsafeMutableRawPointer(g), graph.graphAttributes, escapeURLs: escapeURLs)
        setDefaults(g, kind: AGNODE, graph.nodeDefaults, escapeURLs: escapeURLs)
        setDefaults(g, kind: AGEDGE, graph.edgeDefaults, escapeURLs: escapeURLs)

        var nodes: [String: NodePointer] = [:]
        nodes.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            guard nodes[node.name] == nil else { throw .invalidGraph("node \"\(node.name)\" is listed twice") }
            guard let n = uccn_agnode(g, node.name, 1) else {
                throw .graphviz(stage: "graph construction", messages: ["could not create node \"\(node.name)\""])
            }
            nodes[node.name] = n
            set(UnsafeMutableRawPointer(n), node.attributes, escapeURLs: escapeURLs)
        }
        for edge in graph.edges {
            guard let tail = nodes[edge.tail] else {
                throw .invalidGraph("edge \"\(edge.tail)\" – \"\(edge.head)\": no node \"\(edge.tail)\"")
            }
            guard let head = nodes[edge.head] else {
                throw .invalidGraph("edge \"\(edge.tail)\" – \"\(edge.head)\": no node \"\(edge.head)\"")
            }
            let e: UnsafeMutablePointer<Agedge_t>?
            if let key = edge.key {
                e = uccn_agedge(g, tail, head, key, 1)
            } else {
                e = uccn_agedge(g, tail, head, nil, 1)
            }
            guard let e else {
                throw .graphviz(
                    stage: "graph construction", messages: ["could not create edge \"\(edge.tail)\" – \"\(edge.head)\""]
                )
            }
            set(UnsafeMutableRawPointer(e), edge.attributes, escapeURLs: escapeURLs)
        }
        try addSubgraphs(graph.subgraphs, to: g, nodes: nodes, escapeURLs: escapeURLs)
    }

    private static func addSubgraphs(
        _ subgraphs: [RenderableGraph.Subgraph], to parent: GraphPointer, nodes: [String: NodePointer], escapeURLs: Bool
    ) throws(RenderError) {
        for sub in subgraphs {
            guard let sg = uccn_agsubg(parent, sub.name, 1) else {
                throw .graphviz(stage: "graph construction", messages: ["could not create subgraph \"\(sub.name)\""])
            }
            set(UnsafeMutableRawPointer(sg), sub.attributes, escapeURLs: escapeURLs)
            setDefaults(sg, kind: AGNODE, sub.nodeDefaults, escapeURLs: escapeURLs)
            setDefaults(sg, kind: AGEDGE, sub.edgeDefaults, escapeURLs: escapeURLs)
            for name in sub.nodes {
                guard let n = nodes[name] else {
                    throw .invalidGraph("subgraph \"\(sub.name)\": no node \"\(name)\"")
                }
                _ = agsubnode(sg, n, 1)
            }
            try addSubgraphs(sub.subgraphs, to: sg, nodes: nodes, escapeURLs: escapeURLs)
        }
    }
}
