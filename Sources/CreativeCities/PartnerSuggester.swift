import Foundation
import GraphAlgorithms
import GraphCore

/// What to suggest: for which city, for which goal, how many, among which candidates, with
/// which weights.
public struct PartnerQuery: Sendable, Equatable {
    /// Index of the city in the dataset.
    public var city: Int
    /// What the ranking is for (default: cooperation).
    public var goal: PartnerGoal
    /// How many suggestions to return (`nil`: all candidates).
    public var top: Int?
    /// Only candidates of this creative field.
    public var field: CreativeField?
    /// Only candidates of this UNESCO region.
    public var region: UNESCORegion?
    /// Only candidates of this country (ISO 3166 alpha-2 code).
    public var countryISO2: String?
    /// Also rank cities that already cooperate with the city.
    public var includeLinked: Bool
    /// The weights that combine the scores (the evaluated defaults unless given).
    public var weights: PartnerWeights
    /// For how many of the first suggestions to compute the what-if centrality ranks
    /// (0: none; each costs two all-pairs shortest-path passes).
    public var whatIfLimit: Int

    /// A query for the city at index `city`; by default the top 10 new or proposed partners
    /// with the goal's default weights (`weights` nil) and no what-if ranks.
    public init(
        city: Int, goal: PartnerGoal = .cooperation, top: Int? = 10, field: CreativeField? = nil,
        region: UNESCORegion? = nil, countryISO2: String? = nil, includeLinked: Bool = false,
        weights: PartnerWeights? = nil, whatIfLimit: Int = 0
    ) {
        self.city = city
        self.goal = goal
        self.top = top
        self.field = field
        self.region = region
        self.countryISO2 = countryISO2
        self.includeLinked = includeLinked
        self.weights = weights ?? goal.defaultWeights
        self.whatIfLimit = whatIfLimit
    }
}

/// Where a suggested city stands with the city today.
public enum PartnerStatus: String, Sendable, Codable, Equatable {
    /// No known link: a new partner.
    case new
    /// Named as a cooperation to pursue (a `proposed` link), not cooperating yet.
    case proposed
    /// Already a partner for the goal (documented cooperation or partnership for
    /// `cooperation`; sister city or partnership for `twinning`); listed only with `includeLinked`.
    case linked
}

/// One score's share of a suggestion.
public struct ScoreContribution: Sendable, Equatable, Codable {
    /// Which score.
    public let score: PartnerScore
    /// The score before normalisation (a count, a sum, 0/1, …).
    public let raw: Double
    /// The score in [0, 1].
    public let normalized: Double
    /// The score's weight in the combination.
    public let weight: Double
    /// weight · normalized / Σ |weights|; the contributions add up to the combined score.
    public let contribution: Double
}

/// One suggested partner with its score, its breakdown and the reasons in words.
public struct PartnerSuggestion: Sendable {
    /// 1-based position in the ranking (after filters).
    public let rank: Int
    /// The suggested city.
    public let city: City
    /// New, proposed or already linked.
    public let status: PartnerStatus
    /// The combined score Σ wᵢ·sᵢ / Σ |wᵢ|.
    public let score: Double
    /// One entry per score with a non-zero weight, in ``PartnerScore`` order.
    public let breakdown: [ScoreContribution]
    /// Every score and the facts behind them.
    public let evidence: PartnerEvidence
    /// The shared partners, sorted by name.
    public let commonPartners: [City]
    /// The shared documented cooperation partners with their cooperation types, sorted by name.
    public let sharedCooperation: [SharedCooperationPartner]
    /// Links between the two cities (existing or proposed), in file order.
    public let links: [CityLink]
    /// Plain sentences: "shares 2 partners (Bangkok, Seoul)", "also a City of Design", …
    public let reasons: [String]
    /// How the city's betweenness and closeness ranks would change with this link (`nil`
    /// when not computed, or when the cities are already linked).
    public let whatIf: PartnerWhatIf?
    /// The rank of the first suggestion of this one's tie group: the score is within the
    /// model's noise of that suggestion's score (`nil`: not tied; a group starts at the
    /// first suggestion that is not within the noise of the previous group's first).
    public let tiedWithRank: Int?
}

