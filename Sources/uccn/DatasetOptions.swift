import ArgumentParser
import CreativeCities
import Foundation

/// Where a command reads the Creative Cities dataset: a folder holding `cities.csv` and
/// `links.csv`, given by an option, or the bundled `Graphs/` folder. `map` and `report`
/// call the option `--data`, `partners` and `partners-eval` call it `--graph`; `Name`
/// picks the spelling and its help, everything else is shared.
struct DatasetOptions<Name: DatasetFolderOptionName>: ParsableArguments {
    @Option(name: .customLong(Name.long), help: ArgumentHelp(Name.help, valueName: Name.long))
    var directory: String?

    /// The folder the dataset is read from (the bundled one when none is given).
    var folder: URL {
        directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? CreativeCitiesDataset.defaultDirectory()
    }

    /// Reads the dataset from the folder, or from `citiesFile` and `linksFile` when both are
    /// given (instead of a folder), with `cooperationFile` and `plannedFile` when given.
    func load(
        citiesFile: String? = nil, linksFile: String? = nil, cooperationFile: String? = nil,
        plannedFile: String? = nil
    ) throws(CommandFailure) -> CreativeCitiesDataset {
        if citiesFile == nil && linksFile == nil && (cooperationFile != nil || plannedFile != nil) {
            throw .usage("--cooperation and --planned go with --cities FILE and --links FILE")
        }
        switch (directory, citiesFile, linksFile) {
        case (_, nil, nil):
            return try loadCreativeCities(directory: folder)
        case let (nil, cities?, links?):
            return try loadCreativeCities {
                try CreativeCitiesDataset.load(
                    citiesFile: URL(fileURLWithPath: cities), linksFile: URL(fileURLWithPath: links),
                    cooperationFile: cooperationFile.map { URL(fileURLWithPath: $0) },
                    plannedFile: plannedFile.map { URL(fileURLWithPath: $0) })
            }
        default:
            throw .usage("give either --\(Name.long) DIR or both --cities FILE and --links FILE")
        }
    }
}

/// The spelling and help of ``DatasetOptions``' folder option.
protocol DatasetFolderOptionName {
    /// The long option name, without dashes; also the value's name in the help.
    static var long: String { get }
    static var help: String { get }
}

extension DatasetFolderOptionName {
    static var help: String {
        "Folder with cities.csv and links.csv, and cooperation.csv and planned.csv when there (default: the bundled Graphs/)."
    }
}

/// `--data DIR` (`uccn map`).
enum DataFolderOption: DatasetFolderOptionName {
    static var long: String { "data" }
}

/// `--data DIR` (`uccn report`, which also reads the folder's README.md).
enum ReportDataFolderOption: DatasetFolderOptionName {
    static var long: String { "data" }
    static var help: String { "Folder with cities.csv, links.csv and README.md (default: the bundled Graphs/)." }
}

/// `--graph DIR` (`uccn partners`, `uccn partners-eval`).
enum GraphFolderOption: DatasetFolderOptionName {
    static var long: String { "graph" }
}

/// Reads `cities.csv` and `links.csv` in `directory` (the bundled folder by default); a file
/// that cannot be read or a bad row is a runtime failure naming the file and line.
func loadCreativeCities(
    directory: URL = CreativeCitiesDataset.defaultDirectory()
) throws(CommandFailure) -> CreativeCitiesDataset {
    try loadCreativeCities { try CreativeCitiesDataset.load(directory: directory) }
}

private func loadCreativeCities(
    _ load: () throws -> CreativeCitiesDataset
) throws(CommandFailure) -> CreativeCitiesDataset {
    do {
        return try load()
    } catch {
        throw .runtime("\(error)")
    }
}
