import Foundation
import GraphCore
import Testing

@testable import CreativeCities

/// The scores computed once per query in flat arrays (``PartnerCandidateScores``) are the
/// ones of the straightforward computation kept below as the reference (one
/// ``NeighbourhoodScores`` and ``ShortestPathHops`` per query, a distance per pair): every
/// field of every candidate's evidence, bit for bit, for every bundled city and both goals.
@Suite struct PartnerCandidateScoresTests {
    @Test(arguments: PartnerGoal.allCases)
    func evidenceEqualsTheReferenceForEveryCity(goal: PartnerGoal) throws {
        let suggester = try #require(PartnerSuggesterTests.suggester)
        let plain = suggester.scorer(for: goal)
        let scorer = suggester.preparingDistances().scorer(for: goal)
        #expect(plain.distanceTable.isEmpty && scorer.distanceTable.count == 405 * 405)
        for u in scorer.cities.indices {
            let reference = scorer.referenceEvidence(for: u)
            // Distances from the table, and computed pair by pair for every 10th city.
            for fast in u % 10 == 0 ? [scorer.evidence(for: u), plain.evidence(for: u)] : [scorer.evidence(for: u)] {
                try #require(fast.count == reference.count)
                for (a, b) in zip(fast, reference) {
                    #expect(Self.same(a, b), "\(goal) \(scorer.cities[u].id) → \(scorer.cities[b.candidate].id)")
                    if !Self.same(a, b) { return }
                }
            }
        }
    }

    @Test func theSmallNetworksEqualTheReference() {
        for dataset in [TinyNetwork.dataset, TinyCooperation.dataset] {
            let suggester = PartnerSuggester(dataset: dataset, communities: .connectedComponents)
            for goal in PartnerGoal.allCases {
                let scorer = suggester.scorer(for: goal)
                for u in scorer.cities.indices {
                    for (a, b) in zip(scorer.evidence(for: u), scorer.referenceEvidence(for: u)) {
                        #expect(Self.same(a, b))
                    }
                }
            }
        }
    }

    /// Country codes compare as Foundation's case-insensitive comparison does, also for
    /// codes that are not ASCII.
    @Test func countriesCompareIgnoringCase() {
        let codes = ["VN", "vn", "Vn", "", "KR", "ÄB", "äb", "ß", "SS", "ss", "V N"]
        let cities = codes.map {
            City(
                id: "c-\($0)", name: $0, country: $0, iso2: $0, region: .africa, field: .music, year: nil,
                latitude: nil, longitude: nil, source: "test")
        }
        let facts = PartnerCityFacts(cities)
        for (u, a) in codes.enumerated() {
            for (v, b) in codes.enumerated() {
                #expect(
                    facts.sameCountry(u, v) == (!a.isEmpty && a.caseInsensitiveCompare(b) == .orderedSame), "\(a) \(b)")
            }
        }
    }

    @Test func eachScoreKnowsItsPosition() {
        for (i, score) in PartnerScore.allCases.enumerated() { #expect(score.position == i, "\(score)") }
    }

    static func same(_ a: PartnerEvidence, _ b: PartnerEvidence) -> Bool {
        a.candidate == b.candidate && a.commonPartners == b.commonPartners
            && a.raw.map(\.bitPattern) == b.raw.map(\.bitPattern)
            && a.normalized.map(\.bitPattern) == b.normalized.map(\.bitPattern) && a.hops == b.hops
            && a.distanceKm?.bitPattern == b.distanceKm?.bitPattern && a.membershipYears == b.membershipYears
            && a.candidateDegree == b.candidateDegree && a.isLinked == b.isLinked
            && a.cooperationPartners == b.cooperationPartners && a.cooperationHops == b.cooperationHops
            && a.candidateCooperationCount == b.candidateCooperationCount && a.isCooperating == b.isCooperating
    }
}

