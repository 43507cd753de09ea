import GraphAlgorithms

/// Why a ``NetworkMap`` could not be set up.
public enum NetworkMapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The focus city of an ego map, or a suggested partner, is not in the dataset.
    case unknownCity(String)
    /// An ego map's radius is below 1.
    case invalidRadius(Int)
    /// The measure cannot size cities (a label, such as the component number).
    case unsupportedSizeMeasure(CentralityMeasure)
    /// Community labels given by the caller do not have one label per city.
    case communityLabelCount(expected: Int, found: Int)
    /// The size measure could not be computed.
    case measure(CentralityMeasure, String)
    /// The geographic scale (points per degree) is not a positive number.
    case invalidScale(Double)
    /// A geographic map's area (a bounding box) is not well formed.
    case invalidArea(String)
    /// No city with coordinates lies in a geographic map's area.
    case emptyArea(String)

    /// A sentence naming the city, radius or measure and what was expected.
    public var description: String {
        switch self {
        case let .unknownCity(id):
            return "no member city with id \"\(id)\""
        case let .invalidRadius(radius):
            return "the radius must be 1 or more (got \(radius))"
        case let .unsupportedSizeMeasure(measure):
            let names = NetworkMap.sizeMeasures.map(\.rawValue).joined(separator: ", ")
            return "cities cannot be sized by \(measure.rawValue); use one of \(names)"
        case let .communityLabelCount(expected, found):
            return "community labels: expected one per city (\(expected)), got \(found)"
        case let .measure(measure, message):
            return "\(measure.title) could not be computed: \(message)"
        case let .invalidScale(scale):
            return "the geographic scale must be a positive number of points per degree (got \(scale))"
        case let .invalidArea(message):
            return "bounding box \(message)"
        case let .emptyArea(name):
            return "no member city with coordinates lies in \(name)"
        }
    }
}
