import CSV
import Foundation
import GraphCore

/// The files of a report and how they are written: `report.html`, `report.md`,
/// `metrics.csv`, `partners.csv` and the figures' SVG files, each written atomically
/// (a temporary file in the same folder, then a rename).
public struct ReportFiles: Sendable {
    /// Relative path → contents, in a fixed order.
    public let files: [(path: String, contents: String)]

    /// Renders every file of `report` in memory (nothing is written yet).
    ///
    /// - Throws: An error when a CSV table cannot be encoded.
    public init(report: PlannerReport) throws {
        let document = report.document()
        var files: [(String, String)] = [
            ("report.html", HTMLReportRenderer.render(document)),
            ("report.md", MarkdownReportRenderer.render(document)),
            ("metrics.csv", try report.metricsCSV()),
            ("partners.csv", try report.partnersCSV()),
        ]
        for figure in document.figures {
            files.append((figure.fileName, Self.standalone(figure.svg, at: figure.fileName)))
        }
        self.files = files
    }

    /// A figure's SVG as its own file at `path` (relative to the report): links to the
    /// report's anchors (`#city-…`), which exist only inside `report.html`, point to that
    /// file beside the figure's folder (`../report.html#city-…`).
    static func standalone(_ svg: String, at path: String) -> String {
        let depth = path.split(separator: "/").count - 1
        let report = String(repeating: "../", count: depth) + "report.html"
        return svg.replacingOccurrences(of: "xlink:href=\"#", with: "xlink:href=\"\(report)#")
            .replacingOccurrences(of: " href=\"#", with: " href=\"\(report)#")
    }

    /// Writes every file under `directory` (created if needed); returns the paths written.
    @discardableResult
    public func write(to directory: URL) throws(ReportError) -> [URL] {
        var written: [URL] = []
        for (path, contents) in files {
            let url = directory.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw ReportError.cannotWrite(url.deletingLastPathComponent().path, error.localizedDescription)
            }
            do {
                try AtomicFile.write(contents, to: url)
            } catch {
                throw ReportError.cannotWrite(url.path, error.reason)
            }
            written.append(url)
        }
        return written
    }
}

/// Writes CSV rows with CSV.swift (quoting fields that need it), to a string.
enum CSVText {
    static func make(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw ReportError.cannotWrite("CSV", "the in-memory stream returned no data")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension PlannerReport {
    /// One row per city, one column per measure, with Gephi's `Id` and `Label` headers
    /// (importable as a Gephi node table). Values to ten significant digits.
    public func metricsCSV() throws -> String {
        var header = [
            "Id", "Label", "Country", "ISO2", "Region", "Field", "Year", "Latitude", "Longitude", "Component",
            "Community",
        ]
        header += measures.map(\.key)
        header += measures.map { "\($0.key)_rank" }
        let rows = dataset.cities.indices.map { i -> [String] in
            let c = dataset.cities[i]
            var row = [
                c.id, c.name, c.country, c.iso2, c.region.rawValue, c.field.rawValue,
                c.year.map(String.init) ?? "", c.latitude.map { String($0) } ?? "",
                c.longitude.map { String($0) } ?? "",
                String(components.labels[i]),
                graph.degree(of: i) > 0 ? communities.map { String($0.partition.labels[i]) } ?? "" : "",
            ]
            row += measures.map { Self.csvNumber($0.values[i]) }
            row += measures.map { String($0.rank(of: i)) }
            return row
        }
        return try CSVText.make(header: header, rows: rows)
    }

    /// Links as a Gephi edge table (`Source`, `Target`): with a focus city, its existing
    /// and proposed links and its suggested partners (`Relation` = `suggested`, with rank,
    /// score and explanation), the focus city as `Source`; without one, every link in the data.
    public func partnersCSV() throws -> String {
        let header = [
            "Source", "Target", "SourceLabel", "TargetLabel", "Relation", "Since", "Rank", "Score", "Explanation",
            "Evidence",
        ]
        var rows: [[String]] = []
        if let city = focus {
            let links = dataset.links(of: city.id).sorted { a, b in
                a.kind != b.kind ? a.kind < b.kind : a.other(than: city.id) < b.other(than: city.id)
            }
            for link in links {
                let other = link.other(than: city.id)
                rows.append([
                    city.id, other, city.name, dataset.city(withID: other)?.name ?? other,
                    link.kind.rawValue, link.since.map(String.init) ?? "", "", "", "", link.evidence,
                ])
            }
            for s in suggestions?.suggestions ?? [] {
                rows.append([
                    city.id, s.city.id, city.name, s.city.name, "suggested", "", String(s.rank),
                    Self.csvNumber(s.score), s.reasons.joined(separator: "; "), "",
                ])
            }
        } else {
            for link in dataset.links {
                rows.append([
                    link.sourceID, link.targetID, dataset.city(withID: link.sourceID)?.name ?? link.sourceID,
                    dataset.city(withID: link.targetID)?.name ?? link.targetID,
                    link.kind.rawValue, link.since.map(String.init) ?? "", "", "", "", link.evidence,
                ])
            }
        }
        return try CSVText.make(header: header, rows: rows)
    }

    /// Ten significant digits (whole numbers without `.0`): more than any measure here is
    /// accurate to, and few enough that debug and optimised builds, whose floating-point
    /// sums may differ in the last bits, write the same file.
    static func csvNumber(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(format: "%.10g", v)
    }
}
