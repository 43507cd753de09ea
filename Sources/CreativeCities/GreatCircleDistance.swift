import Foundation

/// Great-circle distance between two points on a sphere of radius 6,371.0088 km (the
/// IUGG mean Earth radius), by the haversine formula:
///
///     a = sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2)
///     d = 2 R · atan2(√a, √(1 − a))
///
/// with φ latitude and λ longitude in radians. The spherical model is within about 0.5 %
/// of the ellipsoidal (geodesic) distance.
///
/// - Reference: Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984, p. 159.
public enum GreatCircleDistance {
    /// Mean Earth radius in km (IUGG).
    public static let earthRadiusKm = 6_371.0088
    /// Half the circumference: the greatest possible distance, ≈ 20,015 km.
    public static var antipodalKm: Double { .pi * earthRadiusKm }

    /// Distance in km between two (latitude, longitude) points in decimal degrees.
    public static func kilometres(
        from a: (latitude: Double, longitude: Double), to b: (latitude: Double, longitude: Double)
    ) -> Double {
        let rad = Double.pi / 180
        let phi1 = a.latitude * rad, phi2 = b.latitude * rad
        let dPhi = (b.latitude - a.latitude) * rad
        let dLambda = (b.longitude - a.longitude) * rad
        let s1 = sin(dPhi / 2), s2 = sin(dLambda / 2)
        let h = min(1, s1 * s1 + cos(phi1) * cos(phi2) * s2 * s2)
        return 2 * earthRadiusKm * atan2(h.squareRoot(), (1 - h).squareRoot())
    }

    /// Distance in km between two cities, or `nil` when either has no coordinates.
    public static func kilometres(between a: City, and b: City) -> Double? {
        guard let p = a.coordinates, let q = b.coordinates else { return nil }
        return kilometres(from: p, to: q)
    }
}
