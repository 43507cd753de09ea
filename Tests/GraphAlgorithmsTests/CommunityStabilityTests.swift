import GraphAlgorithms
import GraphCore
import Testing

@Suite struct CommunityStabilityTests {
    @Test func disjointCliquesAreFullyStable() async throws {
        let g = try CommunityTestSupport.cliques(count: 3, size: 5)
        let s = await CommunityStability.measure(Leiden(), on: g, seed: 1, runs: 6, maxConcurrency: 2)
        #expect(s.runs.count == 6)
        #expect(s.communityStability == [1, 1, 1])
        #expect(s.nodeStability.allSatisfy { $0 == 1 })
        #expect(s.identicalFraction == 1)
    }

    @Test func resultsDoNotDependOnConcurrency() async throws {
        let g = try CommunityTestSupport.fixtureGraph("lesmis.edges", weighted: false)
        let one = await CommunityStability.measure(Louvain(), on: g, seed: 5, runs: 8, maxConcurrency: 1)
        let four = await CommunityStability.measure(Louvain(), on: g, seed: 5, runs: 8, maxConcurrency: 4)
        #expect(one.reference == four.reference)
        #expect(one.runs == four.runs)
        #expect(one.seeds == four.seeds)
        #expect(one.communityStability == four.communityStability)
        #expect(one.nodeStability == four.nodeStability)
        // The reference is the single run with the base seed.
        #expect(one.reference == Louvain().partition(of: g, seed: 5))
    }

    @Test func communityStabilityIsTheMeanCoAssignmentOfMemberPairs() async throws {
        let g = try CommunityTestSupport.fixtureGraph("karate.edges")
        let s = await CommunityStability.measure(LabelPropagation(), on: g, seed: 2, runs: 10, maxConcurrency: 2)
        for (c, members) in s.reference.members().enumerated() {
            var sum = 0.0, pairs = 0
            for i in members.indices {
                for j in members.indices where j > i {
                    sum += s.coAssignment(members[i], members[j]); pairs += 1
                }
            }
            if pairs > 0 {
                #expect(abs(s.communityStability[c] - sum / Double(pairs)) < 1e-12)
            }
            for i in members {
                let pairsOfI = s.coAssignments(of: i)
                #expect(pairsOfI.count == members.count - 1)
                if !pairsOfI.isEmpty {
                    let mean = pairsOfI.map(\.frequency).reduce(0, +) / Double(pairsOfI.count)
                    #expect(abs(s.nodeStability[i] - mean) < 1e-12)
                }
            }
        }
        #expect(s.communityStability.allSatisfy { (0...1).contains($0) })
        #expect(s.coAssignment(0, 1) == s.coAssignment(1, 0))
    }

    @Test func ensembleSeedsAreDistinctAndReproducible() {
        let a = CommunityStability.ensembleSeeds(seed: 42, count: 5)
        #expect(a == CommunityStability.ensembleSeeds(seed: 42, count: 5))
        #expect(Set(a).count == 5)
        #expect(!a.contains(42))
    }

    @Test func singletonStabilityIsTheShareOfRunsLeavingItAlone() {
        let reference = Partition(rawLabels: [0, 0, 1])
        let runs = [
            Partition(rawLabels: [0, 0, 1]), Partition(rawLabels: [0, 0, 0]),
            Partition(rawLabels: [0, 1, 2]), Partition(rawLabels: [0, 0, 1]),
        ]
        let s = CommunityStability(reference: reference, runs: runs)
        #expect(s.communityStability == [0.75, 0.75])
        #expect(s.nodeStability == [0.75, 0.75, 0.75])
    }
}
