import Foundation

/// The eight creative fields of the UNESCO Creative Cities Network (Architecture since 2025).
public enum CreativeField: String, Sendable, CaseIterable, Codable, Comparable {
    case architecture = "Architecture"
    case craftsAndFolkArt = "Crafts and Folk Art"
    case design = "Design"
    case film = "Film"
    case gastronomy = "Gastronomy"
    case literature = "Literature"
    case mediaArts = "Media Arts"
    case music = "Music"

    /// A short, CSS- and id-safe slug (`crafts-and-folk-art`).
    public var slug: String {
        rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// "City of Design", "City of Crafts and Folk Art", …
    public var cityTitle: String { "City of \(rawValue)" }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Parses a field name, ignoring case, spaces, hyphens and "&"/"and".
    public init?(lenient text: String) {
        func key(_ s: String) -> String {
            s.lowercased().replacingOccurrences(of: "&", with: "and")
                .filter { $0.isLetter }
        }
        let k = key(text)
        guard let match = Self.allCases.first(where: { key($0.rawValue) == k || key($0.slug) == k }) else {
            return nil
        }
        self = match
    }
}

/// UNESCO's five regional groups.
public enum UNESCORegion: String, Sendable, CaseIterable, Codable, Comparable {
    case africa = "Africa"
    case arabStates = "Arab States"
    case asiaPacific = "Asia and the Pacific"
    case europeNorthAmerica = "Europe and North America"
    case latinAmericaCaribbean = "Latin America and the Caribbean"

    public var slug: String {
        rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Parses a region name, ignoring case, spaces, hyphens and "&"/"and".
    public init?(lenient text: String) {
        func key(_ s: String) -> String {
            s.lowercased().replacingOccurrences(of: "&", with: "and").filter { $0.isLetter }
        }
        let k = key(text)
        guard let match = Self.allCases.first(where: { key($0.rawValue) == k }) else { return nil }
        self = match
    }
}
