/// Which creative fields complement each other: pairs of different fields whose cities
/// have reasons to work together beyond their own sub-network. The relation is symmetric;
/// a field is not listed as complementing itself (that is the "same field" score).
///
/// | field | complements | why |
/// |---|---|---|
/// | Design | Architecture | the built environment and urban regeneration (Hanoi's first pillar) |
/// | Design | Media Arts | digital, interaction and communication design |
/// | Design | Crafts and Folk Art | craft-based product design, craft villages and their markets |
/// | Architecture | Crafts and Folk Art | building crafts and heritage restoration |
/// | Film | Media Arts | the moving image, animation and post-production |
/// | Film | Literature | adaptation and screenwriting |
/// | Film | Music | scores, soundtracks and festivals |
/// | Music | Media Arts | sound art, electronic music and live media |
/// | Gastronomy | Crafts and Folk Art | local produce, food crafts and intangible heritage |
///
/// The table is a judgement, not data: each pair names a practice the two fields share, and
/// the table is kept small so that each entry can be defended. Change it here;
/// `docs/partners.md` shows it.
public enum FieldComplementarity {
    /// The complementary pairs, as listed above.
    public static let pairs: [(CreativeField, CreativeField)] = [
        (.design, .architecture),
        (.design, .mediaArts),
        (.design, .craftsAndFolkArt),
        (.architecture, .craftsAndFolkArt),
        (.film, .mediaArts),
        (.film, .literature),
        (.film, .music),
        (.music, .mediaArts),
        (.gastronomy, .craftsAndFolkArt),
    ]

    /// Whether `a` and `b` are different fields listed as complementary.
    public static func complements(_ a: CreativeField, _ b: CreativeField) -> Bool {
        a != b && pairs.contains { ($0.0 == a && $0.1 == b) || ($0.0 == b && $0.1 == a) }
    }

    /// The fields that complement `field`, in the order of `CreativeField.allCases`.
    public static func complements(of field: CreativeField) -> [CreativeField] {
        CreativeField.allCases.filter { complements(field, $0) }
    }
}