/// The ranked suggestions for one city.
public struct PartnerSuggestions: Sendable {
    /// The city the suggestions are for.
    public let city: City
    /// The query that made them.
    public let query: PartnerQuery
    /// The goal's partners of the city, sorted by name: documented cooperation and
    /// partnership for `cooperation`, sister city and partnership for `twinning`.
    public let existingPartners: [City]
    /// The city's sister cities, sorted by name.
    public let sisterCities: [City]
    /// The link layers the ranking used.
    public let layers: Set<LinkKind>
    /// Whether the city has no link in any layer the ranking uses (no network evidence).
    public var lacksNetworkEvidence: Bool
    /// Cities proposed as partners (`proposed` links) that are not partners yet, sorted by name.
    public let proposedPartners: [City]
    /// How many cities passed the filters and exclusions (before `top`).
    public let candidateCount: Int
    /// Which grouping "same community" refers to.
    public let communitySource: CommunitySource
    /// The year membership years are counted to.
    public let referenceYear: Int
    /// The suggestions in rank order (at most `query.top`).
    public let suggestions: [PartnerSuggestion]
    /// Number of cities in the network (the ranks' range).
    public var cityCount: Int { dataset.cities.count }
    let dataset: CreativeCitiesDataset
    /// The city's betweenness and closeness ranks today (`nil` when no what-if was asked for).
    public let centralityRanks: (betweenness: Int, closeness: Int)?
}

/// Where the community labels of the "same community" score come from.
public enum PartnerCommunities: Sendable, Equatable {
    /// The seed of the default Leiden run: the same as `uccn clusters`, so both commands
    /// show the same communities.
    public static let defaultSeed: UInt64 = 42

    /// Leiden communities (modularity, resolution 1) of the cooperation graph with a fixed
    /// seed; cities without links are communities of their own.
    case leiden(seed: UInt64)
    /// Connected components of the cooperation graph.
    case connectedComponents
    /// Labels given by the caller, one per city.
    case labels([Int32])

    /// The default: Leiden with seed 42.
    public static let standard = PartnerCommunities.leiden(seed: defaultSeed)

    /// The labels for `graph` (the `.labels` case returns its labels as given).
    public func labels(for graph: Graph) -> [Int32] {
        switch self {
        case let .leiden(seed): return Leiden().partition(of: graph, seed: seed).labels
        case .connectedComponents: return ConnectedComponents(of: graph).labels
        case let .labels(labels): return labels
        }
    }

    /// The kind of grouping these labels are, for output.
    public var source: CommunitySource {
        switch self {
        case .leiden: return .leiden
        case .connectedComponents: return .connectedComponents
        case .labels: return .custom
        }
    }
}

/// The kind of grouping "same community" refers to, for output.
public enum CommunitySource: String, Sendable, Codable, Equatable {
    /// Leiden communities of the cooperation graph.
    case leiden
    /// Connected components of the cooperation graph.
    case connectedComponents = "connected-components"
    /// Labels given by the caller.
    case custom

    /// How the explanation names a shared group.
    var sentence: String {
        switch self {
        case .leiden: return "in the same Leiden community of the cooperation network"
        case .connectedComponents: return "in the same connected group of linked cities"
        case .custom: return "in the same community of the cooperation network"
        }
    }
}

/// A problem with a partner query's filters.
public enum PartnerQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field filter names no creative field.
    case unknownField(String)
    /// The region filter names no UNESCO region (or several).
    case unknownRegion(String)
    /// The country filter names no country of a member city.
    case unknownCountry(String)
    /// `top` is below 1.
    case invalidTop(Int)
    /// The what-if count is negative.
    case invalidWhatIf(Int)

    /// A sentence naming the filter and the values it accepts.
    public var description: String {
        switch self {
        case let .unknownField(text):
            return
                "unknown creative field \"\(text)\"; expected one of \(CreativeField.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unknownRegion(text):
            return
                "unknown UNESCO region \"\(text)\"; expected one of \(UNESCORegion.allCases.map(\.rawValue).joined(separator: "; "))"
        case let .unknownCountry(text):
            return
                "no member city is in a country called \"\(text)\"; give a country name (Viet Nam, Republic of Korea) or an ISO code (VN, KR)"
        case let .invalidTop(n):
            return "--top must be at least 1, got \(n)"
        case let .invalidWhatIf(n):
            return "--what-if must be 0 or more, got \(n)"
        }
    }
}

