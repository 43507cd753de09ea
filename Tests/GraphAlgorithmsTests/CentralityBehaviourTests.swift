import GraphAlgorithms
import GraphCore
import Testing

/// Behaviour beyond the NetworkX fixtures: sampling, errors, edge cases.
@Suite struct CentralityBehaviourTests {
    static func path(_ n: Int) throws -> Graph {
        var b = GraphBuilder()
        for i in 0..<n { try b.addNode(String(i)) }
        for i in 0..<(n - 1) { try b.addEdge(i, i + 1) }
        return try b.build()
    }

    @Test func pathOfThreeMatchesTheWorkedExample() throws {
        // NetworkX docs: path 0–1–2, unnormalised: {0: 0, 1: 1, 2: 0}; with endpoints {2, 3, 2}.
        let g = try Self.path(3)
        #expect(betweennessCentrality(of: g, normalized: false) == [0, 1, 0])
        #expect(betweennessCentrality(of: g, normalized: false, endpoints: true) == [2, 3, 2])
    }

    @Test func samplingEveryNodeIsExactAndSamplingIsSeeded() throws {
        let g = try Self.path(30)
        let exact = betweennessCentrality(of: g)
        #expect(approximateBetweennessCentrality(of: g, samples: 30) == exact)
        let a = approximateBetweennessCentrality(of: g, samples: 10, seed: 7)
        let b = approximateBetweennessCentrality(of: g, samples: 10, seed: 7, threads: 2)
        #expect(a == b)
        #expect(a != approximateBetweennessCentrality(of: g, samples: 10, seed: 8))
        // Estimates are of the right size: the middle of a path is its top broker.
        #expect(a.firstIndex(of: a.max()!)! > 5 && a.firstIndex(of: a.max()!)! < 24)
    }

    @Test func eigenvectorOfAGraphWithoutEdgesIsAmbiguous() throws {
        var b = GraphBuilder()
        for i in 0..<3 { try b.addNode(String(i)) }
        #expect(throws: CentralityError.self) { try eigenvectorCentrality(of: try b.build()) }
    }

    @Test func eigenvectorOfTwoEqualComponentsIsAmbiguous() throws {
        var b = GraphBuilder()
        try b.addEdge(from: "a", to: "b")
        try b.addEdge(from: "c", to: "d")
        do {
            _ = try eigenvectorCentrality(of: try b.build())
            Issue.record("expected an ambiguity error")
        } catch let error as CentralityError {
            guard case .ambiguousEigenvector = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func directedInputsThatAreNotSupportedThrow() throws {
        var b = GraphBuilder(directed: true)
        try b.addEdge(from: "a", to: "b")
        let g = try b.build()
        #expect(throws: CentralityError.directedNotSupported(measure: "eigenvector centrality")) {
            try eigenvectorCentrality(of: g)
        }
    }

    @Test func pageRankRejectsBadParameters() throws {
        let g = try Self.path(4)
        #expect(throws: CentralityError.self) { try pageRank(of: g, alpha: 1.5) }
        #expect(throws: CentralityError.self) { try pageRank(of: g, personalization: [0, 0, 0, 0]) }
        #expect(throws: CentralityError.self) { try pageRank(of: g, personalization: [1, 2]) }
    }

    @Test func katzDivergesAboveTheInverseSpectralRadius() throws {
        let g = try Self.path(5)  // λ_max = √3 ≈ 1.732
        #expect(throws: CentralityError.self) { try katzCentrality(of: g, alpha: 0.9, maxIterations: 500) }
        #expect(abs(try largestEigenvalue(of: g) - 3.0.squareRoot()) < 1e-8)
    }

    @Test func katzNamesTheBoundItBroke() throws {
        let g = try Self.path(5)  // λ_max = √3
        do {
            _ = try katzCentrality(of: g, alpha: 0.9, maxIterations: 500)
            Issue.record("Katz with alpha 0.9 > 1/√3 returned values")
        } catch let CentralityError.katzAlphaTooLarge(alpha, lambda) {
            #expect(alpha == 0.9)
            #expect(abs(lambda - 3.0.squareRoot()) < 1e-8)
        }
        // The shared default halves the bound when 0.1 is too large.
        #expect(defaultKatzAlpha(of: g).alpha == 0.1)
        var star = GraphBuilder()
        for leaf in 1...200 { try star.addEdge(from: "hub", to: "\(leaf)") }
        let chosen = defaultKatzAlpha(of: try star.build())  // λ_max = √200
        #expect(abs(chosen.alpha - 0.5 / 200.0.squareRoot()) < 1e-9)
    }

    @Test func spectralRadiusOfADirectedCycleIsOne() throws {
        var b = GraphBuilder(directed: true)
        for (u, v) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] { try b.addEdge(from: u, to: v) }
        #expect(abs(try spectralRadius(of: try b.build()) - 1) < 1e-6)
    }

    @Test func emptyGraphGivesEmptyResults() throws {
        let g = try GraphBuilder().build()
        for measure in CentralityMeasure.allCases {
            #expect(try measure.compute(on: g) == [], "\(measure)")
        }
    }

    @Test func everyMeasureExplainsItself() {
        for measure in CentralityMeasure.allCases {
            #expect(measure.meaning.count > 30, "\(measure)")
            #expect(CentralityMeasure(rawValue: measure.rawValue) == measure)
        }
    }
}
