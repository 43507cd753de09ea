import Foundation
import GraphCore

/// The UNESCO Creative Cities Network: member cities and their links in five layers, loaded
/// from `cities.csv`, `links.csv` (sister-city, partnership, proposed), `cooperation.csv`
/// (documented cooperation, typed) and `planned.csv` (stated intentions) (see
/// `Graphs/README.md` for columns, sources and known gaps) and validated row by row.
public struct CreativeCitiesDataset: Sendable {
    /// Member cities in file order.
    public let cities: [City]
    /// Links in file order: `links.csv`, then `cooperation.csv` (one link per row of
    /// evidence, so a pair may appear several times), then `planned.csv`.
    public let links: [CityLink]
    private let position: [String: Int]

    /// Builds a dataset from already-validated values.
    public init(cities: [City], links: [CityLink]) {
        self.cities = cities
        self.links = links
        var position: [String: Int] = [:]
        for (i, c) in cities.enumerated() { position[c.id] = i }
        self.position = position
    }

    /// The city with `id`.
    public func city(withID id: String) -> City? {
        position[id].map { cities[$0] }
    }

    /// Index of the city with `id` in ``cities`` (also its node index in ``graph(including:)``).
    public func index(ofCity id: String) -> Int? { position[id] }

    /// Links that touch `cityID`, optionally only of some kinds.
    public func links(of cityID: String, kinds: Set<LinkKind> = Set(LinkKind.allCases)) -> [CityLink] {
        links.filter { kinds.contains($0.kind) && $0.involves(cityID) }
    }

    /// The graph of the link layers `kinds`: node `i` is `cities[i]` (node id = city id),
    /// undirected and unweighted, one edge per linked pair among the links of `kinds` (by
    /// default ``LinkKind/existing``: sister-city and partnership links; `proposed` and
    /// `planned` links are not cooperation yet; `cooperation` links are added by naming
    /// them). A pair linked by two kinds, or by several rows of evidence, gives one edge.
    public func graph(including kinds: Set<LinkKind> = LinkKind.existing) -> Graph {
        var builder = GraphBuilder(directed: false, weighted: false, selfLoops: .drop, duplicates: .first)
        builder.reserveCapacity(nodes: cities.count, edges: links.count)
        for c in cities { _ = try? builder.addUniqueNode(c.id) }
        for link in links where kinds.contains(link.kind) {
            guard let u = position[link.sourceID], let v = position[link.targetID] else { continue }
            try? builder.addEdge(u, v)
        }
        // Ids are unique and every link was validated at load time, so building cannot fail.
        return (try? builder.build())
            ?? Graph(isDirected: false, offsets: [0], targets: [], weights: nil, ids: [], edgeCount: 0)
    }

    /// The graph with the cities' columns as node attributes (`label`, `country`, `iso2`,
    /// `region`, `field`, `year`, `latitude`, `longitude`) and each edge's link kinds
    /// (`kind`, kinds joined with `+` when a pair has several: one edge carries both, never
    /// relabelled), `cooperation_types` (the documented cooperation types joined with `+`,
    /// empty for other links; only when a `cooperation` link is included) and `since` (the
    /// earliest year).
    public func attributedGraph(including kinds: Set<LinkKind> = LinkKind.existing) -> AttributedGraph {
        let g = graph(including: kinds)
        var nodes = AttributeTable(count: g.nodeCount)
        nodes.setColumn("label", type: .string, values: cities.map { .string($0.name) })
        nodes.setColumn("country", type: .string, values: cities.map { .string($0.country) })
        nodes.setColumn("iso2", type: .string, values: cities.map { .string($0.iso2) })
        nodes.setColumn("region", type: .string, values: cities.map { .string($0.region.rawValue) })
        nodes.setColumn("field", type: .string, values: cities.map { .string($0.field.rawValue) })
        nodes.setColumn("year", type: .int, values: cities.map { $0.year.map { .int($0) } })
        nodes.setColumn("latitude", type: .double, values: cities.map { $0.latitude.map { .double($0) } })
        nodes.setColumn("longitude", type: .double, values: cities.map { $0.longitude.map { .double($0) } })
        var kindsByPair: [Int: [LinkKind]] = [:]
        var typesByPair: [Int: Set<CooperationType>] = [:]
        var sinceByPair: [Int: Int] = [:]
        func key(_ a: Int, _ b: Int) -> Int { min(a, b) * cities.count + max(a, b) }
        for link in links where kinds.contains(link.kind) {
            guard let u = position[link.sourceID], let v = position[link.targetID] else { continue }
            kindsByPair[key(u, v), default: []].append(link.kind)
            if let t = link.cooperationType { typesByPair[key(u, v), default: []].insert(t) }
            if let s = link.since { sinceByPair[key(u, v)] = min(s, sinceByPair[key(u, v)] ?? s) }
        }
        var kindColumn: [AttributeValue?] = []
        var typeColumn: [AttributeValue?] = []
        var sinceColumn: [AttributeValue?] = []
        g.forEachEdge { u, v, _ in
            let k = key(u, v)
            let names = Set(kindsByPair[k] ?? []).sorted().map(\.rawValue)
            kindColumn.append(.string(names.joined(separator: "+")))
            let types = (typesByPair[k] ?? []).sorted().map(\.rawValue)
            typeColumn.append(types.isEmpty ? nil : .string(types.joined(separator: "+")))
            sinceColumn.append(sinceByPair[k].map { .int($0) })
        }
        var edges = AttributeTable(count: g.edgeCount)
        edges.setColumn("kind", type: .string, values: kindColumn)
        if typeColumn.contains(where: { $0 != nil }) {
            edges.setColumn("cooperation_types", type: .string, values: typeColumn)
        }
        edges.setColumn("since", type: .int, values: sinceColumn)
        return AttributedGraph(
            graph: g, nodeAttributes: nodes, edgeAttributes: edges,
            graphAttributes: ["name": .string("UNESCO Creative Cities Network")])
    }