/// Ranks the cities a member city could partner with next, and says why.
///
/// Every other city is scored (see ``PartnerScorer``), combined with ``PartnerWeights``,
/// filtered, and sorted by combined score, ties by city id, so the output is deterministic.
/// Cities that are already partners for the query's goal are left out unless the query
/// includes them; cities only *proposed* as partners are candidates, flagged as proposed.
///
/// Two scorers share the dataset: the `twinning` one on sister-city and partnership links
/// (today's graph), the `cooperation` one on sister-city links for the sister-city evidence
/// and on documented cooperation (cooperation and partnership links) for the cooperation
/// evidence. Both use only the link layers in `layers`.
public struct PartnerSuggester: Sendable {
    /// The cities and links.
    public let dataset: CreativeCitiesDataset
    /// The `twinning` goal's scorer.
    public private(set) var scorer: PartnerScorer
    /// The `cooperation` goal's scorer.
    public private(set) var cooperationScorer: PartnerScorer
    /// Where the "same community" labels come from.
    public let communitySource: CommunitySource
    /// The link layers the scores may use.
    public let layers: Set<LinkKind>
    /// What-if analyses computed ahead (``preparingWhatIf(remembering:tabulating:)``), by goal; a query whose goal
    /// has none computes its own.
    public private(set) var whatIfAnalyses: [PartnerGoal: PartnerWhatIfAnalysis] = [:]
    /// Each city's links and the cities' orders, looked up by every query.
    let index: PartnerSuggesterIndex

    /// Suggestions on the dataset's links of `layers` (all by default), with Leiden
    /// communities (seed 42) unless told otherwise.
    public init(
        dataset: CreativeCitiesDataset, communities: PartnerCommunities = .standard, referenceYear: Int? = nil,
        layers: Set<LinkKind> = Set(LinkKind.allCases)
    ) {
        self.dataset = dataset
        self.communitySource = communities.source
        self.layers = layers
        let graph = dataset.graph(including: LinkKind.existing.intersection(layers))
        let context = CooperationContext(dataset: dataset, layers: layers)
        self.scorer = PartnerScorer(
            cities: dataset.cities, graph: graph, communityLabels: communities.labels(for: graph),
            referenceYear: referenceYear, cooperationGraph: context.cooperationGraph,
            sisterCityPairs: context.sisterCityPairs, intentionPairs: context.intentionPairs)
        let sisterGraph = dataset.graph(including: layers.intersection([.sisterCity]))
        let sisterLabels: [Int32]
        if case .labels(let given) = communities {
            sisterLabels = given
        } else {
            sisterLabels = communities.labels(for: sisterGraph)
        }
        self.cooperationScorer = PartnerScorer(
            cities: dataset.cities, graph: sisterGraph, communityLabels: sisterLabels, referenceYear: referenceYear,
            cooperationGraph: context.cooperationGraph, sisterCityPairs: context.sisterCityPairs,
            intentionPairs: context.intentionPairs)
        self.index = PartnerSuggesterIndex(dataset: dataset, layers: layers)
    }

    /// The scorer of `goal`.
    public func scorer(for goal: PartnerGoal) -> PartnerScorer {
        goal == .cooperation ? cooperationScorer : scorer
    }

    /// The graph the what-if ranks of `goal` are computed on: for `cooperation`, existing
    /// links and documented cooperation (in the layers used); for `twinning`, the scorer's
    /// graph of existing links.
    ///
    /// - Parameter goal: the goal whose what-ifs are asked for.
    public func whatIfGraph(for goal: PartnerGoal) -> Graph {
        goal == .cooperation
            ? dataset.graph(including: layers.intersection(LinkKind.existing.union(LinkKind.documentedCooperation)))
            : scorer.graph
    }

    /// This suggester with the what-if analysis of every goal computed once (betweenness,
    /// closeness and the per-source dependencies the what-ifs reuse), for a program that
    /// answers many queries with what-if ranks: a query then only computes its candidates'
    /// what-ifs, and those the analysis remembers not even that. The answers are the same
    /// as without.
    ///
    /// - Parameters:
    ///   - remembering: how many what-ifs each goal's analysis remembers (first in, first
    ///     out; about 100 bytes each).
    ///   - tabulating: give each goal's analysis a table of every pair's what-if, to be
    ///     filled ahead of the queries (``PartnerWhatIfAnalysis/fillTable(row:)``).
    /// - Complexity: O(n·m) time and O(n²) memory per goal.
    public func preparingWhatIf(remembering: Int = 0, tabulating: Bool = false) -> PartnerSuggester {
        var prepared = self
        for goal in PartnerGoal.allCases where prepared.whatIfAnalyses[goal] == nil {
            prepared.whatIfAnalyses[goal] = PartnerWhatIfAnalysis(
                graph: whatIfGraph(for: goal), remembering: remembering, tabulating: tabulating)
        }
        return prepared
    }

