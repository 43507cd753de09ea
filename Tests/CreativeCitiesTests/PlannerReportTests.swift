import Foundation
import GraphAlgorithms
import GraphCore
import Testing

@testable import CreativeCities

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The planner report checked as a reader would: every section there, every link inside
/// the report resolving, nothing fetched from outside, figures that parse, same bytes twice.
@Suite struct PlannerReportTests {
    static let dataset: CreativeCitiesDataset? = try? CreativeCitiesDataset.load(
        directory: CreativeCitiesDataset.defaultDirectory())
    static let notes = DatasetNotes.load(directory: CreativeCitiesDataset.defaultDirectory())

    static func make(_ city: String?) -> PlannerReport? {
        guard let dataset else { return nil }
        return try? PlannerReport(dataset: dataset, focusCityID: city, notes: notes)
    }
    // Reports are built once and shared: each takes seconds in a debug build.
    static let hanoi = make("hanoi-vn")
    static let network = make(nil)
    static let granada = make("granada-ni")

    func report(_ city: String?) throws -> PlannerReport {
        switch city {
        case "hanoi-vn": return try #require(Self.hanoi)
        case nil: return try #require(Self.network)
        case "granada-ni": return try #require(Self.granada)
        default: return try #require(Self.make(city))
        }
    }

    @Test(arguments: ["hanoi-vn", nil] as [String?])
    func everySectionIsPresent(city: String?) throws {
        let html = HTMLReportRenderer.render(try report(city).document())
        var expected = [
            "summary", "network", "methods", "cities", "data-gaps", "chart-growth", "maps", "map-geo", "map-network",
            "communities", "bridges", "def-community", "def-stability", "measure-participation",
        ]
        if city != nil {
            expected += [
                "standing", "links", "measures", "community", "map-ego", "partners", "what-if", "def-partner-score",
            ]
        }
        for id in expected {
            #expect(html.contains("id=\"\(id)\""), "missing section \(id)")
        }
    }

