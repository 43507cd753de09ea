import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Node groups (`<g class="node …" id="…">`) of an SVG document, found with XMLParser;
/// `nil` when the document is not well-formed XML.
final class SVGInspection: NSObject, XMLParserDelegate {
    private(set) var nodeIDs: [String] = []
    private(set) var nodeClasses: [String: String] = [:]
    private(set) var links: [String] = []

    static func inspect(_ data: Data) -> SVGInspection? {
        let inspection = SVGInspection()
        let parser = XMLParser(data: data)
        parser.delegate = inspection
        return parser.parse() ? inspection : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "g", let cls = attributes["class"], cls.split(separator: " ").first == "node",
            let id = attributes["id"]
        {
            nodeIDs.append(id)
            nodeClasses[id] = cls
        }
        if elementName == "a", let href = attributes["xlink:href"] { links.append(href) }
    }
}