    /// This suggester with the great-circle distance of every pair of cities computed once
    /// and shared by both goals' scorers (n² numbers: 1.25 MiB for 405 cities), for a
    /// program that answers many queries: a query then reads its city's row instead of
    /// computing n − 1 distances. The answers are the same as without.
    ///
    /// - Complexity: O(n²) time and memory.
    public func preparingDistances() -> PartnerSuggester {
        var prepared = self
        let table = PartnerScorer.distanceTable(of: dataset.cities)
        prepared.scorer.distanceTable = table
        prepared.cooperationScorer.distanceTable = table
        return prepared
    }

    /// A field from user text ("design", "Crafts & Folk Art").
    public static func field(_ text: String) throws(PartnerQueryError) -> CreativeField {
        guard let f = CreativeField(rawValue: text) ?? CreativeField(lenient: text) else { throw .unknownField(text) }
        return f
    }

    /// A region from user text ("asia and the pacific", "Europe & North America").
    public static func region(_ text: String) throws(PartnerQueryError) -> UNESCORegion {
        if let r = UNESCORegion(rawValue: text) ?? UNESCORegion(lenient: text) { return r }
        let folded = CityLookup.fold(text)
        // Short forms: "asia", "europe", "latin america", "arab".
        let matches = UNESCORegion.allCases.filter { CityLookup.fold($0.rawValue).hasPrefix(folded) && !folded.isEmpty }
        guard matches.count == 1 else { throw .unknownRegion(text) }
        return matches[0]
    }

    /// The ISO code of a country given by name or code, among the dataset's countries.
    public func countryISO2(_ text: String) throws(PartnerQueryError) -> String {
        let folded = CityLookup.fold(text)
        for c in dataset.cities where c.iso2.lowercased() == folded || CityLookup.fold(c.country) == folded {
            return c.iso2
        }
        throw .unknownCountry(text)
    }

