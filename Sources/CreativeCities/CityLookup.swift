import Foundation

/// Finds a member city from what a person types: an id (`hanoi-vn`), a name in any case,
/// with or without diacritics and spaces (`Hanoi`, `Ha Noi`, `hà nội`, `HANOI`), or a name
/// with its country (`Granada, Spain`, `Granada (Nicaragua)`, `Granada NI`).
///
/// Matching is exact on *folded* text: lower case, diacritics removed (`đ`→`d`, `ø`→`o`,
/// `ß`→`ss`, …) and everything but letters and digits dropped. A name shared by several
/// cities is an error listing them with their ids; an unknown name is an error suggesting
/// the closest names by edit distance (Levenshtein) on the folded names.
public struct CityLookup: Sendable {
    /// The cities searched, in dataset order.
    public let cities: [City]
    private let byID: [String: Int]
    private let byFoldedName: [String: [Int]]
    private let byFoldedID: [String: Int]
    private let foldedNames: [String]

    /// A lookup over `cities` (their folded names are indexed once).
    public init(cities: [City]) {
        self.cities = cities
        var byID: [String: Int] = [:]
        var byFoldedName: [String: [Int]] = [:]
        var byFoldedID: [String: Int] = [:]
        var foldedNames: [String] = []
        for (i, c) in cities.enumerated() {
            byID[c.id.lowercased()] = i
            byFoldedID[Self.fold(c.id)] = i
            let name = Self.fold(c.name)
            byFoldedName[name, default: []].append(i)
            foldedNames.append(name)
        }
        self.byID = byID
        self.byFoldedName = byFoldedName
        self.byFoldedID = byFoldedID
        self.foldedNames = foldedNames
    }

    /// A lookup over the dataset's member cities.
    public init(dataset: CreativeCitiesDataset) { self.init(cities: dataset.cities) }

    /// The one city `query` names.
    /// - Throws: ``CityLookupError``: `.empty`, `.ambiguous` (with every candidate) or
    ///   `.unknown` (with the closest names).
    public func city(named query: String) throws(CityLookupError) -> City {
        cities[try index(of: query)]
    }

    /// Index in ``cities`` of the one city `query` names.
    public func index(of query: String) throws(CityLookupError) -> Int {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = Self.fold(trimmed)
        guard !folded.isEmpty else { throw .empty }
        if let i = byID[trimmed.lowercased()] { return i }
        if let matches = byFoldedName[folded] {
            if matches.count == 1 { return matches[0] }
            throw .ambiguous(query: trimmed, candidates: sortedCities(matches))
        }
        if let i = byFoldedID[folded] { return i }
        // "Name, Country", "Name (Country)" or "Name ISO2": the name must match exactly
        // and the rest must match the country or its ISO code.
        for (namePart, countryPart) in Self.nameAndCountrySplits(trimmed) {
            guard let matches = byFoldedName[Self.fold(namePart)] else { continue }
            let country = Self.fold(countryPart)
            let hits = matches.filter {
                Self.fold(cities[$0].country) == country || cities[$0].iso2.lowercased() == country
            }
            if hits.count == 1 { return hits[0] }
            if hits.count > 1 { throw .ambiguous(query: trimmed, candidates: sortedCities(hits)) }
        }
        throw .unknown(query: trimmed, suggestions: suggestions(for: folded))
    }

    /// Up to `limit` cities whose folded names are closest to `folded` (edit distance, then
    /// id), among those within `max(2, length / 2)` edits; names that start with the query
    /// count as distance 1.
    public func suggestions(for folded: String, limit: Int = 5) -> [City] {
        let query = Array(folded.unicodeScalars)
        let threshold = max(2, query.count / 2)
        var scored: [(distance: Int, index: Int)] = []
        for (i, name) in foldedNames.enumerated() {
            var d = Self.editDistance(query, Array(name.unicodeScalars))
            if name.hasPrefix(folded) || folded.hasPrefix(name) { d = min(d, 1) }
            if d <= threshold { scored.append((d, i)) }
        }
        scored.sort {
            $0.distance != $1.distance ? $0.distance < $1.distance : cities[$0.index].id < cities[$1.index].id
        }
        return scored.prefix(limit).map { cities[$0.index] }
    }

    private func sortedCities(_ indices: [Int]) -> [City] {
        indices.map { cities[$0] }.sorted { $0.id < $1.id }
    }

    private static func nameAndCountrySplits(_ text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        if let comma = text.lastIndex(of: ",") {
            result.append((String(text[..<comma]), String(text[text.index(after: comma)...])))
        }
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            result.append(
                (String(text[..<open]), String(text[text.index(after: open)..<text.index(before: text.endIndex)])))
        }
        if let space = text.lastIndex(of: " ") {
            result.append((String(text[..<space]), String(text[text.index(after: space)...])))
        }
        return result
    }

    /// Lower case, without diacritics, letters and digits only: `"Hà Nội"` → `"hanoi"`,
    /// `"Ha Noi"` → `"hanoi"`, `"Łódź"` → `"lodz"`.
    public static func fold(_ text: String) -> String {
        let base = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for scalar in base.unicodeScalars {
            if let replacement = specialLetters[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Letters that are not a base letter plus a combining mark, so diacritic folding keeps them.
    private static let specialLetters: [Unicode.Scalar: String] = [
        "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
    ]

    /// Levenshtein distance (insertions, deletions and substitutions cost 1), O(|a|·|b|).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Why a city could not be found.
public enum CityLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing to look up (empty or only punctuation).
    case empty
    /// Several cities have this name; `candidates` are sorted by id.
    case ambiguous(query: String, candidates: [City])
    /// No city has this name or id; `suggestions` are the closest names.
    case unknown(query: String, suggestions: [City])

    /// A sentence for the command line: the query, and the candidates or closest names.
    public var description: String {
        switch self {
        case .empty:
            return "no city given; expected a city name such as Hanoi or an id such as hanoi-vn"
        case let .ambiguous(query, candidates):
            let list = candidates.map { "\($0.id) (\($0.name), \($0.country), \($0.field.cityTitle))" }
            return
                "\"\(query)\" names \(candidates.count) member cities: \(list.joined(separator: "; ")); give the id instead"
        case let .unknown(query, suggestions):
            if suggestions.isEmpty {
                return "no member city is called \"\(query)\"; expected a name such as Hanoi or an id such as hanoi-vn"
            }
            let list = suggestions.map { "\($0.name) (\($0.id))" }
            return "no member city is called \"\(query)\"; did you mean \(list.joined(separator: ", "))?"
        }
    }
}
