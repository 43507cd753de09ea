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

/// The kind (layer) of a link between two member cities.
///
/// `links.csv` holds `sister-city`, `partnership` and `proposed` links; `cooperation.csv` holds
/// `cooperation` links (documented UCCN cooperation, each with a ``CooperationType``) and
/// `planned.csv` holds `planned` links (cooperation a city says it intends).
public enum LinkKind: String, Sendable, CaseIterable, Codable, Comparable {
    /// Twin towns / sister cities, from Wikipedia lists and Wikidata P190.
    case sisterCity = "sister-city"
    /// A joint project where one source names both cities.
    case partnership
    /// Documented UCCN cooperation (agreement, joint project, residency, …), from `cooperation.csv`.
    case cooperation
    /// Named as a cooperation to pursue, not yet existing (Hanoi's seven cities of design, 2020).
    case proposed
    /// Cooperation a member city says it intends (UNESCO city pages), from `planned.csv`.
    case planned

    /// Orders kinds as declared: sister city, partnership, cooperation, proposed, planned.
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// Links that are evidence of existing twinning or joint work (sister-city and partnership):
    /// the graph of the `twinning` goal and, by default, of `metrics`, `clusters` and the maps'
    /// communities.
    public static let existing: Set<LinkKind> = [.sisterCity, .partnership]

    /// Documented cooperation between creative cities: `cooperation.csv` rows and partnership links.
    public static let documentedCooperation: Set<LinkKind> = [.cooperation, .partnership]

    /// Stated intentions, not cooperation yet: `proposed` and `planned` links.
    public static let intentions: Set<LinkKind> = [.proposed, .planned]

    /// The kinds a row of `links.csv` may have.
    public static let linksFileKinds: [LinkKind] = [.sisterCity, .partnership, .proposed]

    /// Parses a comma-separated list of layer names (`sister-city,cooperation`), also `all`,
    /// `existing` (sister-city, partnership) and `cooperation-evidence` (cooperation,
    /// partnership); spaces and case are ignored. Throws ``LinkLayerError`` naming the
    /// unknown word.
    public static func layers(_ text: String) throws(LinkLayerError) -> Set<LinkKind> {
        var result: Set<LinkKind> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            switch word {
            case "": continue
            case "all": result.formUnion(allCases)
            case "existing": result.formUnion(existing)
            case "cooperation-evidence", "documented": result.formUnion(documentedCooperation)
            case "sister", "sister-cities", "sistercity": result.insert(.sisterCity)
            default:
                guard let kind = LinkKind(rawValue: word) else { throw LinkLayerError(word: word) }
                result.insert(kind)
            }
        }
        guard !result.isEmpty else { throw LinkLayerError(word: text) }
        return result
    }

    /// The names of `kinds` in ``LinkKind`` order, joined by commas.
    public static func names(_ kinds: Set<LinkKind>) -> String {
        allCases.filter { kinds.contains($0) }.map(\.rawValue).joined(separator: ",")
    }
}

/// An unknown link layer name.
public struct LinkLayerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let word: String
    public init(word: String) { self.word = word }
    public var description: String {
        "unknown link layer \"\(word)\"; expected a comma-separated list of \(LinkKind.allCases.map(\.rawValue).joined(separator: ", ")) (or all, existing)"
    }
}

/// What a documented cooperation between two member cities was, strongest first (the order of
/// `Graphs/README.md`; a reader's judgement of the quoted evidence).
public enum CooperationType: String, Sendable, CaseIterable, Codable, Comparable {
    /// A memorandum or cooperation agreement between the two cities.
    case agreement
    /// The two cities hosted an event together.
    case coOrganised = "co-organised"
    /// A named joint project.
    case jointProject = "joint-project"
    /// A writer, filmmaker or artist from one city placed in the other under the UCCN.
    case residency
    /// Delegation visits, chef or musician exchanges.
    case exchange
    /// A member mentoring a candidate, or a candidate's study visits.
    case bidSupport = "bid-support"
    /// One city hosted an event where the other is named as a participant.
    case eventGuest = "event-guest"
    /// A UNESCO city page says the city collaborates with the other, without naming a project.
    case stated

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// Plural words for sentences: "residencies", "joint projects", "agreements".
    public var plural: String {
        switch self {
        case .agreement: return "agreements"
        case .coOrganised: return "co-organised events"
        case .jointProject: return "joint projects"
        case .residency: return "residencies"
        case .exchange: return "exchanges"
        case .bidSupport: return "bid support"
        case .eventGuest: return "events as guest or host"
        case .stated: return "stated collaboration"
        }
    }

    /// Singular words: "agreement", "joint project", "residency".
    public var singular: String {
        switch self {
        case .agreement: return "agreement"
        case .coOrganised: return "co-organised event"
        case .jointProject: return "joint project"
        case .residency: return "residency"
        case .exchange: return "exchange"
        case .bidSupport: return "bid support"
        case .eventGuest: return "event guest"
        case .stated: return "stated collaboration"
        }
    }
}

/// A link between two member cities: one row of `links.csv`, `cooperation.csv` or `planned.csv`.
public struct CityLink: Sendable, Hashable, Codable {
    /// The id of one city (`hanoi-vn`).
    public let sourceID: String
    /// The id of the other city; links are undirected.
    public let targetID: String
    /// Sister city, partnership, cooperation, proposed or planned.
    public let kind: LinkKind
    /// Year the link started, where a source gives one.
    public let since: Int?
    /// Which source states the link, quoted.
    public let evidence: String
    /// The type of a `cooperation` link (`nil` for other kinds).
    public let cooperationType: CooperationType?
    /// The source's address (`cooperation.csv`, `planned.csv`), `nil` when the file has none.
    public let url: String?

    /// A link with every column of its row.
    public init(
        sourceID: String, targetID: String, kind: LinkKind, since: Int?, evidence: String,
        cooperationType: CooperationType? = nil, url: String? = nil
    ) {
        self.sourceID = sourceID
        self.targetID = targetID
        self.kind = kind
        self.since = since
        self.evidence = evidence
        self.cooperationType = cooperationType
        self.url = url
    }

    /// Whether this link touches `cityID`.
    public func involves(_ cityID: String) -> Bool { sourceID == cityID || targetID == cityID }

    /// The other end of the link seen from `cityID`.
    public func other(than cityID: String) -> String { sourceID == cityID ? targetID : sourceID }
}
