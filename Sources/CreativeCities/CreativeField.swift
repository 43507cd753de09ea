import Foundation

/// The eight creative fields of the UNESCO Creative Cities Network (Architecture since 2025).
public enum CreativeField: String, Sendable, CaseIterable, Codable, Comparable {
    /// Architecture (designated since 2025).
    case architecture = "Architecture"
    /// Crafts and Folk Art.
    case craftsAndFolkArt = "Crafts and Folk Art"
    /// Design (Hanoi's field).
    case design = "Design"
    /// Film.
    case film = "Film"
    /// Gastronomy.
    case gastronomy = "Gastronomy"
    /// Literature.
    case literature = "Literature"
    /// Media Arts.
    case mediaArts = "Media Arts"
    /// Music.
    case music = "Music"

    /// A short, CSS- and id-safe slug (`crafts-and-folk-art`).
    public var slug: String {
        rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// "City of Design", "City of Crafts and Folk Art", …
    public var cityTitle: String { "City of \(rawValue)" }

    /// Alphabetical by name.
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
    /// Africa.
    case africa = "Africa"
    /// Arab States.
    case arabStates = "Arab States"
    /// Asia and the Pacific.
    case asiaPacific = "Asia and the Pacific"
    /// Europe and North America.
    case europeNorthAmerica = "Europe and North America"
    /// Latin America and the Caribbean.
    case latinAmericaCaribbean = "Latin America and the Caribbean"

    /// A short, CSS- and id-safe slug (`asia-and-the-pacific`).
    public var slug: String {
        rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// Alphabetical by name.
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
