import CreativeCities
import Foundation
import GraphAlgorithms
import GraphCore
import GraphRendering
import Hummingbird
import Synchronization

/// Everything `uccn serve` answers from, computed once when it starts: the dataset, the
/// forgiving city lookup, the partner model (scores and Leiden communities, seed 42), the
/// standing measures of every city, and the map communities. Requests only read it; maps
/// and reports, which need Graphviz, go through one serial ``WorkQueue``, partner rankings
/// through another (threads of lower priority), and their answers are cached.
public final class PlannerService: Sendable {
    public let dataset: CreativeCitiesDataset
    /// The folder the data was read from (its README.md feeds the report's data notes).
    public let dataDirectory: URL
    /// How the report names the data folder.
    public let dataLabel: String
    let notes: DatasetNotes?
    let lookup: CityLookup
    /// The partner model on every link layer (what `uccn partners` uses by default).
    let suggester: PartnerSuggester
    /// Partner models on other layer sets (`layers=`), built on first use.
    private let otherSuggesters = Mutex<[Set<LinkKind>: PartnerSuggester]>([:])
    /// The existing-cooperation graph (sister-city and partnership links).
    let graph: Graph
    /// Link count and the report centralities of every city (``StandingWhatIf/measures(of:)``).
    let measures: [CityMeasure]
    /// Betweenness of ``graph`` prepared for what-ifs (every source's dependencies).
    let standingBetweenness: EdgeInsertionBetweenness
    /// Communities the maps colour by (``NetworkMap/communities(of:seed:)``).
    let mapCommunities: [Int32]

    let graphviz = WorkQueue.graphviz()
    let computations: WorkQueue
    /// Created by ``precomputeWhatIfs(done:)``.
    private let background = Mutex<WorkQueue?>(nil)
    let maps: ResponseCache<NetworkMapRequest>
    let reports: ResponseCache<String>
    let partnerAnswers: ResponseCache<PartnerAnswerKey>
    let whatIfAnswers: ResponseCache<[Int]>

    /// What-if ranks (city, partner) each partner model remembers per goal (about 100
    /// bytes each): a partner query computes only the what-ifs of candidates not seen yet.
    static let rememberedWhatIfs = 4096
    /// Threads a partner query's what-ifs are computed on (one: the queries themselves
    /// run side by side on the computations queue's threads).
    static let whatIfThreads = 1

    /// Most cities a what-if may link at once.
    public static let maxWhatIfPartners = 20
    /// Largest request body accepted, in bytes (a what-if body); larger bodies get 413.
    public static let maxBodyBytes = 64 * 1024

    /// Loads `cities.csv`, `links.csv` (and `README.md`, for the report) from `directory`
    /// and computes the partner model and measures.
    /// - Throws: the dataset's errors (file, line and what was expected).
    public convenience init(dataDirectory directory: URL, dataLabel: String? = nil) throws {
        let dataset = try CreativeCitiesDataset.load(directory: directory)
        self.init(
            dataset: dataset, dataDirectory: directory, notes: DatasetNotes.load(directory: directory),
            dataLabel: dataLabel ?? directory.path)
    }

    /// - Parameter rankingNiceness: the scheduling priority (nice value, 0–19) of the
    ///   threads partner rankings run on; 10 by default, below the threads that answer
    ///   requests.
    public init(
        dataset: CreativeCitiesDataset, dataDirectory: URL, notes: DatasetNotes?, dataLabel: String,
        rankingNiceness: Int32 = 10
    ) {
        self.dataset = dataset
        computations = WorkQueue.computations(niceness: rankingNiceness)
        self.dataDirectory = dataDirectory
        self.dataLabel = dataLabel
        self.notes = notes
        lookup = CityLookup(dataset: dataset)
        suggester = PartnerSuggester(dataset: dataset, layers: Set(LinkKind.allCases))
            .preparingWhatIf(remembering: Self.rememberedWhatIfs, tabulating: true).preparingDistances()
        graph = dataset.graph(including: LinkKind.existing)
        measures = StandingWhatIf.measures(of: graph)
        standingBetweenness = EdgeInsertionBetweenness(graph: graph)
        mapCommunities = NetworkMap.communities(of: dataset)
        maps = ResponseCache(capacity: 128, maxBytes: 16 << 20)
        reports = ResponseCache(capacity: 8, maxBytes: 16 << 20)
        partnerAnswers = ResponseCache(capacity: 16, maxBytes: 512 << 10)
        whatIfAnswers = ResponseCache(capacity: 128, maxBytes: 256 << 10)
    }