    /// The ranked suggestions for `query`, with their scores, breakdowns and reasons.
    ///
    /// - Throws: ``PartnerQueryError`` for a `top` below 1 or a negative what-if count.
    /// - Complexity: O(n + m) for one city's scores (neighbourhood scores and one
    ///   breadth-first search) and O(n log n) to rank them, plus two all-pairs
    ///   shortest-path passes for each what-if.
    ///
    /// - Parameters:
    ///   - query: the city, goal, filters, weights and how many what-ifs.
    ///   - threads: how many what-ifs are computed at once (the answer does not depend on it).
    public func suggest(_ query: PartnerQuery, threads: Int = 1) throws(PartnerQueryError) -> PartnerSuggestions {
        if let top = query.top, top < 1 { throw .invalidTop(top) }
        if query.whatIfLimit < 0 { throw .invalidWhatIf(query.whatIfLimit) }
        let u = query.city
        let me = dataset.cities[u]
        let goal = query.goal
        let scorer = self.scorer(for: goal)
        let n = dataset.cities.count
        let myLinks = index.links[u]
        // The kinds of link between u and each city, as bits of `LinkKind.allCases` positions.
        var linkKinds = [UInt8](repeating: 0, count: n)
        for link in myLinks where link.other >= 0 { linkKinds[link.other] |= link.kindBit }
        let intentionBits = PartnerSuggesterIndex.bit(.proposed) | PartnerSuggesterIndex.bit(.planned)
        let sisterBit = PartnerSuggesterIndex.bit(.sisterCity)

        let weights = query.weights
        let weightList = PartnerScore.allCases.map { weights[$0] }
        let total = weights.totalMagnitude
        let scores = PartnerCandidateScores(for: u, scorer: scorer)
        let facts = scorer.cityFacts
        // The country filter compares each distinct code once.
        let countryMatches: [Bool]? = query.countryISO2.map { code in
            facts.countryCodes.map { $0.caseInsensitiveCompare(code) == .orderedSame }
        }
        let fieldFilter = query.field.map { f in CreativeField.allCases.firstIndex(of: f) ?? -1 }
        var ranked: [RankedCandidate] = []
        ranked.reserveCapacity(n)
        for v in 0..<n where v != u {
            if let f = fieldFilter, facts.field[v] != f { continue }
            if let r = query.region, facts.region[v] != r { continue }
            if let countryMatches, !countryMatches[facts.country[v]] { continue }
            let isPartner = goal == .cooperation ? scores.isCooperating[v] : scores.isLinked[v]
            let status: PartnerStatus = isPartner ? .linked : linkKinds[v] & intentionBits != 0 ? .proposed : .new
            if status == .linked && !query.includeLinked { continue }
            ranked.append(
                RankedCandidate(
                    candidate: Int32(v), order: index.idOrder[v], status: status,
                    score: scores.combined(v, weights: weightList, total: total)))
        }
        // Scores descending, ties by city id: a strict order, so no stable sort is needed.
        ranked.sort { a, b in a.score != b.score ? a.score > b.score : a.order < b.order }
        let cooperationPartnerCount = scorer.cooperationGraph.degree(of: u)
        let hasSister = myLinks.contains { $0.kindBit == sisterBit }
        let lacksEvidence =
            goal == .cooperation
            ? cooperationPartnerCount == 0 && !hasSister && scorer.graph.degree(of: u) == 0
            : scorer.graph.degree(of: u) == 0
        let explainer = PartnerExplanation(
            city: me, weights: weights, communitySource: communitySource,
            cityPartnerCount: scorer.graph.degree(of: u), goal: goal,
            cityCooperationCount: cooperationPartnerCount, lacksNetworkEvidence: lacksEvidence)
        let whatIf =
            query.whatIfLimit > 0 ? whatIfAnalyses[goal] ?? PartnerWhatIfAnalysis(graph: whatIfGraph(for: goal)) : nil
        // The what-ifs of the first `whatIfLimit` suggestions not linked in the what-if graph.
        var whatIfs: [Int: PartnerWhatIf] = [:]
        if let whatIf {
            let linked = Set(whatIf.graph.neighbors(of: u).map(Int.init))
            let candidates = ranked.prefix(min(query.top ?? ranked.count, query.whatIfLimit)).map { Int($0.candidate) }
                .filter { !linked.contains($0) }
            for (c, result) in zip(candidates, whatIf.ifLinked(u, each: candidates, threads: threads)) {
                whatIfs[c] = result
            }
        }
        let spread = goal == .cooperation && weights == .cooperation ? PartnerWeights.cooperationSpread : nil
        let shown = ranked.prefix(query.top ?? ranked.count)
        let evidence = shown.map { scores.evidence(of: Int($0.candidate), scorer: scorer) }
        let usedScores = PartnerScore.allCases.filter { weights[$0] != 0 }
        var suggestions: [PartnerSuggestion] = []
        suggestions.reserveCapacity(shown.count)
        var groupStart = 1
        for (position, item) in shown.enumerated() {
            let e = evidence[position]
            let v = e.candidate
            let other = dataset.cities[v]
            let breakdown = usedScores.map { score in
                ScoreContribution(
                    score: score, raw: e.raw(score), normalized: e.normalized(score), weight: weights[score],
                    contribution: total > 0 ? weights[score] * e.normalized(score) / total : 0)
            }
            var tiedWith: Int? = nil
            if position > 0 {
                // Tied when within the noise of the first suggestion of the current group.
                if Self.withinNoise(evidence[groupStart - 1], e, weights: weights, spread: spread) {
                    tiedWith = groupStart
                } else {
                    groupStart = position + 1
                }
            }
            let common = index.byName(e.commonPartners).map { dataset.cities[$0] }
            let links = myLinks.filter { $0.other == v }.map { dataset.links[$0.link] }
            let shared = index.byName(e.cooperationPartners).map { z in
                SharedCooperationPartner(
                    city: dataset.cities[z], types: index.cooperationTypes(u, z).union(index.cooperationTypes(v, z)))
            }
            let fieldPairCount = scorer.cooperationPairs(between: me.field, and: other.field)
            var reasons = explainer.reasons(
                for: other, evidence: e, status: item.status, commonPartners: common, links: links,
                sharedCooperation: shared, fieldPairCount: fieldPairCount)
            if let tiedWith {
                let name = dataset.cities[Int(ranked[tiedWith - 1].candidate)].name
                reasons.insert(
                    item.score == ranked[tiedWith - 1].score
                        ? "tied with #\(tiedWith) \(name): the same score"
                        : "tied with #\(tiedWith) \(name): the scores differ by less than the model's noise", at: 0)
            }
            suggestions.append(
                PartnerSuggestion(
                    rank: position + 1, city: other, status: item.status, score: item.score, breakdown: breakdown,
                    evidence: e, commonPartners: common, sharedCooperation: shared, links: links, reasons: reasons,
                    whatIf: position < query.whatIfLimit ? whatIfs[v] : nil, tiedWithRank: tiedWith))
        }
        // The goal's partners, the sister cities, and the intentions not partners yet.
        let partnerGraph = goal == .cooperation ? scorer.cooperationGraph : scorer.graph
        var seen = [UInt8](repeating: 0, count: n)
        var existing: [Int] = []
        for t in partnerGraph.neighbors(of: u) where Int(t) != u && seen[Int(t)] & 1 == 0 {
            seen[Int(t)] |= 1
            existing.append(Int(t))
        }
        var proposed: [Int] = []
        var sisters: [Int] = []
        for link in myLinks where link.other >= 0 {
            let x = link.other
            if link.kindBit & intentionBits != 0 && seen[x] & 3 == 0 {
                seen[x] |= 2
                proposed.append(x)
            }
            if link.kindBit == sisterBit && seen[x] & 4 == 0 {
                seen[x] |= 4
                sisters.append(x)
            }
        }
        return PartnerSuggestions(
            city: me, query: query, existingPartners: index.byName(existing).map { dataset.cities[$0] },
            sisterCities: index.byName(sisters).map { dataset.cities[$0] }, layers: layers,
            lacksNetworkEvidence: lacksEvidence, proposedPartners: index.byName(proposed).map { dataset.cities[$0] },
            candidateCount: ranked.count, communitySource: communitySource,
            referenceYear: scorer.referenceYear, suggestions: suggestions,
            dataset: dataset,
            centralityRanks: whatIf.map {
                (CentralityRank.rank(of: u, in: $0.betweenness), CentralityRank.rank(of: u, in: $0.closeness))
            })
    }

