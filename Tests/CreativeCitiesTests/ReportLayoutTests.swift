import CreativeCities
import Foundation
import Testing

/// The report's layout for phones and paper, and its figures as files of their own.
@Suite struct ReportLayoutTests {
    static let files: ReportFiles? = PlannerReportTests.hanoi.flatMap { try? ReportFiles(report: $0) }

    func file(_ path: String) throws -> String {
        let files = try #require(Self.files)
        return try #require(files.files.first { $0.path == path }?.contents, "\(path)")
    }

    @Test func everyTableCellNamesItsColumnForThePhoneCards() throws {
        let html = try file("report.html")
        let cells = html.components(separatedBy: "<td").count - 1
        let labelled = html.components(separatedBy: " data-label=\"").count - 1
        #expect(cells > 405)
        #expect(labelled == cells)
        #expect(html.contains("@media screen and (max-width: 700px)"))
        #expect(html.contains("td::before { content: attr(data-label)"))
    }

    @Test func everyFigureOpensFullSize() throws {
        let html = try file("report.html")
        for path in ["maps/ego.svg", "maps/geo.svg", "maps/network.svg"] {
            #expect(html.contains("<a class=\"full-size\" href=\"\(path)\">Open full size</a>"), "\(path)")
        }
    }

    @Test func theCityIndexLeavesSomeColumnsOffPaper() throws {
        let html = try file("report.html")
        #expect(html.contains("<th class=\"screen-only\">Region</th>"))
        #expect(html.contains("<th class=\"num\">Cooperation links</th>"))
        #expect(html.contains(".screen-only { display: none; }"))
        #expect(html.contains(".compact-wrap { columns: 2;"))
        #expect(html.contains("figure, .key-points, tr, dt, dd, li { break-inside: avoid;"))
    }

    @Test func standaloneMapsLinkOnlyToTheReportBesideThem() throws {
        for path in ["maps/ego.svg", "maps/geo.svg", "maps/network.svg"] {
            let svg = try file(path)
            #expect(!svg.contains("href=\"#"), "\(path) links to an anchor it does not have")
            #expect(svg.contains("xlink:href=\"../report.html#city-hanoi-vn\""), "\(path)")
        }
        // Inside the report the same maps link to the report's own rows.
        #expect(try file("report.html").contains("xlink:href=\"#city-hanoi-vn\""))
    }

    @Test func theLegendKeepsTheFadedOpacity() throws {
        let html = try file("report.html")
        #expect(html.contains("fill=\"#BBBBBB66\""))
    }

    @Test func aCityWithoutLinksGetsAMapOfItsSuggestedPartners() throws {
        let report = try #require(PlannerReportTests.make("da-lat-vn"))
        let figure = try #require(report.document().figures.first { $0.id == "map-ego" })
        #expect(figure.title == "Da Lat: no known partner yet, its suggested partners")
        #expect(figure.svg.components(separatedBy: "class=\"edge suggested\"").count == 6)
        #expect(figure.legend.contains { $0.label == "suggested partner" })
    }
}
