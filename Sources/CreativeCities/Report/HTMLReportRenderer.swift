/// Draws a ``ReportDocument`` as one self-contained HTML file: CSS and SVG inline, no
/// script, no font or image fetched from anywhere, a print style sheet for paper.
///
/// On a narrow screen (under 700 px) every wide table becomes a stack of cards, one per
/// row, each cell under its column's title (`data-label`), so nothing runs off the side;
/// each map links to its SVG file to open it full size. On paper the city index is set
/// small in three columns, and no figure, card or table row is split across pages.
public enum HTMLReportRenderer {
    /// The whole HTML file for `document`.
    public static func render(_ document: ReportDocument) -> String {
        var out = ""
        out.reserveCapacity(1 << 20)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(document.title))</title>\n<style>\n\(styleSheet)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(escape(document.title))</h1>\n<p class=\"subtitle\">\(escape(document.subtitle))</p>\n"
        out += "<nav aria-label=\"Contents\"><h2>Contents</h2>\n<ol>\n"
        for section in document.sections {
            out += "<li><a href=\"#\(escapeAttribute(section.id))\">\(escape(section.title))</a></li>\n"
        }
        out += "</ol></nav>\n</header>\n<main>\n"
        for section in document.sections {
            out += "<section id=\"\(escapeAttribute(section.id))\">\n<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks { render(block, into: &out) }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func render(_ block: ReportBlock, into out: inout String) {
        switch block {
        case let .paragraph(text):
            out += "<p>\(inline(text))</p>\n"
        case let .bullets(items):
            out += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        case let .numbered(items):
            out += "<ol>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ol>\n"
        case let .keyPoints(items):
            out +=
                "<div class=\"key-points\"><ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul></div>\n"
        case let .note(text):
            out += "<p class=\"note\">\(inline(text))</p>\n"
        case let .heading(title, anchor):
            let id = anchor.map { " id=\"\(escapeAttribute($0))\"" } ?? ""
            out += "<h3\(id)>\(escape(title))</h3>\n"
        case let .definitions(items):
            out += "<dl>\n"
            for d in items {
                let id = d.anchor.map { " id=\"\(escapeAttribute($0))\"" } ?? ""
                out += "<dt\(id)>\(escape(d.term))</dt><dd>\(inline(d.text))</dd>\n"
            }
            out += "</dl>\n"
        case let .table(table):
            render(table, into: &out)
        case let .figure(figure):
            render(figure, into: &out)
        }
    }

