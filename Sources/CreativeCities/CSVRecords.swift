import CSV
import Foundation

/// The rows of a CSV file with a header, each with the 1-based line it starts on, read with
/// CSV.swift (quoted fields may hold commas, quotes and newlines).
struct CSVRecords {
    struct Record {
        let line: Int
        let fields: [String]
    }

    let file: String
    let header: [String]
    let records: [Record]

    /// Reads `url`; `file` is the name used in error messages.
    init(url: URL, file: String) throws {
        self.file = file
        let data: Data
        var isDirectory: ObjCBool = false
        let parent = url.deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DatasetError(
                .unreadableFile, file: file, line: nil, "cannot read the file (\(parent) is a file, not a folder)")
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DatasetError(.unreadableFile, file: file, line: nil, "cannot read the file (it is a directory)")
        }
        do {
            data = try Data(contentsOf: url)
        } catch {
            let ns = error as NSError
            let reason =
                ns.code == NSFileReadNoSuchFileError
                ? "no such file"
                : ns.code == NSFileReadNoPermissionError ? "permission denied" : ns.localizedDescription
            throw DatasetError(.unreadableFile, file: file, line: nil, "cannot read the file (\(reason))")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw DatasetError(.unreadableFile, file: file, line: nil, "the file is not valid UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw DatasetError(.unreadableFile, file: file, line: 1, "cannot parse CSV (\(error))")
        }
        var line = 1
        var header: [String]? = nil
        var records: [Record] = []
        while let row = reader.next() {
            let start = line
            // A quoted field may span lines: advance by the newlines it holds.
            line += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 } }
            if header == nil {
                header = row.map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            if row.count == 1 && row[0].isEmpty { continue }  // blank line
            records.append(Record(line: start, fields: row))
        }
        if let error = reader.error {
            throw DatasetError(.unreadableFile, file: file, line: line, "cannot parse CSV (\(error))")
        }
        guard let header else {
            throw DatasetError(.missingColumn, file: file, line: 1, "the file is empty; expected a header row")
        }
        self.header = header
        self.records = records
    }

    /// One record with its values looked up by column name.
    struct Row {
        let line: Int
        private let fields: [String]
        private let columns: [String: Int]

        init(line: Int, fields: [String], columns: [String: Int]) {
            self.line = line
            self.fields = fields
            self.columns = columns
        }

        /// The value in column `name`, without surrounding spaces.
        func value(_ name: String) -> String {
            guard let i = columns[name] else { return "" }
            return fields[i].trimmingCharacters(in: .whitespaces)
        }
    }

    /// The records as rows of the required `columns`: an error names the first missing
    /// column, or the first record whose column count differs from the header's.
    func rows(requiring columns: [String]) throws -> [Row] {
        let positions = try self.columns(columns)
        return try records.map { record in
            guard record.fields.count == header.count else {
                throw DatasetError(
                    .wrongColumnCount, file: file, line: record.line,
                    "expected \(header.count) columns, found \(record.fields.count)")
            }
            return Row(line: record.line, fields: record.fields, columns: positions)
        }
    }

    /// Column positions for `names`, or an error naming the first missing one.
    func columns(_ names: [String]) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for name in names {
            guard let i = header.firstIndex(of: name) else {
                throw DatasetError(
                    .missingColumn, file: file, line: 1,
                    "missing column \"\(name)\"; expected columns \(names.joined(separator: ", ")), found \(header.joined(separator: ", "))"
                )
            }
            result[name] = i
        }
        return result
    }
}
