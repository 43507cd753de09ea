extension NetworkMap {
    /// One colour entry of the legend.
    public struct LegendSwatch: Sendable, Hashable {
        /// The fill colour, `#RRGGBB`.
        public var color: String
        /// What the colour stands for (a field, a region, a community).
        public var label: String
    }

    /// Fill of the legend's entry for the faded cities (no known link) under field or
    /// region colouring: a mid grey at the fading's opacity.
    public static let fadedSwatchColor = "#80808066"

    /// The colour entries of the legend (for a report that draws its own legend): fields or
    /// regions with their number of cities on the map, then "faded: no known link" when
    /// such cities are drawn; for communities, the coloured ones (named after their
    /// best-connected city, with their number of cities on the map), then "smaller
    /// communities" in grey and "no known link".
    public var colorSwatches: [LegendSwatch] {
        var swatches = baseColorSwatches
        if options.coloring != .community {
            let faded = shownCities.filter { degrees[$0] == 0 }.count
            if faded > 0 {
                swatches.append(
                    LegendSwatch(
                        color: Self.fadedSwatchColor,
                        label: "faded: no known link (\(faded) \(faded == 1 ? "city" : "cities"))"))
            }
        }
        return swatches
    }

    private var baseColorSwatches: [LegendSwatch] {
        let shown = shownCities.map { dataset.cities[$0] }
        switch options.coloring {
        case .field:
            let byField = Dictionary(grouping: shown, by: \.field).mapValues(\.count)
            return CreativeField.allCases
                .filter { byField[$0] != nil }
                .sorted { (byField[$0] ?? 0, $1.rawValue) > (byField[$1] ?? 0, $0.rawValue) }
                .map {
                    LegendSwatch(
                        color: Self.fieldColors[$0] ?? Self.otherCommunityColor,
                        label: "\($0.rawValue) (\(byField[$0] ?? 0))")
                }
        case .region:
            let byRegion = Dictionary(grouping: shown, by: \.region).mapValues(\.count)
            return UNESCORegion.allCases
                .filter { byRegion[$0] != nil }
                .sorted { (byRegion[$0] ?? 0, $1.rawValue) > (byRegion[$1] ?? 0, $0.rawValue) }
                .map {
                    LegendSwatch(
                        color: Self.regionColors[$0] ?? Self.otherCommunityColor,
                        label: "\($0.rawValue) (\(byRegion[$0] ?? 0))")
                }
        case .community:
            var members: [Int: [Int]] = [:]
            var unlinked = 0
            for i in shownCities {
                if let number = communityNumber(of: i) { members[number, default: []].append(i) } else { unlinked += 1 }
            }
            var swatches: [LegendSwatch] = []
            let colored = members.keys.filter { $0 < Self.communityColors.count }.sorted()
            // Each community is named after its best-connected city in the whole network (the
            // first member `uccn clusters` lists; the same name on every map, whatever the size
            // measure); the count is of its cities on this map.
            var wholeMembers: [Int: [Int]] = [:]
            for i in dataset.cities.indices {
                if let number = communityNumber(of: i) { wholeMembers[number, default: []].append(i) }
            }
            for number in colored {
                let list = members[number] ?? []
                let best = (wholeMembers[number] ?? list).max { a, b in
                    degrees[a] != degrees[b] ? degrees[a] < degrees[b] : dataset.cities[a].name > dataset.cities[b].name
                }
                let around = best.map { " around \(dataset.cities[$0].name)" } ?? ""
                swatches.append(
                    LegendSwatch(
                        color: Self.communityColors[number],
                        label: "community \(number)\(around) (\(list.count))"))
            }
            let others = members.keys.filter { $0 >= Self.communityColors.count }
            if !others.isEmpty {
                let cities = others.reduce(0) { $0 + (members[$1]?.count ?? 0) }
                swatches.append(
                    LegendSwatch(
                        color: Self.otherCommunityColor,
                        label: "\(others.count) smaller \(others.count == 1 ? "community" : "communities") (\(cities))")
                )
            }
            if unlinked > 0 {
                swatches.append(
                    LegendSwatch(color: Self.unlinkedColor + "66", label: "no known link, no community (\(unlinked))"))
            }
            return swatches
        }
    }

    /// What the colour shows, in words.
    public var colorDescription: String {
        switch options.coloring {
        case .field: "creative field"
        case .region: "UNESCO region"
        case .community:
            "community of the sister-city and partnership network (Leiden, modularity; the \(Self.communityColors.count) largest coloured, the others grey)"
        }
    }

    /// What the circle size shows, in words.
    public var sizeDescription: String {
        let what =
            options.sizeBy == .degree
            ? "number of sister-city and partnership links" : "\(sizeWord) on the sister-city and partnership network"
        return "circle area proportional to \(what) (the smallest enlarged to stay visible)"
    }

    /// The title line of the legend.
    public var title: String {
        let cities = dataset.cities
        switch options.kind {
        case .whole:
            let linked = degrees.filter { $0 > 0 }.count
            return "UNESCO Creative Cities Network: \(cities.count) cities, \(linked) with a known link"
        case let .ego(_, radius, _):
            guard let focusIndex else { return "" }
            let name = cities[focusIndex].displayName
            if egoDistances.count <= 1 {
                let suggested = suggestedIndices.count
                return suggested == 0
                    ? "\(name) has no known partner city yet"
                    : "\(name) has no known partner city yet: its \(suggested) suggested \(suggested == 1 ? "partner" : "partners")"
            }
            return "\(name) and its partners within \(radius) \(radius == 1 ? "link" : "links")"
        case .geographic:
            if let area = options.area {
                return "UNESCO Creative Cities in \(area.name): \(shownCities.count) cities"
            }
            return "UNESCO Creative Cities on the world map: \(shownCities.count) of \(cities.count) cities placed"
        }
    }

    /// The legend under the map (an HTML-like label): title, what colour and size show,
    /// colour swatches, link kinds with counts, and per kind a note (suggested partners,
    /// cities not placed).
    func legend() -> String {
        let swatches = colorSwatches.map { (color: $0.color, text: $0.label) }
        let drawn = drawnLinks
        let countOf = Dictionary(grouping: drawn, by: \.kind).mapValues(\.count)
        func swatchCells(_ item: (color: String, text: String)?) -> String {
            guard let item else { return "<td></td><td></td>" }
            return "<td width=\"14\" height=\"14\" fixedsize=\"true\" bgcolor=\"\(item.color)\" style=\"rounded\"></td>"
                + "<td align=\"left\">\(escape(item.text))</td>"
        }
        func lineCells(_ color: String, _ sample: String, _ text: String) -> String {
            "<td align=\"right\"><font color=\"\(String(color.prefix(7)))\">\(sample)</font></td>"
                + "<td align=\"left\">\(escape(text))</td>"
        }
        var kinds: [String] = []
        let samples: [LinkKind: (String, String)] = [
            .sisterCity: ("———", "sister cities"),
            .partnership: ("<b>━━━</b>", "partnership"),
            .cooperation: ("━━━", "documented cooperation"),
            .proposed: ("- - -", "proposed cooperation"),
            .planned: ("· · ·", "planned cooperation"),
        ]
        for kind in LinkKind.allCases where options.linkKinds.contains(kind) {
            guard let (sample, text) = samples[kind], let style = Self.linkStyles[kind] else { continue }
            if countOf[kind] == nil, options.kind != .whole { continue }
            kinds.append(lineCells(style.color, sample, "\(text) (\(countOf[kind] ?? 0))"))
        }
        if !suggestedIndices.isEmpty {
            kinds.append(
                lineCells(Self.suggestionStyle.color, "<b>- - -</b>", "suggested partner (\(suggestedIndices.count))"))
        }
        let columns = (swatches.count + 1) / 2
        var rows = ""
        for r in 0..<max(columns, kinds.count) {
            rows +=
                "<tr>" + swatchCells(r < columns ? swatches[r] : nil)
                + swatchCells(r + columns < swatches.count ? swatches[r + columns] : nil)
                + (r < kinds.count ? kinds[r] : "<td></td><td></td>") + "</tr>"
        }
        var notes: [String] = []
        switch options.kind {
        case .whole:
            break
        case let .ego(_, radius, _):
            var byDistance = [Int](repeating: 0, count: radius + 1)
            for d in egoDistances.values { byDistance[d] += 1 }
            var parts: [String] = []
            for d in 1...radius where byDistance[d] > 0 || d == 1 {
                let n = byDistance[d]
                if d == 1, n == 0 {
                    parts.append("no known sister-city or partnership link")
                } else {
                    parts.append(
                        d == 1
                            ? "\(n) direct \(n == 1 ? "partner" : "partners")"
                            : "\(n) \(n == 1 ? "city" : "cities") \(d) links away")
                }
            }
            if let focusIndex {
                let proposed = dataset.links(of: dataset.cities[focusIndex].id, kinds: [.proposed]).count
                if proposed > 0, options.linkKinds.contains(.proposed) {
                    parts.append("\(proposed) \(proposed == 1 ? "city" : "cities") proposed for cooperation (dashed)")
                }
            }
            notes.append(parts.joined(separator: ", "))
            if !suggestedIndices.isEmpty {
                let focusID = focusIndex.map { dataset.cities[$0].id } ?? ""
                let proposed = Set(dataset.links(of: focusID, kinds: [.proposed]).map { $0.other(than: focusID) })
                let names = suggestedIndices.map { j in
                    dataset.cities[j].name + (proposed.contains(dataset.cities[j].id) ? " (already proposed)" : "")
                }.joined(separator: ", ")
                notes.append("Suggested partners, best first: \(names)")
            }
        case .geographic:
            let step = options.area == nil ? 30 : 10
            notes.append(
                "Equal Earth projection (equal-area); land and borders: Natural Earth 1:110m; grey lines every \(step)°"
            )
            if insetView != nil {
                notes.append("Europe is enlarged below the world map; its cities are named there")
            }
            if options.area != nil {
                notes.append("Only cities inside the map are drawn, with the links between them")
            }
            let unplaced = options.area == nil ? unplacedCities : []
            if !unplaced.isEmpty {
                notes.append("Not placed (no coordinates): " + unplaced.map(\.displayName).joined(separator: ", "))
            }
        }
        var html =
            "<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
            + "<tr><td align=\"left\"><font point-size=\"20\"><b>\(escape(title))</b></font></td></tr>"
        for note in ["Colour: \(colorDescription)", "Size: \(sizeDescription)"] + notes {
            html += "<tr><td align=\"left\"><font point-size=\"12\">\(escape(note))</font></td></tr>"
        }
        html +=
            "<tr><td align=\"left\"><table border=\"0\" cellspacing=\"3\" cellpadding=\"1\">" + rows
            + "</table></td></tr>"
            + "</table>"
        return html
    }
}
