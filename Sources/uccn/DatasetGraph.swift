import CreativeCities
import Foundation
import GraphCore

/// Whether `path` is a Creative Cities data folder (holding `cities.csv` and `links.csv`,
/// as the bundled `Graphs/` does), which `uccn convert` reads as the cooperation network.
func isCreativeCitiesFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    let manager = FileManager.default
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
    let folder = URL(fileURLWithPath: path)
    return manager.fileExists(atPath: folder.appendingPathComponent("cities.csv").path)
        && manager.fileExists(atPath: folder.appendingPathComponent("links.csv").path)
}

/// The network of the Creative Cities data folder at `path` on the link layers `layers` (by
/// default the existing links: sister cities and partnerships, as every command uses it),
/// with each city's name as `label` and its country, creative field, UNESCO region, year of
/// designation and coordinates as node attributes, and each link's `kind` (kinds joined with
/// `+` when a pair has several: one edge carrying both), `cooperation_types` and `since` as
/// edge attributes.
func creativeCitiesAttributedGraph(
    folder path: String, layers: Set<LinkKind> = LinkKind.existing
) throws(CommandFailure) -> AttributedGraph {
    let dataset = try loadCreativeCities(directory: URL(fileURLWithPath: path))
    let cities = dataset.cities
    let full = dataset.attributedGraph(including: layers)
    var attributed = AttributedGraph(graph: full.graph)
    attributed.edgeAttributes = full.edgeAttributes
    attributed.nodeAttributes.setColumn("label", type: .string, values: cities.map { .string($0.name) })
    attributed.nodeAttributes.setColumn("country", type: .string, values: cities.map { .string($0.country) })
    attributed.nodeAttributes.setColumn("field", type: .string, values: cities.map { .string($0.field.rawValue) })
    attributed.nodeAttributes.setColumn("region", type: .string, values: cities.map { .string($0.region.rawValue) })
    attributed.nodeAttributes.setColumn("year", type: .int, values: cities.map { $0.year.map { .int($0) } })
    attributed.nodeAttributes.setColumn(
        "latitude", type: .double, values: cities.map { $0.latitude.map { .double($0) } })
    attributed.nodeAttributes.setColumn(
        "longitude", type: .double, values: cities.map { $0.longitude.map { .double($0) } })
    return attributed
}
