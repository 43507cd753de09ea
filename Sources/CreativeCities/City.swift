/// A member city of the UNESCO Creative Cities Network, as one row of `cities.csv`.
public struct City: Sendable, Hashable, Identifiable, Codable {
    /// Slug `city-iso2`, e.g. `hanoi-vn`; unique.
    public let id: String
    /// The city's name, UTF-8 with diacritics.
    public let name: String
    /// Short English country name (Viet Nam, Türkiye, Republic of Korea, …).
    public let country: String
    /// ISO 3166-1 alpha-2 country code.
    public let iso2: String
    /// UNESCO regional group (derived from the country).
    public let region: UNESCORegion
    /// Creative field of the designation.
    public let field: CreativeField
    /// Designation year, when known.
    public let year: Int?
    /// Latitude in decimal degrees (GeoNames), when known.
    public let latitude: Double?
    /// Longitude in decimal degrees (GeoNames), when known.
    public let longitude: Double?
    /// Where each value came from.
    public let source: String

    /// A city with every column of its `cities.csv` row.
    public init(
        id: String, name: String, country: String, iso2: String, region: UNESCORegion,
        field: CreativeField, year: Int?, latitude: Double?, longitude: Double?, source: String
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.iso2 = iso2
        self.region = region
        self.field = field
        self.year = year
        self.latitude = latitude
        self.longitude = longitude
        self.source = source
    }

    /// Both coordinates, when known.
    public var coordinates: (latitude: Double, longitude: Double)? {
        guard let latitude, let longitude else { return nil }
        return (latitude, longitude)
    }

    /// "Hanoi (Viet Nam)".
    public var displayName: String { "\(name) (\(country))" }
}

/// The kind of a cooperation link between two member cities.
public enum LinkKind: String, Sendable, CaseIterable, Codable, Comparable {
    /// Twin towns / sister cities, from Wikipedia lists and Wikidata P190.
    case sisterCity = "sister-city"
    /// A joint project where one source names both cities.
    case partnership
    /// Named as a cooperation to pursue, not yet existing (Hanoi's seven cities of design, 2020).
    case proposed

    /// Orders kinds as declared: sister city, partnership, proposed.
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Links that are evidence of existing cooperation (not `proposed`).
    public static let existing: Set<LinkKind> = [.sisterCity, .partnership]
}

/// A link between two member cities, as one row of `links.csv`.
public struct CityLink: Sendable, Hashable, Codable {
    /// The id of one city (`hanoi-vn`).
    public let sourceID: String
    /// The id of the other city; links are undirected.
    public let targetID: String
    /// Sister city, partnership or proposed.
    public let kind: LinkKind
    /// Year the link started, where a source gives one.
    public let since: Int?
    /// Which source states the link, quoted.
    public let evidence: String

    /// A link with every column of its `links.csv` row.
    public init(sourceID: String, targetID: String, kind: LinkKind, since: Int?, evidence: String) {
        self.sourceID = sourceID
        self.targetID = targetID
        self.kind = kind
        self.since = since
        self.evidence = evidence
    }

    /// Whether this link touches `cityID`.
    public func involves(_ cityID: String) -> Bool { sourceID == cityID || targetID == cityID }

    /// The other end of the link seen from `cityID`.
    public func other(than cityID: String) -> String { sourceID == cityID ? targetID : sourceID }
}