    @Test(arguments: ["hanoi-vn", "granada-ni", nil] as [String?])
    func everyInternalLinkResolves(city: String?) throws {
        let document = try report(city).document()
        let html = HTMLReportRenderer.render(document)
        let ids = Set(Self.matches(of: #"\bid="([^"]+)""#, in: html))
        let targets = Self.matches(of: ##"href="#([^"]+)""##, in: html)
        #expect(!targets.isEmpty)
        for target in Set(targets) {
            #expect(ids.contains(target), "link to #\(target) has no anchor")
        }
        let markdown = MarkdownReportRenderer.render(document)
        let mdIDs = Set(Self.matches(of: #"<a id="([^"]+)"></a>"#, in: markdown))
        for target in Set(Self.matches(of: ##"\]\(#([^)]+)\)"##, in: markdown)) {
            #expect(mdIDs.contains(target), "Markdown link to #\(target) has no anchor")
        }
    }

    @Test func everyCityHasAnAnchor() throws {
        let r = try report("hanoi-vn")
        let html = HTMLReportRenderer.render(r.document())
        for city in r.dataset.cities {
            #expect(html.contains("id=\"city-\(city.id)\""))
        }
    }

    @Test func nothingIsFetchedFromOutside() throws {
        let html = HTMLReportRenderer.render(try report("hanoi-vn").document())
        // Nothing loads from outside (links to sources only open when clicked).
        #expect(Self.matches(of: #"src\s*=\s*["']?\s*(https?:[^"' >]*)"#, in: html).isEmpty)
        #expect(Self.matches(of: #"<link[^>]*href\s*=\s*["']?\s*(https?:[^"' >]*)"#, in: html).isEmpty)
        #expect(Self.matches(of: #"url\(\s*["']?\s*(https?:[^)]*)"#, in: html).isEmpty)
        #expect(!html.contains("<script"))
        #expect(!html.contains("@import"))
        #expect(html.contains("@media print"))
    }

    @Test func cooperationSourcesAreLinks() throws {
        let document = try report("hanoi-vn").document()
        let address = "http://designcebu.com/cities-of-design-connect/"
        let html = HTMLReportRenderer.render(document)
        #expect(html.contains("<a href=\"\(address)\" rel=\"noopener noreferrer\"><code>\(address)</code></a>"))
        #expect(MarkdownReportRenderer.render(document).contains("[`\(address)`](\(address))"))
        // Only http(s) addresses become links.
        let hostile: ReportText = [.webAddress("javascript:alert(1)"), .webAddress("https://a.example/x y")]
        #expect(
            HTMLReportRenderer.inline(hostile) == "<code>javascript:alert(1)</code><code>https://a.example/x y</code>")
        #expect(MarkdownReportRenderer.inline(hostile) == "`javascript:alert(1)``https://a.example/x y`")
    }

    @Test func figuresParseAsXML() throws {
        let document = try report("hanoi-vn").document()
        #expect(!document.figures.isEmpty)
        for figure in document.figures {
            let parser = XMLParser(data: Data(figure.svg.utf8))
            #expect(
                parser.parse(), "\(figure.fileName) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        // The SVG inlined in the HTML, legend swatches included.
        let html = HTMLReportRenderer.render(document)
        for svg in Self.matches(of: #"(<svg[\s\S]*?</svg>)"#, in: html) {
            #expect(XMLParser(data: Data(svg.utf8)).parse())
        }
    }

    @Test func mapNodesCarryIdClassTooltipAndLink() throws {
        let document = try report("hanoi-vn").document()
        let names = document.figures.map(\.fileName)
        #expect(names.contains("maps/ego.svg") && names.contains("maps/geo.svg") && names.contains("maps/network.svg"))
        for figure in document.figures where figure.fileName.hasPrefix("maps/") {
            // Graphviz writes "-" in ids and classes as "&#45;".
            #expect(
                figure.svg.contains("<g id=\"hanoi&#45;vn\" class=\"node design"), "\(figure.fileName): Hanoi's node")
            #expect(
                figure.svg.contains(
                    "<a xlink:href=\"#city-hanoi-vn\" xlink:title=\"Hanoi, Viet Nam — City of Design (2019)"),
                "\(figure.fileName): Hanoi's link and tooltip")
            #expect(!figure.legend.isEmpty)
        }
        let geo = try #require(document.figures.first { $0.fileName == "maps/geo.svg" })
        // Every city with coordinates is on the world map; the two without are named in the caption.
        let dataset = try #require(Self.dataset)
        for city in dataset.cities where city.coordinates != nil {
            #expect(geo.svg.contains("xlink:href=\"#city-\(city.id)\""))
        }
        #expect(geo.caption.plainText.contains("Sifnos"))
    }

    @Test func sameInputsGiveSameBytes() throws {
        let a = try ReportFiles(report: try report("hanoi-vn"))
        let b = try ReportFiles(report: try #require(Self.make("hanoi-vn")))
        #expect(a.files.map(\.path) == b.files.map(\.path))
        for (x, y) in zip(a.files, b.files) {
            #expect(x.contents == y.contents, "\(x.path) differs between two runs")
        }
    }

    @Test func csvHeadersAndRows() throws {
        let r = try report("hanoi-vn")
        let metrics = try r.metricsCSV()
        let lines = metrics.split(separator: "\n")
        #expect(
            lines.first?.hasPrefix(
                "Id,Label,Country,ISO2,Region,Field,Year,Latitude,Longitude,Component,Community,links,betweenness,closeness,harmonic,eigenvector,pagerank,kcore,clustering,participation,links_rank,betweenness_rank"
            ) == true)
        #expect(lines.count == r.dataset.cities.count + 1)
        #expect(metrics.contains("\nhanoi-vn,Hanoi,Viet Nam,VN,Asia and the Pacific,Design,2019,"))
        let partners = try r.partnersCSV()
        #expect(
            partners.hasPrefix("Source,Target,SourceLabel,TargetLabel,Relation,Since,Rank,Score,Explanation,Evidence\n")
        )
        // Hanoi: 6 sister cities, 2 rows of documented cooperation, 7 proposed links and 10
        // suggested partners.
        #expect(partners.split(separator: "\n").count == 1 + 15 + 10)
        #expect(partners.contains(",suggested,,1,"))
    }

    @Test func hanoiFactsMatchTheData() throws {
        let r = try report("hanoi-vn")
        let text = MarkdownReportRenderer.render(r.document())
        #expect(text.contains("**6 known cooperation links**"))
        for partner in ["Angoulême", "Bangkok", "Beijing", "Jakarta", "Montreal", "Seoul"] {
            #expect(text.contains("[\(partner)](#city-"))
        }
        #expect(r.overview.cityCount == 405)
        // One row per measure in Hanoi's standing, each with its plain-English meaning.
        for m in r.measures {
            #expect(
                text.contains("[\(MarkdownReportRenderer.escape(m.title))](#measure-\(m.key))"),
                "missing measure \(m.key)")
            #expect(text.contains(MarkdownReportRenderer.escape(m.meaning)))
        }
        #expect(
            r.measures.map(\.key).starts(with: [
                "links", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "kcore", "clustering",
            ]))
        #expect(r.overview.linksByKind.map(\.count) == [502, 7, 154, 7, 19])
    }

    @Test func knownGapsAreQuotedFromTheDataNotes() throws {
        let notes = try #require(Self.notes)
        #expect(notes.knownGaps.count == 6)
        let html = HTMLReportRenderer.render(try report(nil).document())
        #expect(html.contains("Two cities have no coordinates (Sifnos, Vicente López)."))
    }

    @Test func hanoisCommunityAndItsStability() throws {
        let r = try report("hanoi-vn")
        let communities = try #require(r.communities)
        let i = try #require(r.focusIndex)
        let label = Int(communities.partition.labels[i])
        #expect(communities.partition.sizes[label] > 1)
        // Stability values are shares of runs.
        #expect((0...1).contains(communities.stability.nodeStability[i]))
        #expect(communities.stability.runs.count == r.settings.ensembleRuns)
        // Participation: 0 for cities without links, in [0, 1) otherwise.
        for (j, p) in communities.participation.enumerated() {
            if r.graph.degree(of: j) == 0 { #expect(p == 0) } else { #expect(p >= 0 && p < 1) }
        }
        let text = MarkdownReportRenderer.render(r.document())
        #expect(text.contains("**Hanoi** is in **Community \(label) (around "))
        // The maps number and name communities as the report does.
        let ego = try #require(r.document().figures.first { $0.id == "map-ego" })
        #expect(ego.svg.contains("community&#45;\(label) focus"))
        let name = try #require(text.range(of: "**Community \(label) (around ")).upperBound
        let hub = String(text[name...].prefix { $0 != ")" })
        #expect(ego.legend.contains { $0.label.hasPrefix("community \(label) around \(hub)") })
    }

    @Test func participationCoefficientOfAStar() throws {
        // A centre linked to two nodes in its own community and two in another: P = 1 − (½² + ½²) = ½.
        var builder = GraphBuilder(directed: false)
        for id in ["a", "b", "c", "d", "e"] { _ = try builder.addUniqueNode(id) }
        for (u, v) in [(0, 1), (0, 2), (0, 3), (0, 4)] { try builder.addEdge(u, v) }
        let graph = try builder.build()
        let partition = Partition(rawLabels: [0, 0, 0, 1, 1])
        let p = participationCoefficients(of: graph, partition: partition)
        #expect(p[0] == 0.5)
        #expect(p[1] == 0)
    }

    @Test func unknownCityIsAnError() throws {
        let dataset = try #require(Self.dataset)
        #expect(throws: ReportError.unknownCity("atlantis-xx")) {
            try PlannerReport(dataset: dataset, focusCityID: "atlantis-xx", notes: nil)
        }
    }

    @Test(arguments: [
        (0.125, 2, "0.13"), (2.0, 0, "2"), (-0.004, 2, "0.00"), (1234.5678, 1, "1234.6"), (0.05, 3, "0.050"),
    ])
    func numbersAreFormattedWithoutLocale(value: Double, decimals: Int, expected: String) {
        #expect(ReportNumber.fixed(value, decimals: decimals) == expected)
    }

    @Test(arguments: [(1e-5, "10⁻⁵"), (1e-6, "10⁻⁶"), (100.0, "10²"), (0.5, "0.5")])
    func powersOfTenAreWrittenWithSuperscripts(value: Double, expected: String) {
        #expect(ReportNumber.powerOfTen(value) == expected)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1))
        }
    }
}
