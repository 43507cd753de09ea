/// What a reader of the report can set, in one place.
public struct ReportSettings: Sendable, Hashable {
    /// Seed of every randomised step (community detection, layouts); the same seed and
    /// data give the same report, byte for byte.
    public var seed: UInt64
    /// Links from the focus city drawn on its own map.
    public var radius: Int
    /// Cities listed in "top" tables and labelled on maps.
    public var topCount: Int
    /// Partner suggestions listed for the focus city.
    public var suggestionCount: Int
    /// Further community-detection runs (other seeds) that measure stability.
    public var ensembleRuns: Int
    /// What the maps' fill colour shows.
    public var colorBy: NetworkMap.Coloring
    /// The measure that sizes the cities on the maps: `links` or a centrality of
    /// `NetworkMap.sizeMeasures` (its `metrics.csv` key).
    public var sizeBy: String
    /// How the data folder is named in the report (`Graphs/`).
    public var dataLabel: String

    /// Settings with the report's defaults: seed 42, radius 1, 10 cities and suggestions, 20
    /// further community runs, maps coloured by community and sized by links.
    public init(
        seed: UInt64 = 42, radius: Int = 1, topCount: Int = 10, suggestionCount: Int = 10, ensembleRuns: Int = 20,
        colorBy: NetworkMap.Coloring = .community, sizeBy: String = "links", dataLabel: String = "Graphs/"
    ) {
        self.seed = seed
        self.radius = radius
        self.topCount = topCount
        self.suggestionCount = suggestionCount
        self.ensembleRuns = ensembleRuns
        self.colorBy = colorBy
        self.sizeBy = sizeBy
        self.dataLabel = dataLabel
    }
}
