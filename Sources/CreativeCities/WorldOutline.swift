/// Land and country outlines for the geographic map: Natural Earth 1:110m Admin 0
/// countries (public domain), simplified to about 2,000 points by
/// `scripts/make_world_outline.py` (which also writes the data file and says how), and
/// Europe's in more detail for the enlargement below the world map.
public enum WorldOutline {
    /// One closed outline: the country's ISO 3166-1 alpha-3 code and its points
    /// (longitude, latitude in degrees), the closing point not repeated.
    public struct Ring: Sendable, Hashable {
        public var country: String
        public var points: [(longitude: Double, latitude: Double)]

        public static func == (a: Ring, b: Ring) -> Bool {
            a.country == b.country && a.points.elementsEqual(b.points) { $0 == $1 }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(country)
            for p in points {
                hasher.combine(p.longitude)
                hasher.combine(p.latitude)
            }
        }
    }

    /// Every ring, in the order of the data file.
    public static let rings: [Ring] = parse(encoded)

    /// The rings that reach into Europe, simplified less (for the world map's enlargement).
    public static let europeRings: [Ring] = parse(europeEncoded)

    /// Number of points in all rings.
    public static var pointCount: Int { rings.reduce(0) { $0 + $1.points.count } }

    static func parse(_ text: String) -> [Ring] {
        var rings: [Ring] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix(">") {
                rings.append(Ring(country: String(trimmed.dropFirst().drop { $0 == " " }), points: []))
                continue
            }
            guard !rings.isEmpty else { continue }
            for item in trimmed.split(separator: " ") {
                let parts = item.split(separator: ",")
                guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { continue }
                rings[rings.count - 1].points.append((lon, lat))
            }
        }
        return rings.filter { $0.points.count >= 3 }
    }
}
