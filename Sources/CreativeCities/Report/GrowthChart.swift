/// A bar chart of new designations per year with the running total above each bar, as a
/// small standalone SVG document (no script, no external font).
public enum GrowthChart {
    /// A bar chart of new designations per year, as an SVG document.
    ///
    /// - Parameters:
    ///   - counts: new designations per year, oldest first.
    ///   - highlightYear: a year to draw in the accent colour (the focus city's designation).
    public static func svg(counts: [(year: Int, count: Int)], highlightYear: Int? = nil) -> String {
        let barWidth = 30, gap = 8, left = 44, right = 16, top = 34, plotHeight = 200, bottom = 44
        let width = left + right + counts.count * (barWidth + gap)
        let height = top + plotHeight + bottom
        let maxCount = max(1, counts.map(\.count).max() ?? 1)
        let step = niceStep(maxCount)
        let axisMax = ((maxCount + step - 1) / step) * step
        func y(_ v: Int) -> Int { top + plotHeight - v * plotHeight / axisMax }
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="system-ui, DejaVu Sans, Arial, sans-serif" font-size="11">

            """
        s += "<title>New member cities per designation year</title>\n"
        var tick = 0
        while tick <= axisMax {
            s +=
                "<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(width - right)\" y2=\"\(y(tick))\" stroke=\"#d0d7de\" stroke-width=\"1\"/>\n"
            s += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" fill=\"#57606a\">\(tick)</text>\n"
            tick += step
        }
        var total = 0
        for (i, entry) in counts.enumerated() {
            total += entry.count
            let x = left + gap / 2 + i * (barWidth + gap)
            let fill = entry.year == highlightYear ? "#d55e00" : "#0072b2"
            if entry.count > 0 {
                s +=
                    "<rect x=\"\(x)\" y=\"\(y(entry.count))\" width=\"\(barWidth)\" height=\"\(y(0) - y(entry.count))\" fill=\"\(fill)\"><title>\(entry.year): \(entry.count) new, \(total) in total</title></rect>\n"
            }
            s +=
                "<text x=\"\(x + barWidth / 2)\" y=\"\(y(entry.count) - 4)\" text-anchor=\"middle\" fill=\"#1f2328\">\(entry.count)</text>\n"
            s +=
                "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plotHeight + 15)\" text-anchor=\"middle\" fill=\"#1f2328\">\(entry.year)</text>\n"
            s +=
                "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plotHeight + 30)\" text-anchor=\"middle\" fill=\"#57606a\">\(total)</text>\n"
        }
        s +=
            "<text x=\"\(left)\" y=\"16\" fill=\"#1f2328\" font-size=\"12\">Bars: new member cities that year. Grey numbers under the years: members in total after that year.</text>\n"
        s += "</svg>\n"
        return s
    }

    /// 1, 2, 5, 10, 20, 50… so that there are at most about six grid lines.
    static func niceStep(_ maxValue: Int) -> Int {
        var step = 1
        while maxValue / step > 6 {
            if maxValue / (step * 2) <= 6 { return step * 2 }
            if maxValue / (step * 5) <= 6 { return step * 5 }
            step *= 10
        }
        return step
    }
}
