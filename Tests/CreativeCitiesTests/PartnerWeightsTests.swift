import CreativeCities
import Foundation
import Testing

@Suite struct PartnerWeightsTests {
    @Test func yamlOverridesOnlyTheNamedWeights() throws {
        let w = try PartnerWeights.parse("sameField: 3\ngeographicProximity: 0\n", file: "w.yaml")
        var expected = PartnerWeights.defaults
        expected.sameField = 3
        expected.geographicProximity = 0
        #expect(w == expected)
    }

    @Test func jsonIsAcceptedToo() throws {
        let w = try PartnerWeights.parse(#"{"sameRegion": -1, "resourceAllocation": 2.5}"#, file: "w.json")
        #expect(w.sameRegion == -1)
        #expect(w.resourceAllocation == 2.5)
        #expect(w.sameField == PartnerWeights.defaults.sameField)
    }

    @Test func aFileRoundTrips() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "uccn-weights-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var w = PartnerWeights.defaults
        w.membershipYears = 7
        try JSONEncoder().encode(w).write(to: url)
        #expect(try PartnerWeights.load(from: url) == w)
    }

    @Test func anUnknownKeyIsNamedWithTheFile() {
        #expect(throws: PartnerWeightsError.unknownKey(file: "mine.yaml:1", key: "sameFeild")) {
            try PartnerWeights.parse("sameFeild: 2\n", file: "mine.yaml")
        }
        let message = PartnerWeightsError.unknownKey(file: "mine.yaml", key: "sameFeild").description
        #expect(message.hasPrefix("mine.yaml: unknown weight \"sameFeild\""))
        #expect(message.contains("sameField"))
    }

    @Test func badValuesAreErrors() {
        #expect(throws: PartnerWeightsError.notANumber(file: "w.yaml:2", key: "jaccard")) {
            try PartnerWeights.parse("# mine\njaccard: lots\n", file: "w.yaml")
        }
        #expect(throws: PartnerWeightsError.notANumber(file: "w.json:2", key: "sameField")) {
            try PartnerWeights.parse("{\"jaccard\": 2,\n \"sameField\": \"x\"}\n", file: "w.json")
        }
        #expect(throws: PartnerWeightsError.empty(file: "w.yaml")) {
            try PartnerWeights.parse("\n# none\n", file: "w.yaml")
        }
        #expect(
            throws: PartnerWeightsError.malformed(
                file: "w.json:2:17",
                message:
                    "not valid YAML or JSON: parser: while parsing a flow node in line 2, column 17; did not find expected node content"
            )
        ) {
            try PartnerWeights.parse("{\"jaccard\": 2,\n \"sameField\": 1,,}\n", file: "w.json")
        }
        #expect(throws: PartnerWeightsError.self) { try PartnerWeights.parse("- 1\n- 2\n", file: "w.yaml") }
        let allZero = PartnerScore.allCases.map { "\($0.rawValue): 0" }.joined(separator: "\n")
        #expect(throws: PartnerWeightsError.allZero(file: "w.yaml")) {
            try PartnerWeights.parse(allZero, file: "w.yaml")
        }
        #expect(throws: PartnerWeightsError.self) {
            try PartnerWeights.load(from: URL(fileURLWithPath: "/nonexistent/weights.yaml"))
        }
    }
}
