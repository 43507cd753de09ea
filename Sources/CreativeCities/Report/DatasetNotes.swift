import Foundation

/// The provenance notes kept with the data (`README.md` next to `cities.csv`): its
/// "Sources", "Known gaps" and "Caveats" lists, quoted in the report's methods section so
/// the report never states more than the data supports.
public struct DatasetNotes: Sendable, Hashable {
    /// Where the data comes from, one item a source.
    public var sources: [ReportText]
    /// What the data is known to miss.
    public var knownGaps: [ReportText]
    /// How to read it with care.
    public var caveats: [ReportText]

    /// Notes with the given lists.
    public init(sources: [ReportText] = [], knownGaps: [ReportText] = [], caveats: [ReportText] = []) {
        self.sources = sources
        self.knownGaps = knownGaps
        self.caveats = caveats
    }

    /// Reads `README.md` in `directory`; `nil` when there is none.
    public static func load(directory: URL) -> DatasetNotes? {
        let url = directory.appendingPathComponent("README.md")
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return nil }
        return DatasetNotes(markdown: text)
    }

    /// Parses the list items under `## Sources`, `## Known gaps` and `## Caveats`.
    public init(markdown: String) {
        var current: String? = nil
        var lists: [String: [String]] = [:]
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("## ") {
                current = line.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
                continue
            }
            if line.hasPrefix("#") { current = nil; continue }
            guard let section = current else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if let item = Self.listItem(line) {
                lists[section, default: []].append(item)
            } else if line.first == " ", var items = lists[section], !items.isEmpty {
                // A continuation line of the previous item.
                items[items.count - 1] += " " + trimmed
                lists[section] = items
            }
        }
        func parse(_ name: String) -> [ReportText] { (lists[name] ?? []).map(Self.inline) }
        self.init(sources: parse("sources"), knownGaps: parse("known gaps"), caveats: parse("caveats"))
    }

    /// The text of a `- item` or `1. item` line.
    static func listItem(_ line: String) -> String? {
        guard let first = line.first, first != " " else { return nil }
        if line.hasPrefix("- ") { return String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            return String(line.dropFirst(digits.count + 2)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Markdown inline text to report text: backticks become code, `**`/`_` markers and
    /// relative links are dropped (the report carries no links outside itself).
    static func inline(_ text: String) -> ReportText {
        var result: ReportText = []
        let cleaned = text.replacingOccurrences(of: "**", with: "")
            .replacingOccurrences(of: "(see `../../seed/`)", with: "")
            .trimmingCharacters(in: .whitespaces)
        for (i, part) in cleaned.components(separatedBy: "`").enumerated() where !part.isEmpty {
            result.append(i % 2 == 1 ? .code(part) : .text(part))
        }
        return result
    }
}
