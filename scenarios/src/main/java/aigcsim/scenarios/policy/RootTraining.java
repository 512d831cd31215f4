package aigcsim.scenarios.policy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.models.rl.D3qn;
import aigcsim.models.rl.D3qnConfig;

/**
 * Trains ROOT inside the simulator (seed 001, Algorithm 1): episode e is replication e (seed + e) of training
 * condition e mod P — the training scenario's sweep points, P = 1 without a sweep — run in analytic fidelity with a
 * {@link RootLearner} deciding every SemAIGC request. The exploration ε decays linearly over the first half of the
 * expected decisions (counted from one dry run of each condition: arrivals do not depend on the policy). An episode's
 * reward is the mean eq. 24 satisfaction of all its requests (failures 0); with baselines, the same episode is also
 * run with each of seed 001's other frameworks and with SemAIGC's quality-greedy split (common random numbers), for
 * Fig. 6. After training, the greedy policy is evaluated on one held-out episode per condition (replications after
 * the training ones): the checkpoint's final reward.
 */
public final class RootTraining {
    /** Seed 001's baselines for Fig. 6 (label, framework, split policy) and our analytic quality-greedy split. */
    static final List<Baseline> BASELINES = List.of(new Baseline("non-root", Framework.NON_ROOT_SEM_AIGC, "greedy"),
            new Baseline("non-fine-tuning", Framework.NON_FINE_TUNING, "greedy"),
            new Baseline("edge-aigc", Framework.EDGE_AIGC, "greedy"),
            new Baseline("local-aigc", Framework.LOCAL_AIGC, "greedy"),
            new Baseline("quality-greedy", Framework.SEM_AIGC, "quality-greedy"));

    record Baseline(String label, Framework framework, String policy) {
    }

    /** One training episode's figures; {@code baselines}: label → mean reward (empty without baselines). */
    public record Episode(int episode, int condition, long seed, long decisions, long stored, double reward,
            double epsilon, double loss, double meanEdgeSteps, Map<String, Double> baselines) {
    }

    /** What training produced: the episodes, and the held-out greedy evaluation (label → mean reward). */
    public record Result(List<Episode> episodes, Map<String, Double> heldOut, double decisionsPerS,
            double wallS) {
    }

    private RootTraining() {
    }

    /**
     * Trains {@code net} on {@code conditions} (each a scenario whose framework uses the split policy) for
     * {@code episodes} episodes; {@code progress} sees each episode as it ends.
     */
    public static Result train(D3qn net, RootState state, List<Scenario> conditions, int episodes, boolean baselines,
            Consumer<Episode> progress) {
        AnalyticComputeService analytic = new AnalyticComputeService();
        List<Episode> out = new ArrayList<>();
        long t0 = System.nanoTime();
        long decisions = 0;
        for (int e = 0; e < episodes; e++) {
            int c = e % conditions.size();
            Scenario base = conditions.get(c);
            RootLearner learner = new RootLearner(net, state);
            RunResult run = Simulation.runReplication(with(base, learner), e, analytic, Simulation.Progress.NONE);
            Map<String, Double> b = new LinkedHashMap<>();
            if (baselines) {
                for (Baseline x : BASELINES) {
                    b.put(x.label(), meanReward(Simulation.runReplication(base.toBuilder().framework(x.framework())
                            .splitPolicy(x.policy()).build(), e, analytic, Simulation.Progress.NONE)));
                }
            }
            decisions += learner.decisions();
            Episode ep = new Episode(e, c, run.seed(), learner.decisions(), learner.stored(), meanReward(run),
                    net.epsilon(), learner.meanLoss(), learner.meanEdgeSteps(), b);
            out.add(ep);
            progress.accept(ep);
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> heldOut = new LinkedHashMap<>();
        SplitPolicy greedy = new RootPolicy(net, state);
        double root = 0;
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int c = 0; c < conditions.size(); c++) {
            Scenario base = conditions.get(c);
            int rep = episodes + c;
            root += meanReward(Simulation.runReplication(with(base, greedy), rep, analytic, Simulation.Progress.NONE));
            for (String policy : List.of("greedy", "quality-greedy")) {
                sums.merge(policy, meanReward(Simulation.runReplication(base.toBuilder().splitPolicy(policy).build(),
                        rep, analytic, Simulation.Progress.NONE)), Double::sum);
            }
        }
        heldOut.put("root", root / conditions.size());
        sums.forEach((k, v) -> heldOut.put(k, v / conditions.size()));
        return new Result(out, heldOut, decisions / wallS, wallS);
    }

    /** The condition with ROOT deciding by {@code policy}. */
    private static Scenario with(Scenario base, SplitPolicy policy) {
        return base.toBuilder().splitPolicy(SplitPolicy.ROOT)
                .splitPolicies(name -> name.equals(SplitPolicy.ROOT) ? policy : SplitPolicy.of(name)).build();
    }

    /** The mean eq. 24 reward of every request of a run (failures 0), warm-up included: an episode's reward. */
    static double meanReward(RunResult run) {
        return run.records().stream().mapToDouble(RequestRecord::satisfaction).average().orElse(Double.NaN);
    }

    /** The requests each condition's replication 0 makes (arrivals do not depend on the split policy). */
    public static double decisionsPerEpisode(List<Scenario> conditions) {
        AnalyticComputeService analytic = new AnalyticComputeService();
        double sum = 0;
        for (Scenario s : conditions) {
            sum += Simulation.runReplication(s.toBuilder().splitPolicy("greedy").build(), 0, analytic,
                    Simulation.Progress.NONE).records().size();
        }
        return sum / conditions.size();
    }

    /** The hyper-parameters for {@code episodes} episodes: the paper's, ε decaying over half the decisions. */
    public static D3qnConfig config(RootState state, int totalSteps, long seed, int episodes,
            double decisionsPerEpisode) {
        return D3qnConfig.paper(state.size(), totalSteps + 1).withSeed(seed)
                .withEpsilonDecayDecisions((int) Math.max(1, Math.round(episodes * decisionsPerEpisode / 2)));
    }

    /** {@code training.csv}: one row per episode (Fig. 6's curves). */
    public static void writeCsv(Path file, List<Episode> episodes, List<String> conditionLabels) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            StringBuilder h = new StringBuilder("episode,condition,seed,decisions,stored,reward,epsilon,loss,"
                    + "meanEdgeSteps");
            List<String> labels = episodes.isEmpty() ? List.of() : List.copyOf(episodes.get(0).baselines().keySet());
            labels.forEach(l -> h.append(',').append(l));
            w.println(h);
            for (Episode e : episodes) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%.6f,%.4f,%.6g,%.3f",
                        e.episode(), csv(conditionLabels.get(e.condition())), e.seed(), e.decisions(), e.stored(),
                        e.reward(), e.epsilon(), e.loss(), e.meanEdgeSteps()));
                labels.forEach(l -> row.append(String.format(Locale.ROOT, ",%.6f", e.baselines().get(l))));
                w.println(row);
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