    /// Whether two candidates' combined scores differ by no more than the model's noise:
    /// |Δ| ≤ √(Σᵢ (Δxᵢ · σᵢ)²) / Σ|w|, with Δxᵢ the difference of their normalised scores
    /// and σᵢ the standard deviation of weight i over the evaluation's refits. Without
    /// spreads (user weights, twinning), only equal scores are tied.
    static func withinNoise(
        _ a: PartnerEvidence, _ b: PartnerEvidence, weights: PartnerWeights, spread: PartnerWeights?
    ) -> Bool {
        let difference = abs(a.combined(weights) - b.combined(weights))
        guard let spread, weights.totalMagnitude > 0 else { return difference == 0 }
        var variance = 0.0
        for (i, score) in PartnerScore.allCases.enumerated() {
            let dx = a.normalized[i] - b.normalized[i]
            variance += dx * dx * spread[score] * spread[score]
        }
        return difference <= variance.squareRoot() / weights.totalMagnitude
    }
}

/// A cooperation partner two cities share, with the cooperation types documented with it.
public struct SharedCooperationPartner: Sendable, Equatable {
    public let city: City
    public let types: Set<CooperationType>
}

/// The cooperation-evidence inputs of a scorer built from a dataset's layers: the graph of
/// documented cooperation, sister-city pairs and stated intentions.
struct CooperationContext {
    let cooperationGraph: Graph
    let sisterCityPairs: Set<Int>
    let intentionPairs: Set<Int>

