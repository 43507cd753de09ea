/// Checks attribute values that Graphviz would silently ignore or misread (`penwidth=fat`,
/// `width=-1`, `K=abc`): a number where Graphviz expects one, within its range. Attributes
/// not listed here (colours, shapes, labels, …) are passed through; Graphviz reports bad
/// ones itself, and those reports are captured.
public enum AttributeValidation {
    enum Rule {
        /// A decimal number ≥ `min` (strictly greater when `exclusive`).
        case number(min: Double, exclusive: Bool)
        /// An integer ≥ `min`.
        case integer(min: Int)
        /// true/false/yes/no or an integer.
        case boolean
        /// One of the words, or (when `orBoolean`) a boolean.
        case word([String], orBoolean: Bool)
        /// `x` or `x,y` (optionally with a leading `+`), non-negative numbers.
        case margin(allowPlus: Bool)
        /// `x,y` with an optional trailing `!`, positive numbers.
        case size
        /// A number followed by optional words (`ranksep="0.5 equally"`).
        case numberThenWords(min: Double)
        /// fdp/neato/sfdp's `start`: an integer seed, or regular/self/random followed by an optional seed.
        case start
        /// A non-negative number, or one of the words.
        case numberOrWord([String])
        /// Overlap removal mode.
        case overlap
        /// HTML-like values are allowed for this attribute.
        case label
    }

    static let rules: [String: Rule] = [
        "width": .number(min: 0, exclusive: false),
        "height": .number(min: 0, exclusive: false),
        "penwidth": .number(min: 0, exclusive: false),
        "setlinewidth": .number(min: 0, exclusive: false),
        "fontsize": .number(min: 1, exclusive: false),
        "labelfontsize": .number(min: 1, exclusive: false),
        "arrowsize": .number(min: 0, exclusive: false),
        "K": .number(min: 0, exclusive: true),
        "len": .number(min: 0, exclusive: true),
        "weight": .number(min: 0, exclusive: false),
        "nodesep": .number(min: 0, exclusive: false),
        "dpi": .number(min: 0, exclusive: true),
        "resolution": .number(min: 0, exclusive: true),
        "epsilon": .number(min: 0, exclusive: true),
        "mindist": .number(min: 0, exclusive: false),
        "labelangle": .number(min: -360, exclusive: false),
        "labeldistance": .number(min: 0, exclusive: false),
        "peripheries": .integer(min: 0),
        "sides": .integer(min: 3),
        "maxiter": .integer(min: 0),
        "levels": .integer(min: 0),
        "mclimit": .number(min: 0, exclusive: true),
        "nslimit": .number(min: 0, exclusive: false),
        "searchsize": .integer(min: 0),
        "rotate": .integer(min: 0),
        "quadtree": .word(["normal", "fast", "none"], orBoolean: true),
        "fixedsize": .word(["shape"], orBoolean: true),
        "concentrate": .boolean,
        "compound": .boolean,
        "center": .boolean,
        "landscape": .boolean,
        "newrank": .boolean,
        "forcelabels": .boolean,
        "regular": .boolean,
        "splines": .word(["none", "line", "polyline", "curved", "ortho", "spline", "compound", ""], orBoolean: true),
        "outputorder": .word(["breadthfirst", "nodesfirst", "edgesfirst"], orBoolean: false),
        "rankdir": .word(["TB", "LR", "BT", "RL"], orBoolean: false),
        "mode": .word(["major", "KK", "sgd", "hier", "ipsep", "spring", "maxent"], orBoolean: false),
        "model": .word(["circuit", "subset", "shortpath", "mds"], orBoolean: false),
        "sep": .margin(allowPlus: true),
        "esep": .margin(allowPlus: true),
        "margin": .margin(allowPlus: false),
        "pad": .margin(allowPlus: false),
        "size": .size,
        "ranksep": .numberThenWords(min: 0),
        "start": .start,
        "ratio": .numberOrWord(["fill", "compress", "expand", "auto"]),
        "overlap": .overlap,
        "label": .label, "xlabel": .label, "headlabel": .label, "taillabel": .label,
    ]

