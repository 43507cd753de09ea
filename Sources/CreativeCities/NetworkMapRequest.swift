import GraphAlgorithms
import GraphRendering

/// A map as `uccn serve` asks for it (the defaults of `uccn map`): which network (whole, on the world map,
/// or one city's neighbourhood with its best suggested partners) and how it is styled. The
/// request is `Hashable`, so drawn maps can be cached by it.
///
/// ``networkMap(dataset:suggester:communityLabels:)`` turns it into a ``NetworkMap``: for
/// a city map with `suggest` > 0 the suggested partners are the city's first `suggest`
/// suggestions of ``PartnerSuggester`` with the default weights and filters (the ranking
/// of `uccn partners CITY`), and the city is highlighted.
public struct NetworkMapRequest: Sendable, Hashable {
    /// Which part of the network.
    public enum Scope: Sendable, Hashable {
        /// Every member city, laid out by its links.
        case whole
        /// Every city with coordinates at its longitude and latitude.
        case geographic
        /// The city (an id), its partners within `radius` links, the cities proposed to it
        /// and its `suggest` best suggested partners.
        case city(id: String, radius: Int, suggest: Int)
    }

    public var scope: Scope
    public var coloring: NetworkMap.Coloring
    /// One of ``NetworkMap/sizeMeasures``.
    public var sizeBy: CentralityMeasure
    public var labelCount: Int
    /// See ``NetworkMap/Options/cityLinkBase``.
    public var cityLinkBase: String?
    /// Cities drawn highlighted; `nil`: a city map's city, else ``NetworkMap/Options``' default.
    public var highlightedCityIDs: [String]?
    /// Link kinds drawn; `nil`: ``NetworkMap/Options``' default.
    public var linkKinds: Set<LinkKind>?

    public init(
        scope: Scope = .whole, coloring: NetworkMap.Coloring = .field, sizeBy: CentralityMeasure = .degree,
        labelCount: Int = 30, cityLinkBase: String? = nil, highlightedCityIDs: [String]? = nil,
        linkKinds: Set<LinkKind>? = nil
    ) {
        self.highlightedCityIDs = highlightedCityIDs
        self.linkKinds = linkKinds
        self.scope = scope
        self.coloring = coloring
        self.sizeBy = sizeBy
        self.labelCount = labelCount
        self.cityLinkBase = cityLinkBase
    }

    /// How many suggested partners a city map shows when the number is not given (`uccn
    /// map --city` without `--suggest`): none, or ``suggestionsForUnlinkedCity`` for a city
    /// with no existing link (sister city or partnership), whose map would otherwise be a
    /// single dot.
    ///
    /// - Parameters:
    ///   - id: the city's id.
    ///   - dataset: the cities and links.
    public static func defaultSuggestCount(forCity id: String, in dataset: CreativeCitiesDataset) -> Int {
        dataset.links(of: id, kinds: LinkKind.existing).isEmpty ? suggestionsForUnlinkedCity : 0
    }

    /// How many suggested partners the map of a city with no known link shows by default.
    public static let suggestionsForUnlinkedCity = 5

    /// The ids of the best `count` suggested partners of the city at `index`, best first
    /// (default weights and filters; cities already linked left out).
    public static func suggestedPartnerIDs(
        _ suggester: PartnerSuggester, cityIndex index: Int, count: Int
    ) throws(PartnerQueryError) -> [String] {
        guard count > 0 else { return [] }
        return try suggester.suggest(PartnerQuery(city: index, top: count)).suggestions.map(\.city.id)
    }

    /// The map this request asks for.
    ///
    /// - Parameters:
    ///   - dataset: the cities and links to draw.
    ///   - suggester: ranks the suggested partners of a city map; one is built from the
    ///     dataset when `nil` and the request asks for suggestions.
    ///   - communityLabels: the communities to colour by (see ``NetworkMap/init(dataset:options:communityLabels:)``).
    /// - Throws: ``NetworkMapError`` (unknown city, radius below 1, …) or
    ///   ``PartnerQueryError``.
    public func networkMap(
        dataset: CreativeCitiesDataset, suggester: PartnerSuggester? = nil, communityLabels: [Int32]? = nil
    ) throws -> NetworkMap {
        let kind: NetworkMap.Kind
        var highlighted = highlightedCityIDs
        switch scope {
        case .whole:
            kind = .whole
        case .geographic:
            kind = .geographic
        case let .city(id, radius, suggest):
            guard let index = dataset.index(ofCity: id) else { throw NetworkMapError.unknownCity(id) }
            let suggested =
                suggest > 0
                ? try Self.suggestedPartnerIDs(
                    suggester ?? PartnerSuggester(dataset: dataset), cityIndex: index, count: suggest) : []
            kind = .ego(cityID: id, radius: radius, suggested: suggested)
            highlighted = highlighted ?? [id]
        }
        var options = NetworkMap.Options(
            kind: kind, coloring: coloring, sizeBy: sizeBy, labelCount: labelCount, cityLinkBase: cityLinkBase)
        if let highlighted { options.highlightedCityIDs = highlighted }
        if let linkKinds { options.linkKinds = linkKinds }
        return try NetworkMap(dataset: dataset, options: options, communityLabels: communityLabels)
    }
}