    init(dataset: CreativeCitiesDataset, layers: Set<LinkKind>, leavingOut heldOut: Set<Int> = []) {
        var builder = GraphBuilder(directed: false, weighted: false, selfLoops: .drop, duplicates: .first)
        for c in dataset.cities { _ = try? builder.addUniqueNode(c.id) }
        var sister: Set<Int> = []
        var intentions: Set<Int> = []
        for link in dataset.links where layers.contains(link.kind) {
            guard let a = dataset.index(ofCity: link.sourceID), let b = dataset.index(ofCity: link.targetID) else {
                continue
            }
            let key = PartnerScorer.pairKey(a, b)
            switch link.kind {
            case .cooperation, .partnership:
                if !heldOut.contains(key) { try? builder.addEdge(a, b) }
            case .sisterCity: sister.insert(key)
            case .proposed, .planned: intentions.insert(key)
            }
        }
        cooperationGraph =
            (try? builder.build())
            ?? Graph(isDirected: false, offsets: [0], targets: [], weights: nil, ids: [], edgeCount: 0)
        sisterCityPairs = sister
        intentionPairs = intentions
    }
}

/// A candidate in a ranking: small values, so that sorting moves little.
struct RankedCandidate {
    /// The candidate's city index.
    let candidate: Int32
    /// The candidate's position among the cities sorted by id (the tie-break).
    let order: Int32
    let status: PartnerStatus
    /// The combined score.
    let score: Double
}

/// What every query of a ``PartnerSuggester`` looks up, computed once from the dataset:
/// each city's links in the layers used (with the other city's index, in file order), the
/// cities' orders by id and by name, and the documented cooperation types of each pair.
///
/// - Complexity: O(n log n + m) to build; O(n + m) memory.
struct PartnerSuggesterIndex: Sendable {
    /// One link of a city: the other city's index (−1 when the id names no city, or the
    /// city itself for a link to itself), the link's index in the dataset, and its kind's bit.
    struct Link: Sendable {
        let other: Int
        let link: Int
        let kindBit: UInt8
    }

    /// Each city's links of the layers used, in file order.
    let links: [[Link]]
    /// Each city's position among the cities sorted by id.
    let idOrder: [Int32]
    /// Each city's position among the cities sorted by name, then id.
    let nameOrder: [Int32]
    /// The cooperation types documented for each pair (``PartnerScorer/pairKey(_:_:)``);
    /// empty when the layers leave out `cooperation`.
    let cooperationTypesByPair: [Int: Set<CooperationType>]

    /// The bit of `kind` in a mask of kinds (its position in `LinkKind.allCases`).
    static func bit(_ kind: LinkKind) -> UInt8 {
        UInt8(1) << UInt8(LinkKind.allCases.firstIndex(of: kind) ?? 0)
    }

    init(dataset: CreativeCitiesDataset, layers: Set<LinkKind>) {
        let cities = dataset.cities
        var links = [[Link]](repeating: [], count: cities.count)
        var types: [Int: Set<CooperationType>] = [:]
        for (i, link) in dataset.links.enumerated() {
            let a = dataset.index(ofCity: link.sourceID), b = dataset.index(ofCity: link.targetID)
            if link.kind == .cooperation && layers.contains(.cooperation), let a, let b,
                let type = link.cooperationType
            {
                types[PartnerScorer.pairKey(a, b), default: []].insert(type)
            }
            guard layers.contains(link.kind) else { continue }
            let bit = Self.bit(link.kind)
            if let a { links[a].append(Link(other: b ?? -1, link: i, kindBit: bit)) }
            if let b, b != a { links[b].append(Link(other: a ?? -1, link: i, kindBit: bit)) }
        }
        self.links = links
        cooperationTypesByPair = types
        var idOrder = [Int32](repeating: 0, count: cities.count)
        for (position, c) in cities.indices.sorted(by: { cities[$0].id < cities[$1].id }).enumerated() {
            idOrder[c] = Int32(position)
        }
        self.idOrder = idOrder
        var nameOrder = [Int32](repeating: 0, count: cities.count)
        let byName = cities.indices.sorted { (cities[$0].name, cities[$0].id) < (cities[$1].name, cities[$1].id) }
        for (position, c) in byName.enumerated() { nameOrder[c] = Int32(position) }
        self.nameOrder = nameOrder
    }

    /// `cities` (indices) sorted by name, then id.
    func byName(_ cities: [Int]) -> [Int] {
        cities.sorted { nameOrder[$0] < nameOrder[$1] }
    }

    /// The cooperation types documented between cities `a` and `b`.
    func cooperationTypes(_ a: Int, _ b: Int) -> Set<CooperationType> {
        cooperationTypesByPair[PartnerScorer.pairKey(a, b)] ?? []
    }
}
