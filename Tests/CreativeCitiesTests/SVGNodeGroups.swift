import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Node and edge groups of a Graphviz SVG document (`<g class="node …" id="…">`,
/// `<g class="edge …" id="…">`): classes, node centres, edge strokes and links; `nil` when
/// the document is not well-formed XML.
final class SVGNodeGroups: NSObject, XMLParserDelegate {
    struct Stroke: Equatable {
        var color: String
        var dashed: Bool
    }

    private(set) var classByID: [String: String] = [:]
    /// Centre of each node's first ellipse (SVG coordinates: y grows downwards).
    private(set) var centerByID: [String: (x: Double, y: Double)] = [:]
    /// Stroke of each edge's first path.
    private(set) var strokeByID: [String: Stroke] = [:]
    /// `xlink:href` of each node's link.
    private(set) var linkByID: [String: String] = [:]
    private(set) var count = 0
    private var current: (id: String, isNode: Bool)?

    static func parse(_ data: Data) -> SVGNodeGroups? {
        let groups = SVGNodeGroups()
        let parser = XMLParser(data: data)
        parser.delegate = groups
        return parser.parse() ? groups : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "g", let cls = attributes["class"], let id = attributes["id"] {
            let kind = cls.split(separator: " ").first
            if kind == "node" {
                count += 1
                classByID[id] = cls
                current = (id, true)
            } else if kind == "edge" {
                classByID[id] = cls
                current = (id, false)
            } else {
                current = nil
            }
            return
        }
        guard let current else { return }
        if current.isNode, elementName == "ellipse", centerByID[current.id] == nil,
            let cx = attributes["cx"].flatMap(Double.init), let cy = attributes["cy"].flatMap(Double.init)
        {
            centerByID[current.id] = (cx, cy)
        }
        if current.isNode, elementName == "a", let href = attributes["xlink:href"] {
            linkByID[current.id] = href
        }
        if !current.isNode, elementName == "path", strokeByID[current.id] == nil, let stroke = attributes["stroke"] {
            strokeByID[current.id] = Stroke(color: stroke.lowercased(), dashed: attributes["stroke-dasharray"] != nil)
        }
    }
}