    /// Computes the what-if ranks of every pair of cities, for each goal of the partner
    /// model on every layer, on background threads at the lowest priority (nice 19), one
    /// job a city; partner queries that come first compute their own what-ifs as before, and
    /// every later one reads them from the tables (4 bytes a pair: 1.3 MiB for the two goals
    /// of the 405 cities). The answers are the same either way. `done` is called once, from
    /// a background thread, with the time taken, the pairs computed (each of the two cities'
    /// what-if counted) and how many betweenness ranks needed the exact values.
    ///
    /// - Parameter done: called when every table is full.
    public func precomputeWhatIfs(done: @escaping @Sendable (Duration, Int, Int) -> Void) {
        let analyses = PartnerGoal.allCases.compactMap { suggester.whatIfAnalyses[$0] }
        let queue = WorkQueue.background()
        background.withLock { $0 = queue }
        let rows = analyses.map { $0.graph.nodeCount }.reduce(0, +)
        guard rows > 0 else {
            done(.zero, 0, 0)
            return
        }
        let start = ContinuousClock.now
        let remaining = Mutex(rows)
        for analysis in analyses {
            for row in 0..<analysis.graph.nodeCount {
                queue.submit {
                    analysis.fillTable(row: row)
                    let left = remaining.withLock { count in
                        count -= 1
                        return count
                    }
                    if left == 0 {
                        let pairs = analyses.map { $0.tableProgress.done }.reduce(0, +)
                        let exact = analyses.map(\.exactRecomputations).reduce(0, +)
                        done(ContinuousClock.now - start, pairs, exact)
                    }
                }
            }
        }
    }

    // MARK: Cities

    /// The city a path segment names: an id or any name the forgiving lookup resolves.
    func city(_ segment: String) throws(APIError) -> Int {
        let text = try QueryParameters.decodePathSegment(segment)
        do {
            return try lookup.index(of: text)
        } catch {
            throw .lookup(error)
        }
    }

    struct CitiesAnswer: Encodable {
        let query: String?
        let matches: [CityMatch]
        func encode(to encoder: Encoder) throws {
            var k = encoder.container(keyedBy: CodingKeys.self)
            try k.encode(query, forKey: .query)
            try k.encode(matches, forKey: .matches)
        }
        enum CodingKeys: String, CodingKey { case query, matches }
    }

    /// `GET /api/v1/cities?q=&limit=`: closest first, every city (by id) without `q`.
    func cities(query: String?, limit: Int?) throws -> Data {
        let matches: [City]
        if let query {
            matches = lookup.matches(for: query, limit: limit ?? 10)
        } else {
            matches = Array(dataset.cities.sorted { $0.id < $1.id }.prefix(limit ?? dataset.cities.count))
        }
        return try JSONOutput.encode(CitiesAnswer(query: query, matches: matches.map(CityMatch.init)))
    }

    struct CityAnswer: Encodable {
        struct CityInfo: Encodable {
            let id, name, country, iso2, field, region: String
            let year: Int?
            let latitude, longitude: Double?
        }
        struct Measure: Encodable {
            let key, title, meaning, definition: String
            let value: Double
            let rank: Int
            let ties: Int
            let percentile: Double
        }
        struct Partner: Encodable {
            let id, name: String
        }
        struct Link: Encodable {
            let city: Partner
            let kind: String
            let year: Int?
            let evidence: String
            func encode(to encoder: Encoder) throws {
                var k = encoder.container(keyedBy: CodingKeys.self)
                try k.encode(city, forKey: .city)
                try k.encode(kind, forKey: .kind)
                try k.encode(year, forKey: .year)
                try k.encode(evidence, forKey: .evidence)
            }
            enum CodingKeys: String, CodingKey { case city, kind, year, evidence }
        }
        let city: CityInfo
        let cityCount: Int
        let measures: [Measure]
        let links: [Link]
    }

    /// `GET /api/v1/cities/{id}`: the city, its measures with value and rank, its links.
    func cityDetail(_ i: Int) throws -> Data {
        let c = dataset.cities[i]
        let links = dataset.links(of: c.id).sorted { a, b in
            a.kind != b.kind ? a.kind < b.kind : a.other(than: c.id) < b.other(than: c.id)
        }
        let answer = CityAnswer(
            city: .init(
                id: c.id, name: c.name, country: c.country, iso2: c.iso2, field: c.field.rawValue,
                region: c.region.rawValue, year: c.year, latitude: c.latitude, longitude: c.longitude),
            cityCount: dataset.cities.count,
            measures: measures.map { m in
                .init(
                    key: m.key, title: m.title, meaning: m.meaning, definition: m.definition, value: m.values[i],
                    rank: m.rank(of: i), ties: m.ties(of: i), percentile: (m.percentile(of: i) * 10).rounded() / 10)
            },
            links: links.map { link in
                let other = link.other(than: c.id)
                return .init(
                    city: .init(id: other, name: dataset.city(withID: other)?.name ?? other), kind: link.kind.rawValue,
                    year: link.since, evidence: link.evidence)
            })
        return try JSONOutput.encode(answer)
    }