extension PartnerScorer {
    /// The evidence computed candidate by candidate, as documented on ``PartnerScorer``.
    func referenceEvidence(for u: Int) -> [PartnerEvidence] {
        let neighbourhood = NeighbourhoodScores(of: graph, source: u)
        let paths = ShortestPathHops(of: graph, source: u)
        let cooperation = NeighbourhoodScores(of: cooperationGraph, source: u)
        let cooperationPaths = ShortestPathHops(of: cooperationGraph, source: u)
        let me = cities[u]
        let span = Double(max(1, referenceYear - 2004))
        var linked = [Bool](repeating: false, count: cities.count)
        for t in graph.neighbors(of: u) { linked[Int(t)] = true }
        var cooperating = [Bool](repeating: false, count: cities.count)
        for t in cooperationGraph.neighbors(of: u) where Int(t) != u { cooperating[Int(t)] = true }
        let fieldIndex = Dictionary(uniqueKeysWithValues: CreativeField.allCases.enumerated().map { ($1, $0) })
        let myField = fieldIndex[me.field] ?? 0
        var result: [PartnerEvidence] = []
        result.reserveCapacity(cities.count - 1)
        for v in cities.indices where v != u {
            let other = cities[v]
            let hops = paths.hops[v]
            let distance = GreatCircleDistance.kilometres(between: me, and: other)
            let years = other.year.map { referenceYear - $0 }
            let pathProximity: Double = hops.map { $0 <= 2 ? 1 : 1 / Double($0 - 1) } ?? 0
            let geographic: Double = distance.map { max(0, 1 - $0 / GreatCircleDistance.antipodalKm) } ?? 0.5
            let membership: Double = years.map { min(1, max(0, Double($0) / span)) } ?? 0
            // Cooperation evidence, without the u–v link itself.
            let isCooperating = cooperating[v]
            let cooperationHops =
                isCooperating
                ? ShortestPathHops(of: cooperationGraph, source: u, excludingEdgeTo: v).hops[v]
                : cooperationPaths.hops[v]
            let cooperationProximity: Double = cooperationHops.map { $0 <= 2 ? 1 : 1 / Double($0 - 1) } ?? 0
            let cooperationCount = cooperationCounts[v]
            let activity = cooperationCount - (isCooperating ? 1 : 0)
            let fieldActivity = cooperationCountsByField[v][myField] - (isCooperating ? 1 : 0)
            let otherField = fieldIndex[other.field] ?? 0
            let possible = fieldPairs[myField][otherField]
            let fieldLinks = fieldPairLinks[myField][otherField] - (isCooperating ? 1 : 0)
            let fieldRate = possible > 0 ? Double(max(0, fieldLinks)) / Double(possible) : 0
            let key = Self.pairKey(u, v)
            let raw: [Double] = [
                Double(neighbourhood.commonPartners[v].count),
                neighbourhood.jaccard[v],
                neighbourhood.adamicAdar[v],
                neighbourhood.resourceAllocation[v],
                neighbourhood.preferentialAttachment[v],
                communityLabels[u] == communityLabels[v] ? 1 : 0,
                pathProximity,
                me.field == other.field ? 1 : 0,
                FieldComplementarity.complements(me.field, other.field) ? 1 : 0,
                me.region == other.region ? 1 : 0,
                geographic,
                membership,
                Double(cooperation.commonPartners[v].count),
                cooperationProximity,
                Double(activity),
                Double(fieldActivity),
                fieldRate,
                me.iso2.caseInsensitiveCompare(other.iso2) == .orderedSame && !me.iso2.isEmpty ? 1 : 0,
                sisterCityPairs.contains(key) ? 1 : 0,
                intentionPairs.contains(key) ? 1 : 0,
            ]
            result.append(
                PartnerEvidence(
                    candidate: v, commonPartners: neighbourhood.commonPartners[v], raw: raw, normalized: raw,
                    hops: hops, distanceKm: distance, membershipYears: years,
                    candidateDegree: graph.degree(of: v), isLinked: linked[v],
                    cooperationPartners: cooperation.commonPartners[v], cooperationHops: cooperationHops,
                    candidateCooperationCount: cooperationCount, isCooperating: isCooperating))
        }
        Self.referenceNormalize(&result, maxFieldRate: maxFieldRate)
        return result
    }

    static func referenceNormalize(_ evidence: inout [PartnerEvidence], maxFieldRate: Double) {
        for score in [PartnerScore.documentedActivity, .subnetworkActivity] {
            guard let i = PartnerEvidence.position[score] else { continue }
            let top = evidence.reduce(0) { max($0, $1.raw[i]) }
            for k in evidence.indices {
                evidence[k].normalized[i] = top > 0 ? log1p(evidence[k].raw[i]) / log1p(top) : 0
            }
        }
        if let i = PartnerEvidence.position[.fieldAffinity] {
            for k in evidence.indices {
                evidence[k].normalized[i] = maxFieldRate > 0 ? min(1, evidence[k].raw[i] / maxFieldRate) : 0
            }
        }
        for score in maxNormalized {
            guard let i = PartnerEvidence.position[score] else { continue }
            let top = evidence.reduce(0) { max($0, $1.raw[i]) }
            for k in evidence.indices {
                evidence[k].normalized[i] = top > 0 ? evidence[k].raw[i] / top : 0
            }
        }
    }
}
