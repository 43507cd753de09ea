import GraphAlgorithms
import GraphCore
import Testing

@Suite struct LeidenTests {
    static let seeds: [UInt64] = [1, 2, 3, 42, 2024]

    @Test(arguments: seeds)
    func karateQuality(seed: UInt64) throws {
        let g = try CommunityTestSupport.fixtureGraph("karate.edges")
        let p = Leiden().partition(of: g, seed: seed)
        #expect(Modularity.modularity(of: g, partition: p) >= 0.41)
    }

    @Test(arguments: seeds)
    func lesMiserablesQuality(seed: UInt64) throws {
        let g = try CommunityTestSupport.fixtureGraph("lesmis.edges")
        let p = Leiden().partition(of: g, seed: seed)
        // Peers: 0.5658–0.5667.
        #expect(Modularity.modularity(of: g, partition: p) >= 0.56)
    }

    /// Every community of every output is connected (the refinement's guarantee).
    @Test(arguments: seeds)
    func communitiesAreConnected(seed: UInt64) throws {
        let graphs = [
            try CommunityTestSupport.fixtureGraph("karate.edges"),
            try CommunityTestSupport.fixtureGraph("lesmis.edges"),
            try CommunityTestSupport.fixtureGraph("lesmis.edges", weighted: false),
            try CommunityTestSupport.plantedPartition(groups: 10, size: 30, pIn: 0.15, pOut: 0.02, seed: seed),
            try CommunityTestSupport.plantedPartition(groups: 20, size: 10, pIn: 0.3, pOut: 0.05, seed: seed &+ 1),
            try CommunityTestSupport.cliques(count: 8, size: 5, bridges: 2, ring: true),
        ]
        for (i, g) in graphs.enumerated() {
            for leiden in [
                Leiden(), Leiden(resolution: 0.5), Leiden(resolution: 3),
                Leiden(objective: .cpm, resolution: 0.1), Leiden(maxIterations: 1),
            ] {
                let p = leiden.partition(of: g, seed: seed)
                #expect(
                    CommunityTestSupport.communitiesAreConnected(g, p),
                    "graph \(i), \(leiden.objective) γ=\(leiden.resolution)")
            }
        }
    }

    @Test func sameSeedSameLabels() throws {
        let g = try CommunityTestSupport.plantedPartition(groups: 8, size: 25, pIn: 0.3, pOut: 0.02, seed: 5)
        #expect(Leiden().partition(of: g, seed: 11).labels == Leiden().partition(of: g, seed: 11).labels)
    }

    @Test func concurrentRunsGiveTheSameLabelsAsSequentialOnes() async throws {
        let g = try CommunityTestSupport.plantedPartition(groups: 8, size: 25, pIn: 0.3, pOut: 0.03, seed: 9)
        let seeds: [UInt64] = Array(1...6)
        let sequential = seeds.map { Leiden().partition(of: g, seed: $0) }
        let concurrent = await withTaskGroup(of: (Int, Partition).self) { group in
            for (i, s) in seeds.enumerated() { group.addTask { (i, Leiden().partition(of: g, seed: s)) } }
            var out = [Partition?](repeating: nil, count: seeds.count)
            for await (i, p) in group { out[i] = p }
            return out.compactMap { $0 }
        }
        #expect(concurrent == sequential)
    }

    @Test func recoversPlantedGroups() throws {
        let g = try CommunityTestSupport.plantedPartition(groups: 6, size: 30, pIn: 0.4, pOut: 0.01, seed: 3)
        let p = Leiden().partition(of: g, seed: 1)
        #expect(p == Partition(rawLabels: (0..<180).map { $0 / 30 }))
    }

    @Test func iteratingNeverLowersQuality() throws {
        let g = try CommunityTestSupport.fixtureGraph("lesmis.edges", weighted: false)
        for seed: UInt64 in 1...5 {
            let once = Leiden(maxIterations: 1).partition(of: g, seed: seed)
            let stable = Leiden().run(on: g, seed: seed)
            #expect(
                Modularity.modularity(of: g, partition: stable.partition)
                    >= Modularity.modularity(of: g, partition: once) - 1e-12)
            #expect(stable.iterations >= 1)
        }
    }

    @Test func aLowerToleranceIteratesAtLeastAsLong() throws {
        // The same seed draws the same random numbers up to the point where the looser
        // run stops, so the stricter run repeats it and then may continue.
        let g = try CommunityTestSupport.fixtureGraph("lfr1k.edges", weighted: false)
        for seed: UInt64 in 1...4 {
            let loose = Leiden(tolerance: 1e-2).run(on: g, seed: seed)
            let strict = Leiden(tolerance: 0).run(on: g, seed: seed)
            #expect(strict.iterations >= loose.iterations)
            #expect(loose.iterations <= 2)
            #expect(
                Modularity.modularity(of: g, partition: strict.partition)
                    >= Modularity.modularity(of: g, partition: loose.partition) - 1e-12)
        }
    }

    @Test func cpmResolutionActsAsADensityThreshold() throws {
        // Two 5-cliques joined by one edge.
        let g = try CommunityTestSupport.cliques(count: 2, size: 5, bridges: 1)
        let twoCliques = Partition(rawLabels: (0..<10).map { $0 / 5 })
        #expect(Leiden(objective: .cpm, resolution: 0.5).partition(of: g, seed: 1) == twoCliques)
        // γ = 0: any edge is worth keeping, so the connected graph is one community.
        #expect(Leiden(objective: .cpm, resolution: 0).partition(of: g, seed: 1).count == 1)
        // γ > 1: no pair of nodes is dense enough; everyone alone.
        #expect(Leiden(objective: .cpm, resolution: 1.5).partition(of: g, seed: 1).count == 10)
        // CPM has no resolution limit: a ring of 30 triangles stays split at γ = 0.5,
        // where modularity merges neighbouring triangles.
        let ring = try CommunityTestSupport.cliques(count: 30, size: 3, bridges: 1, ring: true)
        #expect(Leiden(objective: .cpm, resolution: 0.5).partition(of: ring, seed: 1).count == 30)
    }

    @Test func cpmQualityIsAtLeastThatOfModularityPartition() throws {
        let g = try CommunityTestSupport.fixtureGraph("karate.edges")
        let cpm = Leiden(objective: .cpm, resolution: 0.1).partition(of: g, seed: 4)
        let mod = Leiden().partition(of: g, seed: 4)
        #expect(
            Modularity.cpmQuality(of: g, partition: cpm, resolution: 0.1)
                >= Modularity.cpmQuality(of: g, partition: mod, resolution: 0.1))
    }
}
