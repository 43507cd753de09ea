import Foundation
import GraphCore
import GraphFormats
import GraphvizDOT
import Testing

/// Every reader rejects malformed input with a ``FormatError`` that names the file, the
/// line (and column where it applies) and what was expected.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var bytes: [UInt8]
        var message: String
        init(_ file: String, _ text: String, _ message: String) {
            self.file = file
            bytes = Array(text.utf8)
            self.message = message
        }
        init(_ file: String, bytes: [UInt8], _ message: String) {
            self.file = file
            self.bytes = bytes
            self.message = message
        }
        var testDescription: String { file }
        var format: GraphFileFormat { GraphFileFormat(path: file) ?? .edgeList }
    }

    static let latin1 = Array("Source,Target\na,caf".utf8) + [0xE9] + Array("\n".utf8)

    static let cases: [Case] = [
        // GraphML
        Case(
            "trunc.graphml",
            "<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<node id=\"b\"",
            "trunc.graphml:5:13: malformed XML: the document ends too early (truncated file, or an element is not closed)"
        ),
        Case(
            "unbalanced.graphml",
            "<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"a\"></edge>\n</graph></graphml>\n",
            "unbalanced.graphml:6:1: malformed XML: closing tag does not match the open element (unbalanced tags)"),
        Case(
            "keytype.graphml",
            "<graphml>\n<key id=\"d0\" for=\"node\" attr.name=\"x\" attr.type=\"complex\"/>\n<graph/></graphml>\n",
            "keytype.graphml:2:58: unknown GraphML key type \"complex\" for key \"d0\"; expected boolean, int, long, float, double or string"
        ),
        Case(
            "nan.graphml",
            "<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">NaN</data></edge>\n</graph></graphml>\n",
            "nan.graphml:5: edge weight \"weight\" is nan; weights must be finite numbers (read it as an ordinary attribute with --weight-attribute none)"
        ),
        Case(
            "dup.graphml", "<graphml>\n<graph>\n<node id=\"a\"/>\n  <node id=\"a\"/>\n</graph></graphml>\n",
            "dup.graphml:4:15: node id \"a\" appears more than once; node ids must be unique"),
        Case(
            "unknown.graphml",
            "<graphml>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>\n",
            "unknown.graphml:4:29: edge names node \"zz\", which is not among the file's <node> elements"),
        Case(
            "badint.graphml",
            "<graphml>\n<key id=\"d\" for=\"node\" attr.name=\"year\" attr.type=\"int\"/>\n<graph>\n<node id=\"a\"><data key=\"d\">20x8</data></node>\n</graph></graphml>\n",
            "badint.graphml:4:27: expected an integer for \"year\" (key d), found \"20x8\""),
        Case(
            "undeclared.graphml", "<graphml><graph><node id=\"a\"><data key=\"k\">1</data></node></graph></graphml>\n",
            "undeclared.graphml:1:43: <data> refers to key \"k\", which no <key> declares"),
        Case(
            "root.graphml", "<gexf><graph/></gexf>\n",
            "root.graphml:1:6: expected a <graphml> root element, found <gexf>"),
        Case("nograph.graphml", "<graphml></graphml>\n", "nograph.graphml: the file holds no <graph> element"),
        Case(
            "hyper.graphml",
            "<graphml><graph><node id=\"a\"/><hyperedge><endpoint node=\"a\"/></hyperedge></graph></graphml>\n",
            "hyper.graphml:1:41: hyperedges are not supported"),
        Case("empty.graphml", "", "empty.graphml: the file is empty; expected an XML document"),
        Case(
            "entity.graphml", "<graphml><graph><node id=\"&foo;\"/></graph></graphml>\n",
            "entity.graphml:2:1: malformed XML: reference to an undeclared entity (only &amp; &lt; &gt; &quot; &apos; are known)"
        ),
        Case(
            "latin1.graphml",
            bytes: Array("<graphml>\n<graph>\n<node id=\"caf".utf8) + [0xE9] + Array("\"/>\n</graph></graphml>\n".utf8),
            "latin1.graphml:3:14: the file is not valid UTF-8 (convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8`)"),
        Case(
            "utf16.graphml",
            bytes: Array("<graphml><graph/></graphml>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            "utf16.graphml:1:2: found a NUL byte: the file looks like UTF-16 without a byte-order mark, or is not text; save it as UTF-8"
        ),
        Case(
            "pi.graphml", "<?xml version=\"1.0\"?>\n<graphml><graph>\n<?pi?></graph></graphml>\n",
            "pi.graphml:3: the processing instruction <?pi?> has no data; uccn refuses it because Foundation's XML parser crashes on it"
        ),
        Case(
            "notation.graphml", "<!DOCTYPE g [\n<!NOTATION n SYSTEM \"x\">]>\n<graphml/>\n",
            "notation.graphml:1: the document type declaration has an internal subset (<!DOCTYPE … [ … ]>); graph files never need one and Foundation's XML parser cannot read all of them safely: remove it"
        ),
        Case(
            "attlist.graphml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ATTLIST graphml a CDATA #IMPLIED>]>\n<graphml/>\n",
            "attlist.graphml:2: the document type declaration has an internal subset (<!DOCTYPE … [ … ]>); graph files never need one and Foundation's XML parser cannot read all of them safely: remove it"
        ),
        Case(
            "doctype.graphml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"graphml.dtd\">\n<graphml></graphml>\n",
            "doctype.graphml: the file holds no <graph> element"),
        Case(
            "encoding.graphml", "<?xml version=\"1.0\" encoding=\"EBCDIC-US\"?>\n<graphml/>\n",
            "encoding.graphml:1: the XML declaration names the encoding \"EBCDIC-US\"; uccn reads UTF-8, UTF-16 (with a byte-order mark), ISO-8859-1 and windows-1252: convert the file to UTF-8"
        ),
        // GEXF
        Case(
            "trunc.gexf", "<?xml version=\"1.0\"?>\n<gexf version=\"1.3\">\n<graph>\n<nodes>\n<node id=\"a\"/>\n",
            "trunc.gexf:5:15: malformed XML: the document ends too early (truncated file, or an element is not closed)"),
        Case(
            "weight.gexf",
            "<gexf>\n<graph>\n<nodes>\n<node id=\"a\"/>\n</nodes>\n<edges>\n<edge source=\"a\" target=\"a\" weight=\"heavy\"/>\n</edges></graph></gexf>\n",
            "weight.gexf:7:43: expected a number for the edge weight, found \"heavy\""),
        Case(
            "attvalue.gexf",
            "<gexf>\n<graph>\n<nodes>\n<node id=\"a\"><attvalues><attvalue for=\"0\" value=\"1\"/></attvalues></node>\n</nodes>\n</graph></gexf>\n",
            "attvalue.gexf:4:52: <attvalue> refers to node attribute \"0\", which <attributes class=\"node\"> does not declare"
        ),
        Case(
            "type.gexf",
            "<gexf>\n<graph>\n<attributes class=\"node\">\n<attribute id=\"0\" title=\"x\" type=\"matrix\"/>\n</attributes>\n</graph></gexf>\n",
            "type.gexf:4:42: unknown GEXF attribute type \"matrix\" for attribute \"x\"; expected integer, long, float, double, boolean, string or another GEXF type"
        ),
        Case(
            "unknown.gexf",
            "<gexf>\n<graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n<edge source=\"q\" target=\"a\"/>\n</edges></graph></gexf>\n",
            "unknown.gexf:5:28: edge names node \"q\", which is not among the file's <node> elements"),
        Case(
            "nested.gexf",
            "<gexf>\n<graph>\n<nodes><node id=\"a\"><nodes><node id=\"b\"/></nodes></node></nodes>\n</graph></gexf>\n",
            "nested.gexf:3:27: nested nodes (hierarchical GEXF) are not supported"),
        // JSON
        Case(
            "trunc.json",
            "{\"directed\": false, \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"edges\": [{\"source\": \"a\",",
            "trunc.json:1:83: the object opened at line 1 is not closed (truncated file?)"),
        Case(
            "nan.json",
            "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"edges\": [\n  {\"source\": \"a\", \"target\": \"b\", \"weight\": NaN}]}",
            "nan.json:3: edge weight \"weight\" is nan; weights must be finite numbers (read it as an ordinary attribute with --weight-attribute none)"
        ),
        Case(
            "text.json",
            "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"edges\": [\n  {\"source\": \"a\", \"target\": \"b\", \"weight\": \"heavy\"}]}",
            "text.json:3: expected a number for the edge weight \"weight\", found \"heavy\" (read it as an ordinary attribute with --weight-attribute none)"
        ),
        Case(
            "dup.json", "{\"nodes\": [{\"id\": \"a\"},\n {\"id\": \"a\"}], \"edges\": []}",
            "dup.json:2:2: node id \"a\" appears more than once; node ids must be unique"),
        Case(
            "unknown.json", "{\"nodes\": [{\"id\": \"a\"}],\n \"edges\": [{\"source\": \"a\", \"target\": \"b\"}]}",
            "unknown.json:2:12: edge names node \"b\", which is not among the \"nodes\" list"),
        Case(
            "deep.json", String(repeating: "[", count: 100_000),
            "deep.json:1:257: arrays and objects are nested more than 256 deep; raise the limit with --max-depth (GraphReadOptions.maxNestingDepth)"
        ),
        Case(
            "syntax.json", "{\"nodes\": [{\"id\": \"a\"} {\"id\": \"b\"}], \"edges\": []}",
            "syntax.json:1:24: expected ',' or ']' in the array, found \"{\"id\": \"b\"\""),
        Case(
            "noedges.json", "{\"nodes\": []}",
            "noedges.json: missing \"edges\" (or \"links\", as NetworkX before 3.6 wrote it)"),
        Case(
            "noid.json", "{\"nodes\": [\n {\"name\": \"a\"}], \"edges\": []}", "noid.json:2:2: node without an \"id\""),
        Case(
            "array.json", "[1, 2]", "array.json:1: expected a JSON object with \"nodes\" and \"edges\", found an array"),
        Case(
            "control.json", "{\"nodes\": [{\"id\": \"a\tb\"}], \"edges\": []}",
            "control.json:1:21: control character U+0009 inside a string; it must be escaped"),
        Case(
            "surrogate.json", "{\"nodes\": [{\"id\": \"\\ud800\"}], \"edges\": []}",
            "surrogate.json:1:26: a \\u escape holds a lone UTF-16 high surrogate"),
        Case("empty.json", "  \n", "empty.json:2:1: the file is empty; expected a JSON value"),
        // CSV
        Case(
            "missing.csv", "From,To\na,b\n",
            "missing.csv:1: expected the columns Source and Target in the edges table, found \"From\", \"To\""),
        Case(
            "nodes.csv", "Id,Label\na,A\n",
            "nodes.csv:1: expected the columns Source and Target in the edges table, found \"Id\", \"Label\" (this looks like a nodes table; give the edges table, and the nodes table with --nodes)"
        ),
        Case(
            "nan.csv", "Source,Target,Weight\na,b,1\nb,c,NaN\n",
            "nan.csv:3: edge weight \"weight\" is nan; weights must be finite numbers (read it as an ordinary attribute with --weight-attribute none)"
        ),
        Case(
            "text.csv", "Source,Target,Weight\na,b,1\nb,c,heavy\n",
            "text.csv:3: expected a number for the edge weight \"weight\", found \"heavy\" (read it as an ordinary attribute with --weight-attribute none)"
        ),
        Case(
            "quote.csv", "Source,Target,Label\na,b,\"unterminated\nb,c,x\n",
            "quote.csv:2: the quoted field that starts here is not closed (truncated file, or a stray \")"),
        Case(
            "afterquote.csv", "Source,Target,Label\na,b,\"x\"y\n",
            "afterquote.csv:2: expected a delimiter or the end of the line after a closing quote, found \"y\" (a quote inside a quoted field is written \"\")"
        ),
        Case(
            "fields.csv", "Source,Target\na,b\n\"multi\nline\",c\nb,c,d\n",
            "fields.csv:5: expected 2 fields (as in the header), found 3"),
        Case(
            "mixed.csv", "Source,Target,Type\na,b,Directed\nb,c,Undirected\n",
            "mixed.csv: the Type column mixes Directed and Undirected edges; uccn graphs are one or the other: force one with --directed or --undirected"
        ),
        Case(
            "type.csv", "Source,Target,Type\na,b,Both\n",
            "type.csv:2: Type is \"Both\"; expected Directed or Undirected"),
        Case("emptyid.csv", "Source,Target\na,\n", "emptyid.csv:2: empty Target; expected a node id"),
        Case("header.csv", "Source,Target,source\na,b,c\n", "header.csv:1: the header names column \"source\" twice"),
        Case(
            "latin1.csv", bytes: latin1,
            "latin1.csv:2:6: the file is not valid UTF-8 (convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8`)"),
        Case(
            "utf16.csv", bytes: Array("Source,Target\na,b\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            "utf16.csv:1:2: found a NUL byte: the file looks like UTF-16 without a byte-order mark, or is not text; save it as UTF-8"
        ),
        Case("empty.csv", "\n\n", "empty.csv: the file is empty; expected a header row"),
        // Edge lists
        Case(
            "nan.edges", "a b 1\nb c nan\n",
            "nan.edges:2:5: weight nan is not allowed; weights must be finite numbers"),
        // DOT
        Case("syntax.dot", "graph {\n a -- \n}\n", "syntax.dot:3: DOT: syntax error in line 3 near '}'"),
        Case(
            "latin1.dot", bytes: Array("graph { caf".utf8) + [0xE9] + Array(" }".utf8),
            "latin1.dot:1:12: the file is not valid UTF-8 (convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8`)"),
    ]

    @Test(arguments: cases)
    func rejectedWithALocatedMessage(_ c: Case) {
        let error = TestSupport.formatError {
            try GraphLoader.parse(Data(c.bytes), format: c.format, file: c.file, dot: DOTFormat.codec)
        }
        #expect(error?.description == c.message)
    }

    @Test func csvEdgesMustNameNodesOfTheNodesTable() {
        let error = TestSupport.formatError {
            try CSVFormat.parse(
                edges: Data("Source,Target\na,b\nb,zz\n".utf8), file: "g.edges.csv",
                nodes: Data("Id\na\nb\n".utf8), nodesFile: "g.nodes.csv")
        }
        #expect(
            error?.description
                == "g.edges.csv:3: edge names node \"zz\", which is not among the ids of the nodes table g.nodes.csv")
        let duplicate = TestSupport.formatError {
            try CSVFormat.parse(
                edges: Data("Source,Target\n".utf8), nodes: Data("Id\na\n\"a\"\n".utf8), nodesFile: "g.nodes.csv")
        }
        #expect(
            duplicate?.description == "g.nodes.csv:3: node id \"a\" appears more than once; node ids must be unique")
    }

    @Test func declaredLatin1IsConverted() throws {
        let xml = Data(
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph><node id=\"caf".utf8) + [0xE9]
                + Array("\"/></graph></graphml>\n".utf8))
        #expect(try GraphMLFormat.parse(xml).graph.ids == ["café"])
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<graphml><graph edgedefault=\"directed\"><node id=\"ü\"/></graph></graphml>\n"
        let xml = Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let g = try GraphMLFormat.parse(xml)
        #expect(g.graph.ids == ["ü"])
        let csv = Data([0xEF, 0xBB, 0xBF] + Array("Source,Target\na,ü\n".utf8))
        #expect(try CSVFormat.parse(edges: csv).graph.ids == ["a", "ü"])
    }

    /// "Billion laughs" (10⁹ expansions if resolved) and XXE fail at once, before the
    /// XML parser runs.
    @Test(arguments: ["graphml", "gexf"])
    func entityDeclarationsAreRefused(format: String) throws {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1..<10 {
            laughs += "<!ENTITY lol\(i) \"\(String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10))\">\n"
        }
        laughs += "]>\n<\(format)><graph><node id=\"&lol9;\"/></graph></\(format)>\n"
        let xxe =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<\(format)><graph><node id=\"&xxe;\"/></graph></\(format)>\n"
        let expected =
            "declares an XML entity (<!ENTITY …>); entity declarations are refused because they can expand without bound or read other files (\"billion laughs\", XXE), and graph files never need them"
        let f = GraphFileFormat(name: format) ?? .graphml
        let a = TestSupport.formatError { try GraphLoader.parse(Data(laughs.utf8), format: f, file: "laughs") }
        #expect(a?.description == "laughs:3: the document " + expected)
        let b = TestSupport.formatError { try GraphLoader.parse(Data(xxe.utf8), format: f, file: "xxe") }
        #expect(b?.description == "xxe:2: the document " + expected)
        // The same in UTF-16 with a byte-order mark.
        let utf16 = Data([0xFE, 0xFF] + Array(laughs.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let c = TestSupport.formatError { try GraphLoader.parse(utf16, format: f, file: "laughs16") }
        #expect(c?.description == "laughs16:3: the document " + expected)
    }

    @Test func limitsSayHowToRaiseThem() {
        var options = GraphReadOptions()
        options.maxNodes = 2
        let nodes = TestSupport.formatError {
            try GraphLoader.parse(
                Data("{\"nodes\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}], \"edges\": []}".utf8), format: .json,
                file: "n.json", options: options)
        }
        #expect(
            nodes?.description
                == "n.json:1:34: more than 2 nodes; raise the limit with --max-nodes (GraphReadOptions.maxNodes)")
        options = GraphReadOptions()
        options.maxAttributes = 1
        let attributes = TestSupport.formatError {
            try GraphLoader.parse(
                Data("{\"nodes\": [{\"id\": 1, \"a\": 1, \"b\": 2}], \"edges\": []}".utf8), format: .json,
                file: "a.json", options: options)
        }
        #expect(
            attributes?.description
                == "a.json:1: more than 1 distinct node attributes; raise the limit with --max-attributes (GraphReadOptions.maxAttributes)"
        )
    }

    @Test func nothingIsWrittenWhenWritingFails() throws {
        var builder = GraphBuilder()
        try builder.addEdge(from: "bell\u{7}", to: "b")
        let g = AttributedGraph(graph: try builder.build())
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.graphml").path
        let error = TestSupport.formatError { try GraphWriter.write(g, to: path) }
        #expect(error?.message.contains("U+7, which XML 1.0 cannot store") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