    // MARK: Loading

    /// The bundled data folder: `$UCCN_GRAPHS` when set, else the first `Graphs/` folder
    /// holding `cities.csv` found from the current directory upwards, else the `Graphs/`
    /// folder of the source checkout this program was built from.
    public static func defaultDirectory() -> URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["UCCN_GRAPHS"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("Graphs", isDirectory: true)
            if fm.fileExists(atPath: candidate.appendingPathComponent("cities.csv").path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        // Sources/CreativeCities/CreativeCitiesDataset.swift → repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Graphs", isDirectory: true)
    }

    /// Loads `cities.csv` and `links.csv` from `directory`, and `cooperation.csv` and
    /// `planned.csv` when the folder has them.
    public static func load(directory: URL, currentYear: Int? = nil) throws -> CreativeCitiesDataset {
        let fm = FileManager.default
        func optional(_ name: String) -> URL? {
            let url = directory.appendingPathComponent(name)
            return fm.fileExists(atPath: url.path) ? url : nil
        }
        return try load(
            citiesFile: directory.appendingPathComponent("cities.csv"),
            linksFile: directory.appendingPathComponent("links.csv"),
            cooperationFile: optional("cooperation.csv"), plannedFile: optional("planned.csv"),
            currentYear: currentYear)
    }

    /// Loads and validates a cities file, a links file and, when given, a cooperation file
    /// and a planned-cooperation file.
    ///
    /// Cooperation and planned rows are checked like links, each error with file and line:
    /// required columns; known ids; not from a city to itself; a known `type` (one of
    /// ``CooperationType``) or `kind` (`planned`); `year`/`since` empty or between 2004 (the
    /// network's founding) and the current year; a non-empty quoted `evidence` and an
    /// `http(s)` `url`; the same pair, type and address not twice.
    public static func load(
        citiesFile: URL, linksFile: URL, cooperationFile: URL?, plannedFile: URL?, currentYear: Int? = nil
    ) throws -> CreativeCitiesDataset {
        let year = currentYear ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let cities = try readCities(citiesFile, currentYear: year)
        var known: [String: Int] = [:]
        for (i, c) in cities.enumerated() { known[c.id] = i }
        var links = try readLinks(linksFile, known: known, currentYear: year)
        if let cooperationFile {
            links += try readCooperation(cooperationFile, known: known, currentYear: year)
        }
        if let plannedFile {
            links += try readPlanned(plannedFile, known: known, currentYear: year)
        }
        return CreativeCitiesDataset(cities: cities, links: links)
    }

    /// Loads and validates a cities file and a links file.
    ///
    /// Checks, each reported with file and line: required columns; a non-empty, unique
    /// `id`; a known `field` (one of eight) and `unesco_region` (one of five); `year`
    /// empty or between 2004 (the network's founding) and the current year; `latitude` in
    /// −90…90 and `longitude` in −180…180 (both or neither); links between known ids, of
    /// a known kind, not from a city to itself, and not the same pair and kind twice.
    public static func load(citiesFile: URL, linksFile: URL, currentYear: Int? = nil) throws -> CreativeCitiesDataset {
        try load(
            citiesFile: citiesFile, linksFile: linksFile, cooperationFile: nil, plannedFile: nil,
            currentYear: currentYear)
    }

    private static func displayName(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    private static func readCities(_ url: URL, currentYear: Int) throws -> [City] {
        let file = displayName(url)
        let csv = try CSVRecords(url: url, file: file)
        let names = [
            "id", "city", "country", "iso2", "unesco_region", "field", "year", "latitude", "longitude", "source",
        ]
        var cities: [City] = []
        var firstLine: [String: Int] = [:]
        for row in try csv.rows(requiring: names) {
            let line = row.line
            let value = row.value
            let id = value("id")
            guard !id.isEmpty else {
                throw DatasetError(
                    .emptyValue, file: file, line: line, "empty \"id\"; expected a slug such as hanoi-vn")
            }
            if let previous = firstLine[id] {
                throw DatasetError(
                    .duplicateID, file: file, line: line, "duplicate id \"\(id)\" (first on line \(previous))")
            }
            firstLine[id] = line
            let name = value("city")
            guard !name.isEmpty else {
                throw DatasetError(
                    .emptyValue, file: file, line: line, "empty \"city\" for \(id); expected the city's name")
            }
            guard let field = CreativeField(rawValue: value("field")) ?? CreativeField(lenient: value("field")) else {
                throw DatasetError(
                    .unknownField, file: file, line: line,
                    "unknown field \"\(value("field"))\" for \(id); expected one of \(CreativeField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard
                let region = UNESCORegion(rawValue: value("unesco_region"))
                    ?? UNESCORegion(lenient: value("unesco_region"))
            else {
                throw DatasetError(
                    .unknownRegion, file: file, line: line,
                    "unknown UNESCO region \"\(value("unesco_region"))\" for \(id); expected one of \(UNESCORegion.allCases.map(\.rawValue).joined(separator: "; "))"
                )
            }
            var year: Int? = nil
            if !value("year").isEmpty {
                guard let y = Int(value("year")) else {
                    throw DatasetError(
                        .invalidNumber, file: file, line: line,
                        "year \"\(value("year"))\" for \(id) is not a whole number")
                }
                guard (2004...currentYear).contains(y) else {
                    throw DatasetError(
                        .yearOutOfRange, file: file, line: line,
                        "year \(y) for \(id) is outside 2004…\(currentYear) (the network was founded in 2004)")
                }
                year = y
            }
            func coordinate(_ name: String, limit: Double) throws -> Double? {
                let text = value(name)
                if text.isEmpty { return nil }
                guard let v = Double(text), v.isFinite else {
                    throw DatasetError(
                        .invalidNumber, file: file, line: line, "\(name) \"\(text)\" for \(id) is not a number")
                }
                guard abs(v) <= limit else {
                    throw DatasetError(
                        .coordinateOutOfRange, file: file, line: line,
                        "\(name) \(text) for \(id) is outside −\(Int(limit))…\(Int(limit))")
                }
                return v
            }
            let latitude = try coordinate("latitude", limit: 90)
            let longitude = try coordinate("longitude", limit: 180)
            if (latitude == nil) != (longitude == nil) {
                throw DatasetError(
                    .emptyValue, file: file, line: line,
                    "\(id) has only one of latitude and longitude; expected both or neither")
            }
            cities.append(
                City(
                    id: id, name: name, country: value("country"), iso2: value("iso2"), region: region,
                    field: field, year: year, latitude: latitude, longitude: longitude, source: value("source")))
        }
        return cities
    }

    private static func readLinks(_ url: URL, known: [String: Int], currentYear: Int) throws -> [CityLink] {
        let file = displayName(url)
        let csv = try CSVRecords(url: url, file: file)
        var links: [CityLink] = []
        var seen: [String: Int] = [:]
        for row in try csv.rows(requiring: ["source_id", "target_id", "kind", "since", "evidence"]) {
            let line = row.line
            let value = row.value
            let s = value("source_id"), t = value("target_id")
            for id in [s, t] where known[id] == nil {
                throw DatasetError(
                    .unknownCity, file: file, line: line,
                    "link names unknown city id \"\(id)\"; expected an id from cities.csv")
            }
            guard s != t else {
                throw DatasetError(
                    .selfLink, file: file, line: line, "link from \(s) to itself; expected two different cities")
            }
            guard let kind = LinkKind(rawValue: value("kind")), LinkKind.linksFileKinds.contains(kind) else {
                throw DatasetError(
                    .unknownLinkKind, file: file, line: line,
                    "unknown link kind \"\(value("kind"))\"; expected one of \(LinkKind.linksFileKinds.map(\.rawValue).joined(separator: ", "))"
                )
            }
            var since: Int? = nil
            if !value("since").isEmpty {
                guard let y = Int(value("since")) else {
                    throw DatasetError(
                        .invalidNumber, file: file, line: line, "since \"\(value("since"))\" is not a whole number")
                }
                guard (1900...currentYear).contains(y) else {
                    throw DatasetError(
                        .yearOutOfRange, file: file, line: line, "since \(y) is outside 1900…\(currentYear)")
                }
                since = y
            }
            let pairKey = [min(s, t), max(s, t), kind.rawValue].joined(separator: "|")
            if let previous = seen[pairKey] {
                throw DatasetError(
                    .duplicateLink, file: file, line: line,
                    "\(kind.rawValue) link \(s)–\(t) repeats line \(previous)")
            }
            seen[pairKey] = line
            links.append(CityLink(sourceID: s, targetID: t, kind: kind, since: since, evidence: value("evidence")))
        }
        return links
    }

    /// The checks shared by `cooperation.csv` and `planned.csv` rows: known, distinct ids, a
    /// year in 2004…`currentYear` (or empty), a quoted evidence and an http(s) address.
    private static func checkEvidenceRow(
        _ row: CSVRecords.Row, file: String, known: [String: Int], yearColumn: String, currentYear: Int
    ) throws -> (source: String, target: String, year: Int?, evidence: String, url: String) {
        let line = row.line
        let s = row.value("source_id"), t = row.value("target_id")
        for id in [s, t] where known[id] == nil {
            throw DatasetError(
                .unknownCity, file: file, line: line,
                "row names unknown city id \"\(id)\"; expected an id from cities.csv")
        }
        guard s != t else {
            throw DatasetError(
                .selfLink, file: file, line: line, "link from \(s) to itself; expected two different cities")
        }
        var year: Int? = nil
        let text = row.value(yearColumn)
        if !text.isEmpty {
            guard let y = Int(text) else {
                throw DatasetError(
                    .invalidNumber, file: file, line: line, "\(yearColumn) \"\(text)\" is not a whole number")
            }
            guard (2004...currentYear).contains(y) else {
                throw DatasetError(
                    .yearOutOfRange, file: file, line: line,
                    "\(yearColumn) \(y) is outside 2004…\(currentYear) (the network was founded in 2004)")
            }
            year = y
        }
        let evidence = row.value("evidence")
        guard !evidence.isEmpty else {
            throw DatasetError(
                .emptyValue, file: file, line: line,
                "empty \"evidence\" for \(s)–\(t); expected the source's words, quoted")
        }
        let url = row.value("url")
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw DatasetError(
                .emptyValue, file: file, line: line,
                "\"url\" \"\(url)\" for \(s)–\(t) is not a web address; expected http:// or https://")
        }
        return (s, t, year, evidence, url)
    }

    private static func readCooperation(_ url: URL, known: [String: Int], currentYear: Int) throws -> [CityLink] {
        let file = displayName(url)
        let csv = try CSVRecords(url: url, file: file)
        var links: [CityLink] = []
        var seen: [String: Int] = [:]
        for row in try csv.rows(requiring: ["source_id", "target_id", "type", "year", "evidence", "url"]) {
            let r = try checkEvidenceRow(row, file: file, known: known, yearColumn: "year", currentYear: currentYear)
            guard let type = CooperationType(rawValue: row.value("type")) else {
                throw DatasetError(
                    .unknownCooperationType, file: file, line: row.line,
                    "unknown cooperation type \"\(row.value("type"))\"; expected one of \(CooperationType.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let key = [min(r.source, r.target), max(r.source, r.target), type.rawValue, r.url].joined(separator: "|")
            if let previous = seen[key] {
                throw DatasetError(
                    .duplicateLink, file: file, line: row.line,
                    "\(type.rawValue) evidence \(r.source)–\(r.target) from the same address repeats line \(previous)")
            }
            seen[key] = row.line
            links.append(
                CityLink(
                    sourceID: r.source, targetID: r.target, kind: .cooperation, since: r.year, evidence: r.evidence,
                    cooperationType: type, url: r.url))
        }
        return links
    }

    private static func readPlanned(_ url: URL, known: [String: Int], currentYear: Int) throws -> [CityLink] {
        let file = displayName(url)
        let csv = try CSVRecords(url: url, file: file)
        var links: [CityLink] = []
        var seen: [String: Int] = [:]
        for row in try csv.rows(requiring: ["source_id", "target_id", "kind", "since", "evidence", "url"]) {
            let r = try checkEvidenceRow(row, file: file, known: known, yearColumn: "since", currentYear: currentYear)
            guard row.value("kind") == LinkKind.planned.rawValue else {
                throw DatasetError(
                    .unknownLinkKind, file: file, line: row.line,
                    "unknown link kind \"\(row.value("kind"))\"; expected planned")
            }
            let key = [r.source, r.target].joined(separator: "|")
            if let previous = seen[key] {
                throw DatasetError(
                    .duplicateLink, file: file, line: row.line,
                    "planned link \(r.source)–\(r.target) repeats line \(previous)")
            }
            seen[key] = row.line
            links.append(
                CityLink(
                    sourceID: r.source, targetID: r.target, kind: .planned, since: r.year, evidence: r.evidence,
                    url: r.url))
        }
        return links
    }
}