    static func render(_ table: ReportTable, into out: inout String) {
        out +=
            "<div class=\"table-wrap\(table.compact ? " compact-wrap" : "")\"><table\(table.compact ? " class=\"compact\"" : "")>\n"
        if let caption = table.caption { out += "<caption>\(escape(caption))</caption>\n" }
        out += "<thead><tr>"
        func classes(_ c: ReportTable.Column) -> String {
            let names = (c.numeric ? ["num"] : []) + (c.onPaper ? [] : ["screen-only"])
            return names.isEmpty ? "" : " class=\"\(names.joined(separator: " "))\""
        }
        for c in table.columns { out += "<th\(classes(c))>\(escape(c.title))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            var attributes = ""
            if let anchor = row.anchor { attributes += " id=\"\(escapeAttribute(anchor))\"" }
            if row.highlighted { attributes += " class=\"focus\"" }
            out += "<tr\(attributes)>"
            for (i, cell) in row.cells.enumerated() {
                guard i < table.columns.count else {
                    out += "<td>\(inline(cell))</td>"
                    continue
                }
                let column = table.columns[i]
                out += "<td\(classes(column)) data-label=\"\(escapeAttribute(column.title))\">\(inline(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    static func render(_ figure: ReportFigure, into out: inout String) {
        out += "<figure id=\"\(escapeAttribute(figure.id))\">\n"
        out += "<div class=\"figure-title\">\(escape(figure.title))</div>\n"
        out += "<div class=\"svg\" role=\"img\" aria-label=\"\(escapeAttribute(figure.alt))\">\n"
        out += inlineSVG(figure.svg, idPrefix: figure.id)
        out += "\n</div>\n"
        if !figure.legend.isEmpty {
            out += "<ul class=\"legend\" aria-label=\"Legend\">\n"
            for entry in figure.legend {
                out += "<li>\(swatch(entry))\(escape(entry.label))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<figcaption>\(inline(figure.caption))"
        out +=
            " <a class=\"full-size\" href=\"\(escapeAttribute(figure.fileName))\">Open full size</a>"
        out += "</figcaption>\n</figure>\n"
    }

    /// A small inline SVG mark for a legend entry.
    static func swatch(_ entry: LegendEntry) -> String {
        let c = escapeAttribute(entry.color)
        let body: String
        switch entry.mark {
        case .dot:
            body = "<circle cx=\"9\" cy=\"7\" r=\"6\" fill=\"\(c)\" stroke=\"#333333\" stroke-width=\"0.6\"/>"
        case .ring:
            body = "<circle cx=\"9\" cy=\"7\" r=\"5\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"2.5\"/>"
        case .line:
            body = "<line x1=\"0\" y1=\"7\" x2=\"18\" y2=\"7\" stroke=\"\(c)\" stroke-width=\"2.5\"/>"
        case .dashedLine:
            body =
                "<line x1=\"0\" y1=\"7\" x2=\"18\" y2=\"7\" stroke=\"\(c)\" stroke-width=\"2.5\" stroke-dasharray=\"4 3\"/>"
        }
        return
            "<svg class=\"swatch\" width=\"18\" height=\"14\" viewBox=\"0 0 18 14\" aria-hidden=\"true\">\(body)</svg>"
    }

    /// The SVG element of an SVG document, without the XML declaration, DOCTYPE and comments
    /// before it, so it can sit inside HTML.
    /// Element ids get `idPrefix` so that several maps (which name their nodes by city id)
    /// can sit in one page without clashing ids.
    static func inlineSVG(_ svg: String, idPrefix: String) -> String {
        guard let start = svg.range(of: "<svg") else { return escape(svg) }
        return String(svg[start.lowerBound...]).trimmingTrailingWhitespace()
            .replacingOccurrences(of: " id=\"", with: " id=\"\(idPrefix)-")
    }

    static func inline(_ text: ReportText) -> String {
        text.map { run -> String in
            switch run {
            case let .text(s): return escape(s)
            case let .strong(s): return "<strong>\(escape(s))</strong>"
            case let .emphasis(s): return "<em>\(escape(s))</em>"
            case let .code(s): return "<code>\(escape(s))</code>"
            case let .webAddress(s):
                guard isWebAddress(s) else { return "<code>\(escape(s))</code>" }
                return "<a href=\"\(escapeAttribute(s))\" rel=\"noopener noreferrer\"><code>\(escape(s))</code></a>"
            case let .city(id, name): return "<a href=\"#city-\(escapeAttribute(id))\">\(escape(name))</a>"
            case let .anchor(id, text): return "<a href=\"#\(escapeAttribute(id))\">\(escape(text))</a>"
            }
        }.joined()
    }

    /// `s` with `&`, `<` and `>` escaped for HTML text.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `s` escaped for a double-quoted HTML attribute value.
    public static func escapeAttribute(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let styleSheet = """
        :root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #0b5cad; --focus: #fff3c4; --box: #f3f7fb; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #ffffff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        header, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 28px; border-bottom: 1px solid var(--rule); }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 6px; }
        h2 { font-size: 1.45rem; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 1.12rem; margin: 26px 0 8px; }
        nav h2 { font-size: 1rem; border: 0; margin: 16px 0 4px; }
        nav ol { columns: 2; margin: 0 0 20px; padding-left: 22px; }
        .subtitle { color: var(--muted); margin: 0; }
        a { color: var(--accent); }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #f2f2f2; padding: 0 3px; border-radius: 3px; }
        .key-points { background: var(--box); border-left: 4px solid var(--accent); padding: 6px 16px; margin: 14px 0; }
        .key-points ul { margin: 6px 0; padding-left: 20px; }
        .note { color: var(--muted); font-size: 0.92rem; border-left: 3px solid var(--rule); padding-left: 10px; }
        .table-wrap { overflow-x: auto; margin: 10px 0 18px; }
        table { border-collapse: collapse; font-size: 0.93rem; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 10px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.compact { font-size: 0.82rem; }
        table.compact th, table.compact td { padding: 2px 7px; }
        tr.focus td { background: var(--focus); font-weight: 600; }
        tr:target td { background: #ffe08a; }
        dl { margin: 10px 0; }
        dt { font-weight: 600; margin-top: 10px; }
        dd { margin: 2px 0 0 20px; }
        figure { margin: 18px 0 28px; border: 1px solid var(--rule); border-radius: 6px; padding: 12px; }
        .figure-title { font-weight: 600; margin-bottom: 6px; }
        .svg svg { display: block; width: 100%; height: auto; margin: 0 auto; }
        .svg svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
        #map-ego .svg { max-width: 760px; margin: 0 auto; }
        figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 8px; }
        .legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 0.9rem; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        .swatch { flex: none; }
        .full-size { white-space: nowrap; }
        p, li, dd, figcaption, td code { overflow-wrap: anywhere; }
        td { overflow-wrap: break-word; }
        @media screen and (max-width: 700px) {
          body { font-size: 15px; }
          header, main { padding: 0 12px; }
          h1 { font-size: 1.5rem; }
          nav ol { columns: 1; }
          figure { padding: 8px; margin: 14px 0 20px; }
          .table-wrap { overflow-x: visible; }
          .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap td { display: block; width: 100%; }
          .table-wrap thead { display: none; }
          .table-wrap caption { display: block; }
          .table-wrap tr { border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 10px; padding: 4px 8px; }
          .table-wrap td, .table-wrap td.num { position: relative; border: 0; padding: 2px 0 2px 38%; min-height: 1.6em; text-align: left; white-space: normal; }
          .table-wrap td::before { content: attr(data-label); position: absolute; left: 0; top: 3px; width: 35%; color: var(--muted); font-size: 0.82em; font-weight: 600; line-height: 1.25; }
          .table-wrap td:first-child { font-weight: 600; }
          table.compact tr { padding: 3px 8px; margin-bottom: 6px; line-height: 1.35; }
          table.compact td, table.compact td.num { display: inline; padding: 0; margin-right: 0.9em; min-height: 0; }
          table.compact td::before { position: static; content: attr(data-label) ": "; font-size: 0.8em; }
          table.compact td:first-child { display: block; }
          table.compact td:first-child::before { content: none; }
          tr.focus { background: var(--focus); }
          tr.focus td { background: none; }
        }
        @media print {
          @page { size: A4; margin: 14mm 12mm; }
          body { font-size: 7.8pt; line-height: 1.28; }
          h1 { font-size: 17pt; }
          p, ul, ol, dl { margin: 4px 0; }
          .key-points { padding: 2px 10px; margin: 8px 0; }
          header, main { max-width: none; padding: 0; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          .full-size { display: none; }
          h2 { font-size: 12pt; margin: 12px 0 6px; break-after: avoid; page-break-after: avoid; }
          h3 { font-size: 10pt; margin: 10px 0 4px; break-after: avoid; }
          dt { margin-top: 4px; }
          figure, .key-points, tr, dt, dd, li { break-inside: avoid; page-break-inside: avoid; }
          figure { padding: 6px; margin: 10px 0 14px; }
          section { break-before: auto; }
          .table-wrap { overflow: visible; margin: 6px 0 10px; }
          table { font-size: 7pt; }
          th, td { padding: 1px 5px; }
          .legend { font-size: 7.5pt; gap: 2px 10px; }
          figcaption { font-size: 7.5pt; margin-top: 4px; }
          tr.focus td { background: none; }
          .svg svg { max-height: 100mm; }
          #map-geo .svg svg { max-height: 165mm; }
          .screen-only { display: none; }
          .compact-wrap { columns: 2; column-gap: 6mm; column-fill: balance; }
          table.compact { font-size: 5.7pt; line-height: 1.1; width: 100%; table-layout: fixed; }
          table.compact th, table.compact td { padding: 0 1.5pt; border-bottom: 0.3pt solid var(--rule); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
          table.compact th { white-space: normal; vertical-align: bottom; overflow-wrap: anywhere; }
          table.compact th { font-size: 5.6pt; line-height: 1.1; }
          table.compact th:nth-child(1) { width: 21%; }
          table.compact th:nth-child(2) { width: 15%; }
          table.compact th:nth-child(3) { width: 14%; }
          table.compact th:nth-child(4) { width: 8%; }
        }

        """
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
