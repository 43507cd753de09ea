import CreativeCities
import Testing

@Suite struct GreatCircleDistanceTests {
    /// Reference values from Python's math module with the same radius (6371.0088 km),
    /// cross-checked with the spherical law of cosines (same to 1e-9 km):
    /// Hanoi (21.0245, 105.84117) – Seoul (37.566, 126.9784) = 2741.5459312766725 km.
    @Test func hanoiToSeoul() throws {
        let data = try #require(bundledDataset)
        let hanoi = try #require(data.city(withID: "hanoi-vn"))
        let seoul = try #require(data.city(withID: "seoul-kr"))
        let d = try #require(GreatCircleDistance.kilometres(between: hanoi, and: seoul))
        #expect(abs(d - 2741.5459312766725) < 1e-6)
    }

    @Test func arcsOfTheEquator() {
        #expect(abs(GreatCircleDistance.kilometres(from: (0, 0), to: (0, 10)) - 1111.950802335329) < 1e-6)
        #expect(abs(GreatCircleDistance.kilometres(from: (0, 0), to: (0, 90)) - 10007.55722101796) < 1e-6)
        #expect(
            abs(GreatCircleDistance.kilometres(from: (0, 0), to: (0, 180)) - GreatCircleDistance.antipodalKm) < 1e-6)
        #expect(GreatCircleDistance.kilometres(from: (48.2, 16.37), to: (48.2, 16.37)) == 0)
    }

    @Test func missingCoordinatesGiveNoDistance() throws {
        let data = try #require(bundledDataset)
        let sifnos = try #require(data.cities.first { $0.name == "Sifnos" })
        let hanoi = try #require(data.city(withID: "hanoi-vn"))
        #expect(GreatCircleDistance.kilometres(between: sifnos, and: hanoi) == nil)
    }
}
