import CGraphviz
import Foundation

extension Graphviz {
    /// Parses DOT text with Graphviz's own parser (`agmemread`) into a ``RenderableGraph``.
    ///
    /// The result lists every node and edge with the attributes that differ from their
    /// defaults; graph-wide defaults (`node [...]`, `edge [...]`, graph attributes) and
    /// subgraphs with their members, attributes and local defaults are kept. HTML-like labels
    /// come back as ``GraphvizValue/html(_:)``.
    ///
    /// - Throws: ``RenderError/graphviz(stage:messages:)`` with Graphviz's message for a
    ///   syntax error; ``RenderError/invalidGraph(_:)`` when the text holds more than one graph.
    public func parseDOT(_ text: String) throws(RenderError) -> RenderableGraph {
        try locked { (session, _) throws(RenderError) -> RenderableGraph in
            let g = uccn_agmemread(text)
            // agmemread keeps text after the first graph buffered and returns it on the next
            // call: drain it so it cannot leak into a later parse.
            var extraGraphs = 0
            while let extra = uccn_agmemread("") {
                agclose(extra)
                extraGraphs += 1
            }
            let messages = session.takeDiagnostics()
            guard let g else {
                let errors = messages.filter { $0.severity == .error }.map(\.message)
                throw .graphviz(stage: "DOT parsing", messages: errors.isEmpty ? ["syntax error"] : errors)
            }
            defer { agclose(g) }
            if extraGraphs > 0 {
                throw .invalidGraph("the DOT text holds \(extraGraphs + 1) graphs; expected one")
            }
            return CGraphReader.read(g)
        }
    }