    // MARK: Partners

    /// A partner query as the route's parameters give it (the cache key).
    struct PartnerAnswerKey: Hashable, Sendable {
        var city: Int
        var goal: PartnerGoal
        var layers: Set<LinkKind>
        var top: Int
        var field: CreativeField?
        var region: UNESCORegion?
        var country: String?
        var includeLinked: Bool
        var whatIf: Int
        var format: PartnerOutputFormat
    }

    /// The parameters of the partners routes: the options of `uccn partners`.
    static let partnerParameters: Set<String> = [
        "top", "field", "region", "country", "goal", "layers", "include-linked", "what-if",
    ]

    /// Reads and checks the partners parameters (the options of `uccn partners`).
    func partnerRequest(
        city: Int, _ p: QueryParameters, format: PartnerOutputFormat
    ) throws(APIError) -> PartnerAnswerKey {
        let top = try p.integer("top", in: 1...dataset.cities.count, default: 10)
        let whatIf = try p.integer("what-if", in: 0...dataset.cities.count, default: 10)
        var goal = PartnerGoal.cooperation
        if let text = p.text("goal") {
            guard let value = PartnerGoal(name: text) else {
                throw .badParameter("unknown goal \"\(text)\"; expected cooperation or twinning")
            }
            goal = value
        }
        var layers = Set(LinkKind.allCases)
        if let text = p.text("layers") {
            do {
                layers = try LinkKind.layers(text)
            } catch {
                throw .badParameter(error.description)
            }
        }
        do {
            return PartnerAnswerKey(
                city: city, goal: goal, layers: layers, top: top,
                field: try p.text("field").map { try PartnerSuggester.field($0) },
                region: try p.text("region").map { try PartnerSuggester.region($0) },
                country: try p.text("country").map { try suggester.countryISO2($0) },
                includeLinked: try p.boolean("include-linked", default: false), whatIf: whatIf, format: format)
        } catch let error as PartnerQueryError {
            throw .badParameter(error.description)
        } catch let error as APIError {
            throw error
        } catch {
            throw .badParameter("\(error)")
        }
    }

    /// The partner model on `layers` (the one built at start for every layer).
    func suggester(layers: Set<LinkKind>) -> PartnerSuggester {
        if layers == suggester.layers { return suggester }
        if let built = otherSuggesters.withLock({ $0[layers] }) { return built }
        let built = PartnerSuggester(dataset: dataset, layers: layers)
            .preparingWhatIf(remembering: Self.rememberedWhatIfs).preparingDistances()
        otherSuggesters.withLock { $0[layers] = built }
        return built
    }

    /// The same text `uccn partners CITY --format json|csv` prints for these options (the
    /// same ranking `PartnerRequest.suggestions(in:)` makes, on a partner model built once;
    /// from the cache, else ranked on the computations queue and cached).
    func partners(_ r: PartnerAnswerKey) async throws -> Cached {
        if let cached = partnerAnswers.value(for: r) { return Cached(body: cached, hit: true) }
        return try await computations.run { [self] in
            let query = PartnerQuery(
                city: r.city, goal: r.goal, top: r.top, field: r.field, region: r.region, countryISO2: r.country,
                includeLinked: r.includeLinked, weights: nil, whatIfLimit: r.whatIf)
            let result: PartnerSuggestions
            do {
                result = try suggester(layers: r.layers).suggest(query, threads: Self.whatIfThreads)
            } catch {
                throw APIError.badParameter("\(error)")
            }
            let data = Data(try PartnerSuggestionsOutput.utf8(result, as: r.format))
            return Cached(body: partnerAnswers.store(data, for: r), hit: false)
        }
    }

    // MARK: What-if

    struct WhatIfBody: Decodable {
        let partners: [String]
    }

    struct WhatIfAnswer: Encodable {
        struct CityRef: Encodable {
            let id, name: String
        }
        struct Side: Encodable {
            let value: Double
            let rank: Int
        }
        struct Measure: Encodable {
            let key, title: String
            let before, after: Side
        }
        let city: CityRef
        let partners: [CityRef]
        let alreadyLinked: [CityRef]
        let cityCount: Int
        let measures: [Measure]
    }

