/// Places city names on a map so that no two overlap: a greedy, priority-ordered
/// candidate-position method (the "fixed-position model" of Christensen, Marks & Shieber
/// 1995, "An empirical study of algorithms for point-feature label placement", ACM
/// Transactions on Graphics 14(3), with their greedy algorithm).
///
/// Labels are taken in the caller's order (most important first). For each, the candidate
/// positions around its circle are tried in a fixed order — right, left, above, below, then
/// the four diagonals, then the same eight further out (1.6× the gap; a required label also
/// 2.4×, 3.4×, 5× and 7×, so it stays near its city when possible) — and
/// the label goes to the first candidate that overlaps no placed label, stays inside the
/// bounds and covers no other circle or fixed obstacle; failing that (when the request
/// allows it), to the candidate that overlaps no placed label and covers the fewest
/// circles. A label with no candidate free
/// of placed labels is dropped (a required label is tried further out first). Every box is
/// an axis-aligned rectangle; the text's box comes from ``estimatedWidth(of:fontSize:bold:)``
/// (per-character widths of DejaVu Sans, the widest of the fonts in the SVG family list)
/// and ``lineHeight(fontSize:)``, plus ``padding`` on each side.
///
/// Coordinates are Graphviz points, y growing upwards. With n labels, c candidates and m
/// obstacles: O(n · c · (n + m)) time, a few milliseconds for a map.
public enum LabelPlacement {
    /// An axis-aligned rectangle.
    public struct Box: Sendable, Hashable {
        public var minX: Double, minY: Double, maxX: Double, maxY: Double

        public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        /// The box of width `width` and height `height` centred on (`x`, `y`).
        public init(centerX x: Double, centerY y: Double, width: Double, height: Double) {
            self.init(minX: x - width / 2, minY: y - height / 2, maxX: x + width / 2, maxY: y + height / 2)
        }

        /// Whether the two boxes share interior area (touching edges do not count).
        public func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// Whether `other` lies entirely inside this box.
        public func contains(_ other: Box) -> Bool {
            other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
        }
    }

    /// A label to place: the point it names (a circle of `radius` points at `x`, `y`).
    public struct Request: Sendable, Hashable {
        public var id: String
        public var text: String
        public var x: Double, y: Double
        public var radius: Double
        public var fontSize: Double
        public var bold: Bool
        /// Tried further out before being dropped (the focus city, suggested partners).
        public var required: Bool
        /// Whether the label may cover other circles when no free position is left (else it
        /// is dropped).
        public var coversCircles: Bool

        public init(
            id: String, text: String, x: Double, y: Double, radius: Double, fontSize: Double, bold: Bool = false,
            required: Bool = false, coversCircles: Bool = true
        ) {
            self.coversCircles = coversCircles
            self.id = id
            self.text = text
            self.x = x
            self.y = y
            self.radius = radius
            self.fontSize = fontSize
            self.bold = bold
            self.required = required
        }
    }

    /// A placed label: its request and the centre and box of its text.
    public struct Placed: Sendable, Hashable {
        public var request: Request
        public var x: Double, y: Double
        public var box: Box
    }

    /// Space kept around each label's text, in points.
    public static let padding = 1.5

    /// Height of one line of text: 1.2 × the font size.
    public static func lineHeight(fontSize: Double) -> Double { 1.2 * fontSize }

    /// Estimated width of `text` in points: per-character advance widths of DejaVu Sans in
    /// ems (narrow letters 0.30, f t r 0.40, space 0.32, m w 0.95, capitals and digits 0.70,
    /// other letters 0.62), × 1.1 in bold, × the font size. DejaVu Sans is wider than the
    /// other families in the list (Helvetica, Arial, Liberation Sans), so the estimate is
    /// an upper bound for them.
    public static func estimatedWidth(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for ch in text {
            switch ch {
            case "i", "j", "l", ".", ",", "'", "’", "|", "!", ":", ";", "I": ems += 0.30
            case "f", "t", "r", "(", ")", "-": ems += 0.40
            case " ": ems += 0.32
            case "m", "w", "M", "W": ems += 0.95
            default:
                if ch.isUppercase || ch.isNumber { ems += 0.70 } else { ems += 0.62 }
            }
        }
        return ems * fontSize * (bold ? 1.1 : 1)
    }

    /// The box a label's text takes when centred on (`x`, `y`), padding included.
    public static func box(of request: Request, centerX x: Double, centerY y: Double) -> Box {
        Box(
            centerX: x, centerY: y,
            width: estimatedWidth(of: request.text, fontSize: request.fontSize, bold: request.bold) + 2 * padding,
            height: lineHeight(fontSize: request.fontSize) + 2 * padding)
    }

    /// Places `requests` (most important first) among `obstacles` (city circles and other
    /// fixed marks, as boxes), inside `bounds` when given; returns the placed labels in the
    /// order of the requests, without the dropped ones.
    public static func place(_ requests: [Request], obstacles: [Box], bounds: Box? = nil) -> [Placed] {
        var placed: [Placed] = []
        for request in requests {
            let own = Box(
                centerX: request.x, centerY: request.y, width: 2 * request.radius, height: 2 * request.radius)
            let others = obstacles.filter { $0 != own }
            let scales = request.required ? [1.0, 1.6, 2.4, 3.4, 5, 7] : [1.0, 1.6]
            var best: (placed: Placed, covered: Int)?
            search: for scale in scales {
                for (cx, cy) in candidates(for: request, scale: scale) {
                    let box = box(of: request, centerX: cx, centerY: cy)
                    if let bounds, !bounds.contains(box) { continue }
                    if placed.contains(where: { $0.box.intersects(box) }) { continue }
                    if box.intersects(own.insetBy(0.5)) { continue }
                    let covered = others.reduce(0) { $0 + ($1.intersects(box) ? 1 : 0) }
                    let candidate = Placed(request: request, x: cx, y: cy, box: box)
                    if covered == 0 {
                        best = (candidate, 0)
                        break search
                    }
                    if request.coversCircles, best == nil || covered < best?.covered ?? .max {
                        best = (candidate, covered)
                    }
                }
            }
            if let best { placed.append(best.placed) }
        }
        return placed
    }

    /// Centres of the label's candidate positions at `scale` × the gap from its circle.
    static func candidates(for r: Request, scale: Double) -> [(Double, Double)] {
        let w = estimatedWidth(of: r.text, fontSize: r.fontSize, bold: r.bold) + 2 * padding
        let h = lineHeight(fontSize: r.fontSize) + 2 * padding
        let gap = 2 * scale + (scale - 1) * r.fontSize
        let dx = r.radius + gap + w / 2
        let dy = r.radius + gap + h / 2
        let diagonal = r.radius * 0.7 + gap
        return [
            (r.x + dx, r.y), (r.x - dx, r.y), (r.x, r.y + dy), (r.x, r.y - dy),
            (r.x + diagonal + w / 2, r.y + diagonal + h / 2), (r.x - diagonal - w / 2, r.y + diagonal + h / 2),
            (r.x + diagonal + w / 2, r.y - diagonal - h / 2), (r.x - diagonal - w / 2, r.y - diagonal - h / 2),
        ]
    }
}

extension LabelPlacement.Box {
    /// The box shrunk by `d` on every side.
    public func insetBy(_ d: Double) -> LabelPlacement.Box {
        LabelPlacement.Box(minX: minX + d, minY: minY + d, maxX: maxX - d, maxY: maxY - d)
    }
}