    /// Writes `graph` as DOT text through Graphviz's own writer (`agwrite`), which quotes
    /// names and values as needed.
    public func writeDOT(_ graph: RenderableGraph) throws(RenderError) -> String {
        try AttributeValidation.validate(graph)
        return try locked { (session, _) throws(RenderError) -> String in
            let g = try CGraphBuilder.build(graph, escapeURLs: false)
            defer { agclose(g) }
            var buffer: UnsafeMutablePointer<CChar>?
            var size = 0
            guard let stream = open_memstream(&buffer, &size) else {
                throw .graphviz(stage: "DOT writing", messages: [String(cString: strerror(errno))])
            }
            let rc = uccn_agwrite_file(g, stream)
            fclose(stream)
            defer { free(buffer) }
            let messages = session.takeDiagnostics().filter { $0.severity == .error }.map(\.message)
            guard rc != EOF, messages.isEmpty, let buffer else {
                throw .graphviz(stage: "DOT writing", messages: messages.isEmpty ? ["agwrite failed"] : messages)
            }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: size)
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Reads a libcgraph graph back into a ``RenderableGraph``. Call only under the Graphviz lock.
enum CGraphReader {
    typealias GraphPointer = UnsafeMutablePointer<Agraph_t>
    typealias SymbolPointer = UnsafeMutablePointer<Agsym_t>

    static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    static func value(_ pointer: UnsafeMutablePointer<CChar>?) -> GraphvizValue {
        guard let pointer else { return .text("") }
        return uccn_is_html(pointer) != 0 ? .html(String(cString: pointer)) : .text(String(cString: pointer))
    }

    static func symbols(_ g: GraphPointer, kind: Int32) -> [SymbolPointer] {
        var result: [SymbolPointer] = []
        var sym = agnxtattr(g, kind, nil)
        while let s = sym {
            result.append(s)
            sym = agnxtattr(g, kind, s)
        }
        return result
    }

    /// The attributes of `object` whose value differs from the default of its symbol.
    static func attributes(_ object: UnsafeMutableRawPointer, _ symbols: [SymbolPointer]) -> GraphvizAttributes {
        var result: GraphvizAttributes = [:]
        for sym in symbols {
            let current = agxget(object, sym)
            if string(current) != string(sym.pointee.defval) {
                result[string(sym.pointee.name)] = value(current)
            }
        }
        return result
    }

    static func read(_ g: GraphPointer) -> RenderableGraph {
        let nodeSymbols = symbols(g, kind: AGNODE)
        let edgeSymbols = symbols(g, kind: AGEDGE)
        let graphSymbols = symbols(g, kind: AGRAPH)
        var graph = RenderableGraph(
            name: string(agnameof(UnsafeMutableRawPointer(g))),
            isDirected: agisdirected(g) != 0, isStrict: agisstrict(g) != 0)
        for sym in graphSymbols {
            let current = agxget(UnsafeMutableRawPointer(g), sym)
            if !string(current).isEmpty { graph.graphAttributes[string(sym.pointee.name)] = value(current) }
        }
        // cgraph declares `node [label="\N"]` (the node's name) itself.
        for sym in nodeSymbols
        where !string(sym.pointee.defval).isEmpty
            && !(string(sym.pointee.name) == "label" && string(sym.pointee.defval) == "\\N")
        {
            graph.nodeDefaults[string(sym.pointee.name)] = value(sym.pointee.defval)
        }
        for sym in edgeSymbols where !string(sym.pointee.defval).isEmpty {
            graph.edgeDefaults[string(sym.pointee.name)] = value(sym.pointee.defval)
        }
        var node = agfstnode(g)
        while let n = node {
            graph.nodes.append(
                .init(
                    string(agnameof(UnsafeMutableRawPointer(n))),
                    attributes: attributes(UnsafeMutableRawPointer(n), nodeSymbols)))
            node = agnxtnode(g, n)
        }
        node = agfstnode(g)
        while let n = node {
            var edge = agfstout(g, n)
            while let e = edge {
                let key = agnameof(UnsafeMutableRawPointer(e)).map { String(cString: $0) }
                graph.edges.append(
                    .init(
                        string(agnameof(UnsafeMutableRawPointer(uccn_agtail(e)))),
                        string(agnameof(UnsafeMutableRawPointer(uccn_aghead(e)))),
                        key: key?.isEmpty == false ? key : nil,
                        attributes: attributes(UnsafeMutableRawPointer(e), edgeSymbols)))
                edge = agnxtout(g, e)
            }
            node = agnxtnode(g, n)
        }
        graph.subgraphs = subgraphs(
            of: g, root: g, graphSymbols: graphSymbols, nodeSymbols: nodeSymbols, edgeSymbols: edgeSymbols)
        return graph
    }

    private static func subgraphs(
        of parent: GraphPointer, root: GraphPointer, graphSymbols: [SymbolPointer],
        nodeSymbols: [SymbolPointer], edgeSymbols: [SymbolPointer]
    ) -> [RenderableGraph.Subgraph] {
        var result: [RenderableGraph.Subgraph] = []
        var next = agfstsubg(parent)
        while let sg = next {
            var sub = RenderableGraph.Subgraph(string(agnameof(UnsafeMutableRawPointer(sg))))
            for sym in graphSymbols {
                let own = agxget(UnsafeMutableRawPointer(sg), sym)
                let inherited = agxget(UnsafeMutableRawPointer(parent), sym)
                if string(own) != string(inherited) { sub.attributes[string(sym.pointee.name)] = value(own) }
            }
            // A local default is a symbol of the subgraph's own dictionary: a different
            // record (same name) than the one the parent sees.
            for (kind, symbols) in [(AGNODE, nodeSymbols), (AGEDGE, edgeSymbols)] {
                for sym in symbols {
                    let name = string(sym.pointee.name)
                    guard let local = uccn_agattr_lookup(sg, kind, name),
                        let outer = uccn_agattr_lookup(parent, kind, name), local != outer,
                        string(local.pointee.defval) != string(outer.pointee.defval)
                    else { continue }
                    if kind == AGNODE {
                        sub.nodeDefaults[name] = value(local.pointee.defval)
                    } else {
                        sub.edgeDefaults[name] = value(local.pointee.defval)
                    }
                }
            }
            var node = agfstnode(sg)
            while let n = node {
                sub.nodes.append(string(agnameof(UnsafeMutableRawPointer(n))))
                node = agnxtnode(sg, n)
            }
            sub.subgraphs = subgraphs(
                of: sg, root: root, graphSymbols: graphSymbols, nodeSymbols: nodeSymbols, edgeSymbols: edgeSymbols)
            result.append(sub)
            next = agnxtsubg(sg)
        }
        return result
    }
}
