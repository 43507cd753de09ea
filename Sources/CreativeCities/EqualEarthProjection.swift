import Foundation

/// The Equal Earth map projection (Šavrič, Patterson & Jenny 2019, "The Equal Earth map
/// projection", International Journal of Geographical Information Science 33(3)): an
/// equal-area pseudocylindrical projection, so a region's area on the map is proportional
/// to its area on the globe, with straight parallels and curved meridians.
///
/// With λ the longitude and φ the latitude in radians, θ = asin(√3/2 · sin φ) and
/// A₁ = 1.340264, A₂ = −0.081106, A₃ = 0.000893, A₄ = 0.003796:
///
///     x = R · 2√3 λ cos θ / (3 (9A₄θ⁸ + 7A₃θ⁶ + 3A₂θ² + A₁))
///     y = R · (A₄θ⁹ + A₃θ⁷ + A₂θ³ + A₁θ)
///
/// x grows eastwards and y northwards (as in Graphviz). R is the radius of the globe in
/// points; the world is about 5.41 R wide and 2.64 R high. Constant time per point.
public struct EqualEarthProjection: Sendable, Hashable {
    /// Radius of the globe, in points.
    public var radius: Double

    public init(radius: Double) {
        self.radius = radius
    }

    static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796

    /// The projected position of a longitude and latitude (degrees), in points.
    public func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let lambda = longitude * .pi / 180
        let phi = max(-90, min(90, latitude)) * .pi / 180
        let theta = asin(3.0.squareRoot() / 2 * sin(phi))
        let t2 = theta * theta, t6 = t2 * t2 * t2
        let x =
            2 * 3.0.squareRoot() * lambda * cos(theta)
            / (3 * (9 * Self.a4 * t6 * t2 + 7 * Self.a3 * t6 + 3 * Self.a2 * t2 + Self.a1))
        let y = theta * (Self.a1 + Self.a2 * t2 + t6 * (Self.a3 + Self.a4 * t2))
        return (x * radius, y * radius)
    }
}
