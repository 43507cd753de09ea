import GraphAlgorithms
import GraphCore

/// Whole-network facts that need only the dataset: sizes, links by kind, density,
/// components, isolated cities, fields, regions and designations by year.
public struct NetworkOverview: Sendable {
    /// How many cities a field or region has, and how many of them are linked.
    public struct GroupCount: Sendable, Hashable {
        /// The field or region.
        public var name: String
        /// Member cities in the group.
        public var cities: Int
        /// Of those, cities with at least one cooperation link.
        public var linkedCities: Int
    }

    /// Member cities.
    public let cityCount: Int
    /// Countries with at least one member city.
    public let countryCount: Int
    /// Rows of `links.csv` by kind, in ``LinkKind`` order.
    public let linksByKind: [(kind: LinkKind, count: Int)]
    /// Distinct pairs of cities with an existing link (sister-city or partnership): the
    /// edges of the cooperation graph.
    public let cooperationPairs: Int
    /// `2m / (n (n − 1))` over the cooperation graph.
    public let density: Double
    /// Mean number of cooperation links per city, `2m / n`.
    public let meanLinks: Double
    /// Connected components of the cooperation graph, isolated cities included.
    public let componentCount: Int
    /// Components with at least two cities.
    public let linkedComponentCount: Int
    /// Cities in the largest component.
    public let largestComponentSize: Int
    /// Cities without any cooperation link.
    public let isolatedCount: Int
    /// Cooperation pairs whose two cities are in the same UNESCO region.
    public let pairsWithinRegion: Int
    /// Cooperation pairs whose two cities share a creative field.
    public let pairsWithinField: Int
    /// Cooperation pairs whose two cities are in the same country.
    public let pairsWithinCountry: Int
    /// Cities by creative field.
    public let byField: [GroupCount]
    /// Cities by UNESCO region.
    public let byRegion: [GroupCount]
    /// New designations per year (years with none included between the first and last),
    /// oldest first.
    public let designationsByYear: [(year: Int, count: Int)]
    /// Cities whose designation year is not known.
    public let unknownYearCount: Int

    /// The facts of `dataset`, its cooperation `graph` and that graph's `components`.
    public init(dataset: CreativeCitiesDataset, graph: Graph, components: ConnectedComponents) {
        let cities = dataset.cities
        cityCount = cities.count
        countryCount = Set(cities.map(\.iso2)).count
        linksByKind = LinkKind.allCases.map { kind in (kind, dataset.links.filter { $0.kind == kind }.count) }
        cooperationPairs = graph.edgeCount
        let n = Double(cities.count)
        density = cities.count > 1 ? 2 * Double(graph.edgeCount) / (n * (n - 1)) : 0
        meanLinks = cities.isEmpty ? 0 : 2 * Double(graph.edgeCount) / n
        componentCount = components.count
        linkedComponentCount = components.sizes.filter { $0 > 1 }.count
        largestComponentSize = components.sizes.first ?? 0
        isolatedCount = (0..<graph.nodeCount).filter { graph.degree(of: $0) == 0 }.count
        var region = 0, field = 0, country = 0
        graph.forEachEdge { u, v, _ in
            if cities[u].region == cities[v].region { region += 1 }
            if cities[u].field == cities[v].field { field += 1 }
            if cities[u].iso2 == cities[v].iso2 { country += 1 }
        }
        pairsWithinRegion = region
        pairsWithinField = field
        pairsWithinCountry = country
        func groups<Key: Hashable>(_ key: (City) -> Key, name: (Key) -> String) -> [GroupCount] {
            var counts: [Key: (Int, Int)] = [:]
            for (i, c) in cities.enumerated() {
                var entry = counts[key(c)] ?? (0, 0)
                entry.0 += 1
                if graph.degree(of: i) > 0 { entry.1 += 1 }
                counts[key(c)] = entry
            }
            return counts.map { GroupCount(name: name($0.key), cities: $0.value.0, linkedCities: $0.value.1) }
                .sorted { $0.cities != $1.cities ? $0.cities > $1.cities : $0.name < $1.name }
        }
        byField = groups({ $0.field }, name: { $0.rawValue })
        byRegion = groups({ $0.region }, name: { $0.rawValue })
        var perYear: [Int: Int] = [:]
        for c in cities { if let y = c.year { perYear[y, default: 0] += 1 } }
        if let first = perYear.keys.min(), let last = perYear.keys.max() {
            designationsByYear = (first...last).map { ($0, perYear[$0] ?? 0) }
        } else {
            designationsByYear = []
        }
        unknownYearCount = cities.filter { $0.year == nil }.count
    }
}
