/// Everything `uccn partners` (and any other front end) can ask for, as plain values a
/// form or a URL's query can fill: the city as typed, the goal, the link layers, filters as
/// text, how many suggestions and what-ifs, and optional weights.
/// ``PartnerRequest/suggestions(in:)`` is the one entry point that resolves and runs it.
public struct PartnerRequest: Sendable, Equatable {
    /// The city: a name, a name with its country, or an id (see ``CityLookup``).
    public var city: String
    public var goal: PartnerGoal
    /// Link layers the ranking may use (`nil`: all five).
    public var layers: Set<LinkKind>?
    public var top: Int
    /// Only candidates of this field, region or country (text as a user types it).
    public var field: String?
    public var region: String?
    public var country: String?
    public var includeLinked: Bool
    /// For how many of the first suggestions to compute the what-if ranks.
    public var whatIf: Int
    /// Weights overriding the goal's defaults.
    public var weights: PartnerWeights?

    public init(
        city: String, goal: PartnerGoal = .cooperation, layers: Set<LinkKind>? = nil, top: Int = 10,
        field: String? = nil, region: String? = nil, country: String? = nil, includeLinked: Bool = false,
        whatIf: Int = 10, weights: PartnerWeights? = nil
    ) {
        self.city = city
        self.goal = goal
        self.layers = layers
        self.top = top
        self.field = field
        self.region = region
        self.country = country
        self.includeLinked = includeLinked
        self.whatIf = whatIf
        self.weights = weights
    }

    /// Resolves the city and the filters in `dataset` and ranks. Every problem is a usage
    /// error with a readable message (an unknown or ambiguous city, filter or count).
    public func suggestions(in dataset: CreativeCitiesDataset) throws(PartnerRequestError) -> PartnerSuggestions {
        let index: Int
        do {
            index = try CityLookup(dataset: dataset).index(of: city)
        } catch {
            throw .city(error)
        }
        let suggester = PartnerSuggester(dataset: dataset, layers: layers ?? Set(LinkKind.allCases))
        do throws(PartnerQueryError) {
            var fieldValue: CreativeField? = nil
            var regionValue: UNESCORegion? = nil
            var countryValue: String? = nil
            if let field { fieldValue = try PartnerSuggester.field(field) }
            if let region { regionValue = try PartnerSuggester.region(region) }
            if let country { countryValue = try suggester.countryISO2(country) }
            let query = PartnerQuery(
                city: index, goal: goal, top: top, field: fieldValue, region: regionValue, countryISO2: countryValue,
                includeLinked: includeLinked, weights: weights, whatIfLimit: whatIf)
            return try suggester.suggest(query)
        } catch {
            throw .query(error)
        }
    }
}

/// Why a ``PartnerRequest`` could not be answered.
public enum PartnerRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    case city(CityLookupError)
    case query(PartnerQueryError)

    public var description: String {
        switch self {
        case let .city(error): return error.description
        case let .query(error): return error.description
        }
    }
}
