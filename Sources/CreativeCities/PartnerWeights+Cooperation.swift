extension PartnerWeights {
    /// The `cooperation` goal's weights: fitted by ``ConditionalLogit`` (λ = 1) on every
    /// documented cooperation pair of the bundled data (cooperation.csv and partnership
    /// links), rounded to 4 decimals. Reproduce them with
    /// `uccn partners-eval --goal cooperation --fit` (which prints these numbers and
    /// ``cooperationSpread``); a test refits and compares. See `docs/partners.md`.
    public static let cooperation = PartnerWeights(values: [
        .sameField: 2.84,
        .fieldAffinity: 0.7355,
        .complementaryField: 0.1827,
        .cooperationPartners: -1.1129,
        .cooperationPathProximity: -0.2318,
        .documentedActivity: 1.5882,
        .subnetworkActivity: 1.939,
        .sameRegion: 0.3761,
        .sameCountry: 1.654,
        .geographicProximity: 0.685,
        .membershipYears: 1.4626,
        .sisterCityLink: -0.4568,
        .commonPartners: 0.2994,
        .preferentialAttachment: 0.3196,
        .statedIntention: -0.3092,
    ])

    /// The standard deviation of each fitted weight over the evaluation's refits (seeds
    /// 1001–1020, 20 % of the pairs held out each time): the model's noise, used to say when
    /// two suggestions are tied.
    public static let cooperationSpread = PartnerWeights(values: [
        .sameField: 0.1583,
        .fieldAffinity: 0.1209,
        .complementaryField: 0.1609,
        .cooperationPartners: 0.5376,
        .cooperationPathProximity: 0.422,
        .documentedActivity: 0.2041,
        .subnetworkActivity: 0.2499,
        .sameRegion: 0.1215,
        .sameCountry: 0.1694,
        .geographicProximity: 0.1997,
        .membershipYears: 0.0909,
        .sisterCityLink: 0.2438,
        .commonPartners: 0.2392,
        .preferentialAttachment: 0.087,
        .statedIntention: 0.0544,
    ])
}