    /// Throws ``RenderError/invalidAttribute(owner:name:value:expected:)`` when `value` is not acceptable for `name`.
    public static func validate(_ name: String, _ value: GraphvizValue, owner: String) throws(RenderError) {
        func fail(_ expected: String) -> RenderError {
            .invalidAttribute(owner: owner, name: name, value: value.description, expected: expected)
        }
        guard !name.isEmpty else { throw fail("a non-empty attribute name") }
        let rule = rules[name]
        if value.isHTML {
            if case .label = rule { return }
            throw fail("plain text (HTML-like values are allowed only for labels)")
        }
        guard let rule else { return }
        let text = value.string.trimmingCharacters(in: " ")
        switch rule {
        case let .number(min, exclusive):
            guard let x = Double(text), x.isFinite, exclusive ? x > min : x >= min else {
                throw fail("a number \(exclusive ? ">" : "≥") \(GraphvizValue.formatNumber(min))")
            }
        case let .integer(min):
            guard let x = Int(text), x >= min else { throw fail("an integer ≥ \(min)") }
        case .boolean:
            guard isBoolean(text) else { throw fail("true, false, yes, no or an integer") }
        case let .word(words, orBoolean):
            let lower = text.lowercased()
            guard words.contains(where: { $0.lowercased() == lower }) || (orBoolean && isBoolean(text)) else {
                throw fail(
                    "one of \(words.filter { !$0.isEmpty }.joined(separator: ", "))\(orBoolean ? ", or a boolean" : "")"
                )
            }
        case let .margin(allowPlus):
            var body = Substring(text)
            if allowPlus, body.hasPrefix("+") { body = body.dropFirst() }
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count),
                parts.allSatisfy({ Double($0).map { $0.isFinite && $0 >= 0 } ?? false })
            else {
                throw fail(
                    allowPlus ? "a number ≥ 0 or \"x,y\", optionally with a leading +" : "a number ≥ 0 or \"x,y\"")
            }
        case .size:
            var body = Substring(text)
            if body.hasSuffix("!") { body = body.dropLast() }
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count),
                parts.allSatisfy({ Double($0).map { $0.isFinite && $0 > 0 } ?? false })
            else { throw fail("\"x,y\" in inches (positive), optionally followed by !") }
        case let .numberThenWords(min):
            let first = text.split(separator: " ").first.map(String.init) ?? ""
            guard let x = Double(first), x.isFinite, x >= min else {
                throw fail("a number ≥ \(GraphvizValue.formatNumber(min)), optionally followed by words")
            }
        case .start:
            if Int(text) != nil { return }
            let lower = text.lowercased()
            for word in ["regular", "self", "random"] where lower.hasPrefix(word) {
                let rest = lower.dropFirst(word.count)
                if rest.isEmpty || Int(rest) != nil { return }
            }
            throw fail("an integer seed, or regular, self or random optionally followed by a seed")
        case let .numberOrWord(words):
            if let x = Double(text), x.isFinite, x > 0 { return }
            guard words.contains(text.lowercased()) else {
                throw fail("a positive number or one of \(words.joined(separator: ", "))")
            }
        case .overlap:
            let lower = text.lowercased()
            let modes = [
                "scale", "scalexy", "compress", "vpsc", "ipsep", "voronoi", "ortho", "orthoxy", "orthoyx", "portho",
                "porthoxy", "porthoyx",
            ]
            if isBoolean(text) || modes.contains(lower) { return }
            if lower.hasPrefix("prism"), lower.dropFirst(5).isEmpty || Int(lower.dropFirst(5)) != nil { return }
            throw fail("true, false, prism[N], scale, scalexy, compress, vpsc, voronoi or ortho")
        case .label:
            return
        }
    }

    private static func isBoolean(_ text: String) -> Bool {
        ["true", "false", "yes", "no"].contains(text.lowercased()) || Int(text) != nil
    }

    /// Validates every attribute of a graph description.
    public static func validate(_ graph: RenderableGraph) throws(RenderError) {
        for (name, value) in graph.graphAttributes { try validate(name, value, owner: "the graph") }
        for (name, value) in graph.nodeDefaults { try validate(name, value, owner: "the node defaults") }
        for (name, value) in graph.edgeDefaults { try validate(name, value, owner: "the edge defaults") }
        for node in graph.nodes {
            for (name, value) in node.attributes { try validate(name, value, owner: "node \"\(node.name)\"") }
        }
        for edge in graph.edges {
            for (name, value) in edge.attributes {
                try validate(name, value, owner: "edge \"\(edge.tail)\" – \"\(edge.head)\"")
            }
        }
        func walk(_ subgraphs: [RenderableGraph.Subgraph]) throws(RenderError) {
            for sub in subgraphs {
                let owner = "subgraph \"\(sub.name)\""
                for (name, value) in sub.attributes { try validate(name, value, owner: owner) }
                for (name, value) in sub.nodeDefaults { try validate(name, value, owner: owner + " node defaults") }
                for (name, value) in sub.edgeDefaults { try validate(name, value, owner: owner + " edge defaults") }
                try walk(sub.subgraphs)
            }
        }
        try walk(graph.subgraphs)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let f = slice.first, set.contains(f) { slice.removeFirst() }
        while let l = slice.last, set.contains(l) { slice.removeLast() }
        return String(slice)
    }
}
