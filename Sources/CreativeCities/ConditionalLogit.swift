import Foundation

/// Conditional (multinomial) logit over choice sets, fitted by Newton's method with an L2
/// penalty: the model behind the `cooperation` goal's weights.
///
/// Each training group is one documented partner v of a city u together with the cities u
/// does not cooperate with; the model gives candidate c the probability
/// p(c) = exp(w·x_c) / Σ_{c' in the group} exp(w·x_{c'}), and the fit maximises
///
///     L(w) = Σ_groups [ w·x_v − ln Σ_c exp(w·x_c) ] − λ‖w‖²
///
/// (McFadden 1974, "Conditional logit analysis of qualitative choice behavior"; it is the
/// softmax, or listwise, ranking loss of Cao et al. 2007, "Learning to rank: from pairwise
/// approach to listwise approach", ICML). L is concave, so Newton's method from w = 0
/// converges to the one maximum: gradient Σ (x_v − E_p[x]) − 2λw, Hessian
/// −Σ Cov_p[x] − 2λI, each step solved by Cholesky and halved while it lowers L; stops when the step's largest component
/// is below 1e-10 or after 100 steps. Only w·x differences within a group matter, so there
/// is no intercept, and ranking by w·x is ranking by p.
///
/// - Complexity: O(N·d²) per Newton step for N candidates in all groups and d features,
///   plus O(d³) for the solve.
public struct ConditionalLogit: Sendable {
    /// One choice: candidates' features, flattened `candidates × dimension`, and which
    /// candidate was chosen.
    public struct Group: Sendable {
        public let features: [Double]
        public let chosen: Int
        public init(features: [Double], chosen: Int) {
            self.features = features
            self.chosen = chosen
        }
    }

    public let dimension: Int
    /// The L2 penalty λ.
    public let penalty: Double

    public init(dimension: Int, penalty: Double) {
        self.dimension = dimension
        self.penalty = penalty
    }

    /// The fitted weights (all zero without groups).
    public func fit(_ groups: [Group]) -> [Double] {
        let d = dimension
        var w = [Double](repeating: 0, count: d)
        guard !groups.isEmpty else { return w }
        for _ in 0..<100 {
            var gradient = w.map { -2 * penalty * $0 }
            var hessian = [Double](repeating: 0, count: d * d)  // −∇², positive definite
            for k in 0..<d { hessian[k * d + k] = 2 * penalty }
            for group in groups {
                let n = group.features.count / d
                guard n > 0 else { continue }
                var scores = [Double](repeating: 0, count: n)
                var top = -Double.infinity
                for c in 0..<n {
                    var s = 0.0
                    for k in 0..<d { s += w[k] * group.features[c * d + k] }
                    scores[c] = s
                    top = max(top, s)
                }
                var total = 0.0
                for c in 0..<n {
                    scores[c] = exp(scores[c] - top)
                    total += scores[c]
                }
                var mean = [Double](repeating: 0, count: d)
                var second = [Double](repeating: 0, count: d * d)
                for c in 0..<n {
                    let p = scores[c] / total
                    guard p > 0 else { continue }
                    let base = c * d
                    for i in 0..<d {
                        let xi = group.features[base + i]
                        guard xi != 0 else { continue }
                        mean[i] += p * xi
                        for j in 0..<d { second[i * d + j] += p * xi * group.features[base + j] }
                    }
                }
                for i in 0..<d {
                    gradient[i] += group.features[group.chosen * d + i] - mean[i]
                    for j in 0..<d { hessian[i * d + j] += second[i * d + j] - mean[i] * mean[j] }
                }
            }
            guard var step = Self.solve(hessian, gradient, dimension: d) else { break }
            // Backtracking: halve the step until the objective does not fall.
            let current = objective(w, groups)
            var trial = zip(w, step).map { $0 + $1 }
            var halvings = 0
            while objective(trial, groups) < current - 1e-12 && halvings < 40 {
                step = step.map { $0 / 2 }
                trial = zip(w, step).map { $0 + $1 }
                halvings += 1
            }
            w = trial
            if step.map(abs).max() ?? 0 < 1e-10 { break }
        }
        return w
    }

    /// L(w): the penalised log-likelihood of the chosen candidates.
    public func objective(_ w: [Double], _ groups: [Group]) -> Double {
        let d = dimension
        var total = -penalty * w.reduce(0) { $0 + $1 * $1 }
        for group in groups {
            let n = group.features.count / d
            guard n > 0 else { continue }
            var scores = [Double](repeating: 0, count: n)
            var top = -Double.infinity
            for c in 0..<n {
                var s = 0.0
                for k in 0..<d { s += w[k] * group.features[c * d + k] }
                scores[c] = s
                top = max(top, s)
            }
            let sum = scores.reduce(0) { $0 + exp($1 - top) }
            total += scores[group.chosen] - top - log(sum)
        }
        return total
    }

    /// Solves A x = b for a symmetric positive definite A by Cholesky (`nil` if A is not).
    static func solve(_ a: [Double], _ b: [Double], dimension d: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                var sum = a[i * d + j]
                for k in 0..<j { sum -= l[i * d + k] * l[j * d + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * d + i] = sum.squareRoot()
                } else {
                    l[i * d + j] = sum / l[j * d + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * d + k] * y[k] }
            y[i] = sum / l[i * d + i]
        }
        var x = [Double](repeating: 0, count: d)
        for i in stride(from: d - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<d { sum -= l[k * d + i] * x[k] }
            x[i] = sum / l[i * d + i]
        }
        return x
    }
}
