import ArgumentParser
import CreativeCities
import Foundation
import GraphCore

/// `uccn partners-eval`: how well the partner scores recover held-out links.
struct PartnersEvalCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners-eval",
        abstract: "Evaluate the partner scores on held-out links (AUC, precision@10/20, recall@10/20).",
        discussion: """
            For each seed, holds out a random share of the sister-city and partnership links, \
            scores every city's non-linked candidates on the rest (community labels computed on \
            the training graph only) and measures how well each score, and the combined ranking, \
            recovers the held-out links; metrics are per city, averaged over cities, then over \
            seeds. Default weights are tuned with --tune on seeds 1–10 and reported on seeds \
            1001–1010, never the same splits. See docs/partners.md.
            """)

    @Option(help: "Number of seeds (random splits).")
    var seeds: Int = 10

    @Option(help: "The first seed (default 1001 for evaluation, 1 with --tune).")
    var firstSeed: UInt64?

    @Option(help: "Share of links held out in each split.")
    var holdout: Double = 0.1

    @Option(help: "A JSON or YAML weights file for the combined ranking (default: the built-in weights).")
    var weights: String?

    @Flag(help: "Tune the weights by coordinate ascent on these seeds and print them as JSON.")
    var tune = false

    @Option(
        name: .customLong("keep"),
        help: "With --tune: a score whose weight stays as given (repeatable), e.g. --keep sameField.")
    var keep: [String] = []

    @Option(help: "Also write the Markdown report to this file.")
    var output: String?

    @OptionGroup var graph: DatasetOptions<GraphFolderOption>

    static let failureWording = FailureWording(prefix: "uccn partners-eval: ")

    func execute() throws {
        guard seeds >= 1 else { throw CommandFailure.usage("--seeds must be at least 1, got \(seeds)") }
        guard holdout > 0 && holdout < 1 else {
            throw CommandFailure.usage("--holdout must be between 0 and 1 (exclusive), got \(holdout)")
        }
        let dataset = try graph.load()
        let weightValues = try loadPartnerWeights(weights)
        let first = firstSeed ?? (tune ? 1 : 1001)
        let seedList = (0..<UInt64(seeds)).map { first + $0 }
        let evaluation = PartnerEvaluation(dataset: dataset, seeds: seedList, holdout: holdout)
        if tune {
            var fixed: Set<PartnerScore> = []
            for name in keep {
                guard let score = PartnerScore(rawValue: name) else {
                    throw CommandFailure.usage(
                        "unknown score \"\(name)\" for --keep; expected one of \(PartnerScore.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                fixed.insert(score)
            }
            let (tuned, metrics) = evaluation.tune(from: weightValues, fixed: fixed)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(tuned), as: UTF8.self))
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "tuned on seeds %llu–%llu: AUC %.4f, P@10 %.4f, P@20 %.4f, R@10 %.4f, R@20 %.4f\n",
                        first, first + UInt64(seeds) - 1, metrics.auc, metrics.precisionAt10, metrics.precisionAt20,
                        metrics.recallAt10, metrics.recallAt20
                    ).utf8))
            return
        }
        let report = PartnerEvaluationReport.markdown(
            evaluation: evaluation, weights: weightValues, weightsFile: weights)
        print(report, terminator: "")
        if let output {
            do {
                try AtomicFile.write(report, to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure.runtime(error.description)
            }
        }
    }
}
