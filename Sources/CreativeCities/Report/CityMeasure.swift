import Foundation

/// One number per member city, with what it means for cooperation: a column of
/// `metrics.csv` and a row of a city's standing.
///
/// Values are indexed like ``CreativeCitiesDataset/cities``.
public struct CityMeasure: Sendable, Hashable {
    /// Column name in `metrics.csv` (`betweenness`).
    public var key: String
    /// Short title (`Betweenness`).
    public var title: String
    /// One plain-English sentence on what a high value means for cooperation.
    public var meaning: String
    /// Formula, weights and normalisation, for the methods section.
    public var definition: String
    /// One value a city, indexed like the dataset's cities.
    public var values: [Double]
    /// Decimals shown in the report (CSV files carry ten significant digits).
    public var decimals: Int

    /// A measure with its column name, title, meaning, definition, values and decimals shown.
    public init(key: String, title: String, meaning: String, definition: String, values: [Double], decimals: Int) {
        self.key = key
        self.title = title
        self.meaning = meaning
        self.definition = definition
        self.values = values
        self.decimals = decimals
    }

    /// Standard competition rank: 1 + the number of cities with a strictly higher value
    /// (values within 1e-12 relative of each other are ties, as in the partner what-if).
    public func rank(of city: Int) -> Int {
        CentralityRank.rank(of: city, in: values)
    }

    /// Number of other cities with exactly the same value.
    public func ties(of city: Int) -> Int {
        let v = values[city]
        return values.filter { $0 == v }.count - 1
    }

    /// Share of the other cities with a strictly lower value, in percent (0–100).
    public func percentile(of city: Int) -> Double {
        guard values.count > 1 else { return 0 }
        let v = values[city]
        return 100 * Double(values.filter { $0 < v }.count) / Double(values.count - 1)
    }

    /// The `k` cities with the highest values, ties broken by city order.
    public func top(_ k: Int) -> [Int] {
        Array(values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }.prefix(k))
    }

    /// The value as shown in the report.
    public func formatted(_ city: Int) -> String {
        ReportNumber.fixed(values[city], decimals: decimals)
    }
}

/// Number formatting that never depends on the locale.
public enum ReportNumber {
    /// `value` with exactly `decimals` decimals (`0.125` → `0.13` for 2), no grouping.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        if decimals <= 0 { return String(Int64(value.rounded())) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        var fraction = String(Int64(scaled) - whole * Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        let negative = value < 0 && scaled != 0
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }

    /// A percentage with no decimals (`42%`); a share above 0 that would round to 0 is `<1%`.
    public static func percent(_ fraction: Double) -> String {
        if fraction > 0 && fraction < 0.005 { return "<1%" }
        return "\(Int((fraction * 100).rounded()))%"
    }

    /// `1 234` style grouping is avoided: counts are printed plainly.
    /// A power of ten written with a superscript exponent ("10⁻⁵"); any other value in
    /// Swift's shortest form.
    public static func powerOfTen(_ value: Double) -> String {
        guard value > 0 else { return "\(value)" }
        let exponent = log10(value).rounded()
        guard abs(value - pow(10, exponent)) <= 1e-12 * value else { return "\(value)" }
        let superscripts: [Character: Character] = [
            "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
            "9": "⁹",
        ]
        return "10" + String(String(Int(exponent)).map { superscripts[$0] ?? $0 })
    }

    /// A whole number as digits (`405`).
    public static func count(_ n: Int) -> String { String(n) }

    /// "1st", "2nd", "3rd", "11th", "22nd".
    public static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
