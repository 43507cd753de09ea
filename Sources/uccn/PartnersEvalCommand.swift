import ArgumentParser
import CreativeCities
import Foundation
import GraphCore

/// `uccn partners-eval`: how well the partner scores recover held-out links.
struct PartnersEvalCommand: FailureReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners-eval",
        abstract:
            "Evaluate the partner rankings on held-out links: documented cooperation (--goal cooperation, the default: hits@10/20, MRR, median rank, AUC) or sister-city links (--goal twinning).",
        discussion: """
            --goal cooperation (default): for each seed, holds out 20 % of the documented cooperation \
            pairs, fits the weights on the rest (conditional logit) and ranks each held-out pair's \
            partner from both ends, for each signal alone, two baselines, today's twinning weights \
            and the fitted ranking (seeds 1001–1020 by default); --fit prints the weights fitted on \
            every pair (the committed defaults). --goal twinning: for each seed, holds out a random \
            share of the sister-city and partnership links, \
            scores every city's non-linked candidates on the rest (community labels computed on \
            the training graph only) and measures how well each score, and the combined ranking, \
            recovers the held-out links; metrics are per city, averaged over cities, then over \
            seeds. Default weights are tuned with --tune on seeds 1–10 and reported on seeds \
            1001–1010, never the same splits. See docs/partners.md.
            """)

    @Option(help: "What the ranking is for: cooperation (documented UCCN cooperation) or twinning (sister cities).")
    var goal: String = "cooperation"

    @Option(help: "Number of seeds (random splits; default 20 for cooperation, 10 for twinning).")
    var seeds: Int?

    @Option(help: "The first seed (default 1001 for evaluation, 1 with --tune).")
    var firstSeed: UInt64?

    @Option(help: "Share of links held out in each split (default 0.2 for cooperation, 0.1 for twinning).")
    var holdout: Double?

    @Option(help: "Cooperation: the L2 penalty λ of the fit.")
    var penalty: Double = CooperationEvaluation.defaultPenalty

    @Flag(
        help: "Cooperation: fit the weights on every documented pair and print them as JSON (the committed defaults).")
    var fit = false

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
        guard let goalValue = PartnerGoal(name: goal) else {
            throw CommandFailure.usage("unknown goal \"\(goal)\"; expected cooperation or twinning")
        }
        let seeds = self.seeds ?? (goalValue == .cooperation ? 20 : 10)
        let holdout = self.holdout ?? (goalValue == .cooperation ? 0.2 : 0.1)
        guard seeds >= 1 else { throw CommandFailure.usage("--seeds must be at least 1, got \(seeds)") }
        guard holdout > 0 && holdout < 1 else {
            throw CommandFailure.usage("--holdout must be between 0 and 1 (exclusive), got \(holdout)")
        }
        guard penalty >= 0 && penalty.isFinite else {
            throw CommandFailure.usage("--penalty must be 0 or more, got \(penalty)")
        }
        let dataset = try graph.load()
        if goalValue == .cooperation {
            guard !tune, weights == nil, keep.isEmpty else {
                throw CommandFailure.usage(
                    "--tune, --keep and --weights belong to --goal twinning; the cooperation weights are fitted (--fit)"
                )
            }
            guard !CooperationEvaluation.cooperationPairs(of: dataset).isEmpty else {
                throw CommandFailure.runtime(
                    "no documented cooperation in \(graph.folder.path): expected cooperation.csv beside cities.csv")
            }
            if fit {
                let fitted = CooperationEvaluation.fitAll(dataset: dataset, penalty: penalty)
                let first = firstSeed ?? 1001
                let evaluation = CooperationEvaluation(
                    dataset: dataset, seeds: (0..<UInt64(seeds)).map { first + $0 }, holdout: holdout, penalty: penalty)
                let spread = evaluation.weightSpread()
                var out = "{\n  \"weights\": {\n"
                out += CooperationEvaluation.fittedScores.map {
                    String(format: "    \"%@\": %.4f", $0.rawValue, fitted[$0])
                }.joined(separator: ",\n")
                out += "\n  },\n  \"spread\": {\n"
                out += CooperationEvaluation.fittedScores.map {
                    String(format: "    \"%@\": %.4f", $0.rawValue, spread[$0])
                }.joined(separator: ",\n")
                out += "\n  }\n}\n"
                print(out, terminator: "")
                return
            }
            let first = firstSeed ?? 1001
            let evaluation = CooperationEvaluation(
                dataset: dataset, seeds: (0..<UInt64(seeds)).map { first + $0 }, holdout: holdout, penalty: penalty)
            let report = CooperationEvaluationReport.markdown(evaluation: evaluation)
            print(report, terminator: "")
            if let output {
                do {
                    try AtomicFile.write(report, to: URL(fileURLWithPath: output))
                } catch {
                    throw CommandFailure.runtime(error.description)
                }
            }
            return
        }
        guard !fit else { throw CommandFailure.usage("--fit belongs to --goal cooperation") }
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