    /// `POST /api/v1/cities/{id}/what-if`: the city's measure ranks before and after
    /// linking it to every city of `{"partners": [...]}` (ids or names).
    func whatIf(city: Int, body: Data) async throws -> Cached {
        let partners = try whatIfPartners(city: city, body: body)
        let key = [city] + partners
        if let cached = whatIfAnswers.value(for: key) { return Cached(body: cached, hit: true) }
        // About a millisecond (betweenness searched again only where the links change
        // paths): answered on the request's own task.
        let data = try whatIfAnswer(city: city, partners: partners)
        return Cached(body: whatIfAnswers.store(data, for: key), hit: false)
    }

    /// The partners a what-if body names, by index.
    func whatIfPartners(city: Int, body: Data) throws(APIError) -> [Int] {
        let request: WhatIfBody
        do {
            request = try JSONDecoder().decode(WhatIfBody.self, from: body)
        } catch {
            throw .badParameter(
                "the body must be a JSON object {\"partners\": [\"kobe-jp\", ...]} with city ids or names")
        }
        guard !request.partners.isEmpty else { throw .badParameter("\"partners\" is empty; name at least one city") }
        guard request.partners.count <= Self.maxWhatIfPartners else {
            throw .badParameter(
                "\"partners\" names \(request.partners.count) cities; a what-if links at most \(Self.maxWhatIfPartners)"
            )
        }
        var partners: [Int] = []
        for name in request.partners {
            do {
                partners.append(try lookup.index(of: name))
            } catch {
                throw .lookup(error, inBody: true)
            }
        }
        if partners.contains(city) {
            throw .badParameter("\"partners\" names \(dataset.cities[city].name) itself; a city cannot link to itself")
        }
        return partners
    }

    func whatIfAnswer(city: Int, partners: [Int]) throws(APIError) -> Data {
        let result = StandingWhatIf(
            graph: graph, before: measures, city: city, partners: partners, betweenness: standingBetweenness)
        func ref(_ i: Int) -> WhatIfAnswer.CityRef { .init(id: dataset.cities[i].id, name: dataset.cities[i].name) }
        let answer = WhatIfAnswer(
            city: ref(city), partners: result.partners.map(ref), alreadyLinked: result.alreadyLinked.map(ref),
            cityCount: dataset.cities.count,
            measures: result.changes.map {
                .init(
                    key: $0.key, title: $0.title, before: .init(value: $0.valueBefore, rank: $0.rank.before),
                    after: .init(value: $0.valueAfter, rank: $0.rank.after))
            })
        do {
            return try JSONOutput.encode(answer)
        } catch {
            throw APIError(.internalServerError, "could not encode the answer: \(error)")
        }
    }

    // MARK: Maps and reports

    /// The SVG of a map (from the cache, else drawn on the Graphviz queue and cached).
    func mapSVG(_ request: NetworkMapRequest) async throws -> Cached {
        if let cached = maps.value(for: request) { return Cached(body: cached, hit: true) }
        return try await graphviz.run { [self] in
            if let cached = maps.value(for: request) { return Cached(body: cached, hit: true) }
            let map = try request.networkMap(dataset: dataset, suggester: suggester, communityLabels: mapCommunities)
            let rendered = try Graphviz.shared.render(
                map.renderableGraph(), options: RenderOptions(engine: map.recommendedEngine, format: .svg, seed: 1))
            return Cached(body: maps.store(rendered.data, for: request), hit: false)
        }
    }

    /// The planner report of `uccn report --city` (HTML) and its `metrics.csv`, drawn on the
    /// Graphviz queue (the report lays out maps) and cached by city.
    func report(city: Int, file: ReportFile) async throws -> ByteBuffer {
        let id = dataset.cities[city].id
        let key = "\(id)/\(file.rawValue)"
        if let cached = reports.value(for: key) { return cached }
        return try await graphviz.run { [self] in
            if let cached = reports.value(for: key) { return cached }
            let report = try PlannerReport(
                dataset: dataset, focusCityID: id, notes: notes,
                settings: ReportSettings(dataLabel: dataLabel))
            let html = Data(HTMLReportRenderer.render(report.document()).utf8)
            let metrics = Data(try report.metricsCSV().utf8)
            let htmlBody = reports.store(html, for: "\(id)/\(ReportFile.html.rawValue)")
            let metricsBody = reports.store(metrics, for: "\(id)/\(ReportFile.metricsCSV.rawValue)")
            return file == .html ? htmlBody : metricsBody
        }
    }

    /// A response body and whether it came from a cache (the `X-Cache` header).
    struct Cached: Sendable {
        let body: ByteBuffer
        let hit: Bool
    }

    enum ReportFile: String, Sendable {
        case html = "report.html"
        case metricsCSV = "metrics.csv"
    }
}
