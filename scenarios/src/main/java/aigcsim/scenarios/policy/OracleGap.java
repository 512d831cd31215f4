package aigcsim.scenarios.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;

/**
 * ROOT against the best split in hindsight. Every replication of the scenario is run, in analytic fidelity (the cost
 * model and the quality table) and on common random numbers, once with each policy to compare and once with each
 * fixed split a = 0..T̂; a request's oracle is the best eq. 24 reward any fixed split gave that same request (same
 * arrival, user, SNR, requirement and quality draws), and a policy's gap is the oracle's mean reward minus its own.
 * With one request in the system at a time this is the best split in hindsight exactly; in a loaded cell the other
 * requests also ran with that fixed split in that arm, so the oracle is a reference, not a bound a policy cannot beat.
 */
public final class OracleGap {
    /** One policy's figures over every request of every replication: mean reward and a, gap, share at the oracle. */
    public record Row(String policy, double meanReward, double meanEdgeSteps, double gapToOracle,
            double shareAtOracle) {
    }

    /** The rows of the compared policies, then the best single fixed split and the per-request oracle. */
    public record Result(List<Row> rows, int requests, int bestFixedA) {
    }

    private OracleGap() {
    }

    /** Compares {@code policies} (names the scenario's policy source knows) with the oracle; progress per run done. */
    public static Result of(Scenario scenario, List<String> policies, IntConsumer progress) {
        AnalyticComputeService analytic = new AnalyticComputeService();
        int steps = scenario.totalSteps();
        List<List<RequestRecord>> fixedRuns = new ArrayList<>();
        List<double[]> fixed = new ArrayList<>();
        for (int a = 0; a <= steps; a++) {
            fixedRuns.add(run(scenario, "fixed:" + a, analytic, progress));
            fixed.add(rewards(fixedRuns.get(a)));
        }
        int n = fixed.get(0).length;
        double[] oracle = new double[n];
        for (int i = 0; i < n; i++) {
            oracle[i] = Double.NEGATIVE_INFINITY;
            for (double[] f : fixed) {
                oracle[i] = Math.max(oracle[i], f[i]);
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, List<RequestRecord>> runs = new LinkedHashMap<>();
        for (String p : policies) {
            runs.put(p, run(scenario, p, analytic, progress));
        }
        for (Map.Entry<String, List<RequestRecord>> e : runs.entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), oracle));
        }
        int bestA = 0;
        for (int a = 1; a <= steps; a++) {
            if (mean(fixed.get(a)) > mean(fixed.get(bestA))) {
                bestA = a;
            }
        }
        rows.add(row("best fixed:" + bestA, fixedRuns.get(bestA), oracle));
        rows.add(new Row("oracle (per request)", mean(oracle), Double.NaN, 0, 1));
        return new Result(rows, n, bestA);
    }

    private static Row row(String name, List<RequestRecord> records, double[] oracle) {
        double[] r = rewards(records);
        if (r.length != oracle.length) {
            throw new IllegalStateException(name + " made " + r.length + " requests, the fixed splits "
                    + oracle.length + ": arrivals must not depend on the split policy");
        }
        int at = 0;
        for (int i = 0; i < r.length; i++) {
            if (r[i] >= oracle[i] - 1e-12) {
                at++;
            }
        }
        double meanA = records.stream().mapToInt(RequestRecord::edgeSteps).average().orElse(Double.NaN);
        return new Row(name, mean(r), meanA, mean(oracle) - mean(r), (double) at / r.length);
    }

    /** Every replication's records in order (replication, then request id). */
    private static List<RequestRecord> run(Scenario scenario, String policy, AnalyticComputeService analytic,
            IntConsumer progress) {
        Scenario s = scenario.toBuilder().splitPolicy(policy).build();
        List<RequestRecord> all = new ArrayList<>();
        for (int rep = 0; rep < s.replications(); rep++) {
            all.addAll(Simulation.runReplication(s, rep, analytic, Simulation.Progress.NONE).records().list());
            progress.accept(1);
        }
        return all;
    }

    private static double[] rewards(List<RequestRecord> records) {
        return records.stream().mapToDouble(RequestRecord::satisfaction).toArray();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    /** How many replication runs {@link #of} makes (for a progress bar). */
    public static int runs(Scenario scenario, int policies) {
        return (scenario.totalSteps() + 1 + policies) * scenario.replications();
    }
}
