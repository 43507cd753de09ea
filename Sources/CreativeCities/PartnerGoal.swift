/// What a partner ranking is for.
public enum PartnerGoal: String, Sendable, CaseIterable, Codable, Equatable {
    /// "Which creative city should we work with in the UCCN?": scores fitted on documented
    /// cooperation between member cities (`cooperation.csv` and partnership links), in which
    /// the field's subnetwork and cooperation evidence count most and sister cities are a
    /// weak signal. The default.
    case cooperation
    /// "Which city would twin with us?": the weights tuned to predict held-out sister-city
    /// links, in which a city's number of sister cities counts most.
    case twinning

    /// The goal's default weights.
    public var defaultWeights: PartnerWeights {
        switch self {
        case .cooperation: return .cooperation
        case .twinning: return .defaults
        }
    }

    /// The goal in one sentence, for tables and the report.
    public var sentence: String {
        switch self {
        case .cooperation:
            return
                "Ranked for cooperation: which member cities this city is most likely to work with in the UCCN, "
                + "learned from documented cooperation between member cities (joint projects, agreements, "
                + "residencies, exchanges), where the field's subnetwork and cooperation evidence count most "
                + "and sister-city links count little."
        case .twinning:
            return
                "Ranked for twinning: which member cities are most likely to become sister cities, tuned on "
                + "held-out sister-city links, where a city's number of sister cities counts most."
        }
    }

    /// Parses `cooperation` or `twinning` (case ignored).
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
