/// Draws a ``ReportDocument`` as Markdown (GitHub-flavoured tables). Figures are linked
/// from their SVG files written next to the report; anchors are `<a id>` tags, so the
/// `#city-<id>` links of the HTML report work here too.
public enum MarkdownReportRenderer {
    /// The whole Markdown file for `document`.
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n\n_\(escape(document.subtitle))_\n\n## Contents\n\n"
        for (i, section) in document.sections.enumerated() {
            out += "\(i + 1). [\(escape(section.title))](#\(section.id))\n"
        }
        for section in document.sections {
            out += "\n<a id=\"\(section.id)\"></a>\n\n## \(escape(section.title))\n"
            for block in section.blocks {
                out += "\n"
                render(block, into: &out)
            }
        }
        return out
    }

    static func render(_ block: ReportBlock, into out: inout String) {
        switch block {
        case let .paragraph(text):
            out += inline(text) + "\n"
        case let .bullets(items):
            out += items.map { "- \(inline($0))\n" }.joined()
        case let .numbered(items):
            out += items.enumerated().map { "\($0.offset + 1). \(inline($0.element))\n" }.joined()
        case let .keyPoints(items):
            out += items.map { "> - \(inline($0))\n" }.joined()
        case let .note(text):
            out += "> _Note:_ \(inline(text))\n"
        case let .heading(title, anchor):
            if let anchor { out += "<a id=\"\(anchor)\"></a>\n\n" }
            out += "### \(escape(title))\n"
        case let .definitions(items):
            for d in items {
                let anchor = d.anchor.map { "<a id=\"\($0)\"></a>" } ?? ""
                out += "- \(anchor)**\(escape(d.term))**: \(inline(d.text))\n"
            }
        case let .table(table):
            if let caption = table.caption { out += "**\(escape(caption))**\n\n" }
            out += "| " + table.columns.map { cell(escape($0.title)) }.joined(separator: " | ") + " |\n"
            out += "|" + table.columns.map { $0.numeric ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
            for row in table.rows {
                var cells = row.cells.map { cell(inline($0)) }
                if row.highlighted { cells = cells.map { $0.isEmpty ? $0 : "**\($0)**" } }
                if let anchor = row.anchor, !cells.isEmpty { cells[0] = "<a id=\"\(anchor)\"></a>" + cells[0] }
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        case let .figure(figure):
            out += "<a id=\"\(figure.id)\"></a>\n\n**\(escape(figure.title))**\n\n"
            out += "![\(escape(figure.alt))](\(figure.fileName))\n\n"
            if !figure.legend.isEmpty {
                out +=
                    "Legend: "
                    + figure.legend.map { entry -> String in
                        let mark: String
                        switch entry.mark {
                        case .dot: mark = "dot"
                        case .ring: mark = "ring"
                        case .line: mark = "line"
                        case .dashedLine: mark = "dashed line"
                        }
                        return "\(mark) \(entry.color) = \(escape(entry.label))"
                    }.joined(separator: "; ") + "\n\n"
            }
            out += "_\(inline(figure.caption))_\n"
        }
    }

    static func cell(_ s: String) -> String {
        // Inline escaping already turned `|` into `\|`; a cell must stay on one line.
        s.replacingOccurrences(of: "\n", with: " ")
    }

    static func inline(_ text: ReportText) -> String {
        text.map { run -> String in
            switch run {
            case let .text(s): return escape(s)
            case let .strong(s): return s.isEmpty ? "" : "**\(escape(s))**"
            case let .emphasis(s): return s.isEmpty ? "" : "_\(escape(s))_"
            case let .code(s): return "`\(s)`"
            case let .webAddress(s):
                guard isWebAddress(s), !s.contains(where: { " <>()".contains($0) }) else { return "`\(s)`" }
                return "[`\(s)`](\(s))"
            case let .city(id, name): return "[\(escape(name))](#city-\(id))"
            case let .anchor(id, text): return "[\(escape(text))](#\(id))"
            }
        }.joined()
    }

    /// Escapes the characters Markdown would read as markup inside running text.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "|": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
