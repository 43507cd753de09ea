/// A report as plain values, independent of its output format: the HTML and Markdown
/// renderers draw the same document, so both files carry the same content.

/// A run of inline text.
public enum ReportInline: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// Strong emphasis (a key number or name).
    case strong(String)
    /// Light emphasis.
    case emphasis(String)
    /// A link to a city's row in the city index (`#city-<id>`).
    case city(id: String, name: String)
    /// A link to a section or figure of the report (`#<anchor>`).
    case anchor(id: String, text: String)
    /// A code or file name (`links.csv`).
    case code(String)
    /// A web address shown as itself (in code type) and linked to; only `http` and `https`
    /// addresses become links, anything else is shown as code.
    case webAddress(String)
}

/// A paragraph or table cell: inline runs in order.
public typealias ReportText = [ReportInline]

extension Array where Element == ReportInline {
    /// The text without markup (for alt text, captions in CSV, tests).
    public var plainText: String {
        map { inline -> String in
            switch inline {
            case let .text(s), let .strong(s), let .emphasis(s), let .code(s), let .webAddress(s): return s
            case let .city(_, name): return name
            case let .anchor(_, text): return text
            }
        }.joined()
    }
}

/// A table with a header row; numeric columns are right-aligned.
public struct ReportTable: Sendable, Hashable {
    /// A column's header and alignment.
    public struct Column: Sendable, Hashable {
        /// The header text.
        public var title: String
        /// Whether values are numbers (right-aligned).
        public var numeric: Bool
        /// Whether the column is printed (a long table can leave some out on paper).
        public var onPaper: Bool
        /// A column headed `title`, printed unless `onPaper` is false.
        public init(_ title: String, numeric: Bool = false, onPaper: Bool = true) {
            self.title = title
            self.numeric = numeric
            self.onPaper = onPaper
        }
    }

    /// One row of cells.
    public struct Row: Sendable, Hashable {
        /// One cell a column.
        public var cells: [ReportText]
        /// An anchor on the row (`city-<id>` in the city index).
        public var anchor: String?
        /// Whether to highlight the row (the focus city).
        public var highlighted: Bool
        /// A row of `cells`, with an optional anchor and highlight.
        public init(_ cells: [ReportText], anchor: String? = nil, highlighted: Bool = false) {
            self.cells = cells
            self.anchor = anchor
            self.highlighted = highlighted
        }
    }

    /// What the table shows, above it.
    public var caption: String?
    /// The columns, left to right.
    public var columns: [Column]
    /// The rows, top to bottom.
    public var rows: [Row]
    /// A CSS class for compact, long tables (the city index).
    public var compact: Bool

    /// A table with its caption, columns and rows.
    public init(caption: String? = nil, columns: [Column], rows: [Row], compact: Bool = false) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.compact = compact
    }
}

/// One entry of a figure's legend: a colour swatch (or line style) and what it stands for.
public struct LegendEntry: Sendable, Hashable {
    /// How the entry is drawn.
    public enum Mark: String, Sendable, Hashable {
        /// A filled circle, a line, a dashed line or an outlined circle.
        case dot, line, dashedLine, ring
    }
    /// How the entry is drawn.
    public var mark: Mark
    /// `#rrggbb`.
    public var color: String
    /// What it stands for.
    public var label: String
    /// An entry drawn as `mark` in `color`, labelled `label`.
    public init(_ mark: Mark, color: String, label: String) {
        self.mark = mark
        self.color = color
        self.label = label
    }
}

/// An SVG figure: inlined in HTML, written next to the Markdown file and linked from it.
public struct ReportFigure: Sendable, Hashable {
    /// Anchor id (`map-ego`).
    public var id: String
    /// The figure's title.
    public var title: String
    /// What the figure shows and how to read it.
    public var caption: ReportText
    /// The SVG document.
    public var svg: String
    /// Path of the SVG file relative to the report (`maps/ego.svg`).
    public var fileName: String
    /// Short text alternative.
    public var alt: String
    /// Legend entries drawn under the figure; empty for none.
    public var legend: [LegendEntry]

    /// A figure with its anchor, title, caption, SVG, file name, alternative text and legend.
    public init(
        id: String, title: String, caption: ReportText, svg: String, fileName: String, alt: String,
        legend: [LegendEntry] = []
    ) {
        self.id = id
        self.title = title
        self.caption = caption
        self.svg = svg
        self.fileName = fileName
        self.alt = alt
        self.legend = legend
    }
}

/// A term and its explanation.
public struct ReportDefinition: Sendable, Hashable {
    /// The term defined.
    public var term: String
    /// An anchor id, so other parts of the report can link to it.
    public var anchor: String?
    /// The explanation.
    public var text: ReportText
    /// A definition of `term`.
    public init(_ term: String, anchor: String? = nil, _ text: ReportText) {
        self.term = term
        self.anchor = anchor
        self.text = text
    }
}

/// A block of a section.
public enum ReportBlock: Sendable, Hashable {
    /// A paragraph.
    case paragraph(ReportText)
    /// A bulleted list.
    case bullets([ReportText])
    /// A numbered list.
    case numbered([ReportText])
    /// A table.
    case table(ReportTable)
    /// A figure.
    case figure(ReportFigure)
    /// A list of terms and their explanations.
    case definitions([ReportDefinition])
    /// A highlighted box: the key points of a section.
    case keyPoints([ReportText])
    /// A sub-heading inside a section, with an optional anchor.
    case heading(String, anchor: String?)
    /// A short remark on the limits of what a section shows.
    case note(ReportText)
}

/// A top-level section with an anchor for the table of contents.
public struct ReportSection: Sendable, Hashable {
    /// Anchor id (`partners`).
    public var id: String
    /// The section's heading.
    public var title: String
    /// The section's content, in order.
    public var blocks: [ReportBlock]
    /// A section with its anchor, heading and content.
    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// The whole report.
public struct ReportDocument: Sendable, Hashable {
    /// The report's title.
    public var title: String
    /// A line under the title (dataset and settings).
    public var subtitle: String
    /// The sections, in order (the table of contents lists them).
    public var sections: [ReportSection]
    /// A document with its title, subtitle and sections.
    public init(title: String, subtitle: String, sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Every figure, in document order.
    public var figures: [ReportFigure] {
        sections.flatMap { $0.blocks }.compactMap { block in
            if case let .figure(f) = block { return f }
            return nil
        }
    }
}

/// Whether `address` is an absolute `http` or `https` address (the only ones a report links
/// to).
func isWebAddress(_ address: String) -> Bool {
    let lower = address.lowercased()
    return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !address.contains(where: \.isWhitespace)
}
