package aigcsim.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import aigcsim.core.sim.Scenario;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.policy.OracleGap;
import aigcsim.scenarios.policy.RootCheckpoint;
import aigcsim.scenarios.policy.RootState;
import aigcsim.scenarios.policy.RootTraining;
import aigcsim.scenarios.run.SweepStudy;
import aigcsim.models.rl.D3qn;
import aigcsim.models.rl.D3qnConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim policy train|eval|bench}: SemAIGC's learned split policy ROOT — training it inside the simulator,
 * comparing it with the best split in hindsight, and its speed.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "ROOT, SemAIGC's learned split policy (a dueling double DQN): train, eval, bench.",
        subcommands = {PolicyCommand.Train.class, PolicyCommand.Eval.class, PolicyCommand.Bench.class})
final class PolicyCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The training conditions of a file: its sweep points (one condition without a sweep), ROOT left to the learner. */
    record Conditions(List<Scenario> scenarios, List<String> labels, ResolvedScenario first) {
        static Conditions of(ScenarioOptions options) {
            List<ScenarioLoader.Setting> settings = new ArrayList<>(options.settings());
            // the learner decides: the file's own split policy (maybe root, without a checkpoint yet) is not used
            settings.add(ScenarioLoader.Setting.parse("split.policy=greedy", "policy train"));
            ScenarioLoader.Loaded loaded = ScenarioLoader.load(options.file(), settings);
            List<Scenario> scenarios = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            ResolvedScenario first;
            if (loaded.scenario().sweep() == null) {
                first = ScenarioResolver.resolve(loaded);
                scenarios.add(first.scenario());
                labels.add("-");
            } else {
                List<SweepStudy.Run> runs = SweepStudy.runs(loaded, settings);
                first = runs.get(0).scenario();
                for (SweepStudy.Run r : runs) {
                    scenarios.add(r.scenario().scenario());
                    labels.add(r.point().folder());
                }
            }
            if (!first.scenario().framework().usesSplitPolicy()) {
                throw new IllegalArgumentException(options.file() + ": framework " + first.scenario().framework().id()
                        + " does not use a split policy; ROOT trains on semaigc");
            }
            return new Conditions(scenarios, labels, first);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train ROOT in the simulator on a scenario (its sweep points are the training conditions, "
                    + "taken in turn) and write a checkpoint with its manifest, and training.csv (one row per "
                    + "episode: Fig. 6).")
    static final class Train implements Callable<Integer> {
        @Mixin
        ScenarioOptions scenario;

        @Option(names = "--episodes", paramLabel = "N", description = "Training episodes (default ${DEFAULT-VALUE}).")
        int episodes = 400;

        @Option(names = "--state", paramLabel = "paper|extended", description = "What the network sees: paper (seed "
                + "001's 7 features) or extended (+ requirement width, edge queue and batch, device backlog); "
                + "default ${DEFAULT-VALUE}.")
        String state = "extended";

        @Option(names = "--seed", paramLabel = "S", description = "Seed of the network's initialization, "
                + "exploration and replay sampling (default ${DEFAULT-VALUE}); episodes use the scenario's seeds.")
        long seed = 1;

        @Option(names = "--baselines", description = "Also run every episode with seed 001's other frameworks and "
                + "SemAIGC's quality-greedy split, on the same random numbers (Fig. 6's curves).")
        boolean baselines;

        @Option(names = "--checkpoint", paramLabel = "DIR", description = "Where the checkpoint goes (default: "
                + "<results>/checkpoint; scenarios/policies/root replaces the bundled one).")
        Path checkpoint;

        @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam step size (default: 1e-4).")
        Double learningRate;

        @Option(names = "--target-sync", paramLabel = "N", description = "Learn steps between target-network "
                + "copies (default: 1000).")
        Integer targetSync;

        @Option(names = "--huber", paramLabel = "DELTA", description = "Huber loss with this threshold instead of "
                + "eq. 27's squared TD error (default: 0, squared).")
        Double huber;

        @Override
        public Integer call() throws Exception {
            if (episodes < 1) {
                throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
            }
            RootState s = RootState.of(state);
            Conditions c = Conditions.of(scenario);
            Scenario first = c.first().scenario();
            Path out = scenario.out(first.name(), "-root");
            Path dir = checkpoint != null ? checkpoint : out.resolve("checkpoint");
            Files.createDirectories(out);
            double perEpisode = RootTraining.decisionsPerEpisode(c.scenarios());
            D3qnConfig config = RootTraining.config(s, first.totalSteps(), seed, episodes, perEpisode);
            if (learningRate != null) {
                config = config.withLearningRate(learningRate);
            }
            if (targetSync != null) {
                config = config.withTargetSyncEvery(targetSync);
            }
            if (huber != null) {
                config = config.withHuberDelta(huber);
            }
            System.out.printf(Locale.ROOT, "ROOT training on %s: %d condition(s), %d episodes (~%.0f decisions each), "
                    + "state %s (%d features), %d actions (a = 0..%d), analytic fidelity%n", first.name(),
                    c.scenarios().size(), episodes, perEpisode, s.id(), s.size(), config.actions(),
                    first.totalSteps());
            System.out.println("hyper-parameters: " + config.toMap());
            List<RootTraining.Episode> log = new ArrayList<>();
            RootTraining.Result result;
            try (D3qn net = new D3qn(config);
                    ProgressBar bar = new ProgressBar("training", episodes, System.err)) {
                int window = Math.max(c.scenarios().size(), 10);
                result = RootTraining.train(net, s, c.scenarios(), episodes, baselines, e -> {
                    log.add(e);
                    double recent = log.subList(Math.max(0, log.size() - window), log.size()).stream()
                            .mapToDouble(RootTraining.Episode::reward).average().orElse(Double.NaN);
                    bar.step(e.episode() + 1, String.format(Locale.ROOT, "reward %.3f (last %d: %.3f) eps %.3f "
                            + "loss %.4g a %.1f", e.reward(), Math.min(window, log.size()), recent, e.epsilon(),
                            e.loss(), e.meanEdgeSteps()));
                });
                Map<String, Object> extras = new LinkedHashMap<>();
                extras.put("policy", "root");
                extras.put("state", s.id());
                extras.put("features", s.features());
                extras.put("totalSteps", first.totalSteps());
                extras.put("actions", "output i is a = i edge steps");
                extras.put("discount", "semi-MDP: the bootstrap term is discounted by gamma^dt, gamma per simulated "
                        + "second, dt the time from a decision to the cell's next one");
                extras.put("reward", "eq. 24 satisfaction of the request when it ends (continuous form); 0 when it "
                        + "fails");
                Path root = Path.of(System.getProperty("aigcsim.root", ".")).toAbsolutePath().normalize();
                Path file = scenario.file().toAbsolutePath().normalize();
                extras.put("trainingScenario", (file.startsWith(root) ? root.relativize(file) : file).toString());
                extras.put("trainingSettings", scenario.sets);
                extras.put("conditions", c.labels());
                extras.put("episodes", episodes);
                extras.put("decisions", net.decisions());
                extras.put("finalReward", result.heldOut().get("root"));
                extras.put("heldOut", result.heldOut());
                net.save(dir, extras);
            }
            RootTraining.writeCsv(out.resolve("training.csv"), result.episodes(), c.labels());
            System.out.printf(Locale.ROOT, "%d decisions in %.1f s: %.0f decisions/s, %.1f episodes/min%n",
                    log.stream().mapToLong(RootTraining.Episode::decisions).sum(), result.wallS(),
                    result.decisionsPerS(), episodes / result.wallS() * 60);
            System.out.println("held-out episodes (one per condition, greedy ROOT): mean reward " + fmt(result.heldOut()));
            System.out.println("checkpoint: " + dir);
            System.out.println("training.csv: " + out.resolve("training.csv"));
            scenario.report(out);
            return Main.OK;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "ROOT against greedy, quality-greedy, every fixed split and the per-request best split in "
                    + "hindsight, on common random numbers (analytic fidelity); writes oracle.json.")
    static final class Eval implements Callable<Integer> {
        @Mixin
        ScenarioOptions scenario;

        @Option(names = "--policies", split = ",", paramLabel = "P", description = "Policies to compare (default "
                + "${DEFAULT-VALUE}).")
        List<String> policies = List.of("root", "greedy", "quality-greedy");

        @Override
        public Integer call() throws Exception {
            ResolvedScenario r = scenario.resolve();
            Scenario s = r.scenario();
            for (String p : policies) {
                s.splitPolicies().policy(p);
            }
            Path out = scenario.out(s.name(), "-oracle");
            Files.createDirectories(out);
            System.out.printf(Locale.ROOT, "%s: %d users, %d replication(s), T = %d, checkpoint %s%n", s.name(),
                    s.users(), s.replications(), s.totalSteps(), r.resolved().split().checkpoint());
            OracleGap.Result result;
            try (ProgressBar bar = new ProgressBar("runs", OracleGap.runs(s, policies.size()), System.err)) {
                result = OracleGap.of(s, policies, i -> bar.advance());
            }
            System.out.printf(Locale.ROOT, "%-24s %12s %10s %14s %14s%n", "policy", "mean reward", "mean a",
                    "gap to oracle", "at oracle");
            for (OracleGap.Row row : result.rows()) {
                System.out.printf(Locale.ROOT, "%-24s %12.4f %10.2f %14.4f %13.1f%%%n", row.policy(), row.meanReward(),
                        row.meanEdgeSteps(), row.gapToOracle(), 100 * row.shareAtOracle());
            }
            System.out.println(result.requests() + " requests (every replication, warm-up included)");
            JSON.writeValue(out.resolve("oracle.json").toFile(), result);
            System.out.println("results: " + out.resolve("oracle.json"));
            return Main.OK;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "ROOT's speed: inference time per decision of the bundled checkpoint, and training "
                    + "decisions per second and episodes per minute on a scenario (default the bundled training "
                    + "scenario).")
    static final class Bench implements Callable<Integer> {
        @Mixin
        ScenarioOptions scenario;

        @Option(names = "--episodes", paramLabel = "N", description = "Training episodes timed (default "
                + "${DEFAULT-VALUE}).")
        int episodes = 60;

        @Option(names = "--decisions", paramLabel = "N", description = "Inference calls timed (default "
                + "${DEFAULT-VALUE}).")
        int decisions = 20_000;

        @Override
        public Integer call() {
            if (scenario.file == null) {
                scenario.file = RootCheckpoint.TRAINING_SCENARIO;
            }
            RootCheckpoint cp = RootCheckpoint.load(RootCheckpoint.BUNDLED_DIR);
            SplittableRandom rng = new SplittableRandom(1);
            float[][] states = new float[1000][cp.state().size()];
            for (float[] x : states) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rng.nextDouble();
                }
            }
            for (int i = 0; i < 2000; i++) {
                cp.network().greedy(states[i % states.length]);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < decisions; i++) {
                cp.network().greedy(states[i % states.length]);
            }
            double inferUs = (System.nanoTime() - t0) / 1e3 / decisions;
            Conditions c = Conditions.of(scenario);
            Scenario first = c.first().scenario();
            RootState s = cp.state();
            D3qnConfig config = RootTraining.config(s, first.totalSteps(), 1, episodes,
                    RootTraining.decisionsPerEpisode(c.scenarios()));
            RootTraining.Result r;
            try (D3qn net = new D3qn(config)) {
                r = RootTraining.train(net, s, c.scenarios(), episodes, false, e -> { });
            }
            long total = r.episodes().stream().mapToLong(RootTraining.Episode::decisions).sum();
            System.out.printf(Locale.ROOT, "inference (bundled checkpoint, state %s): %.1f us per decision over %d "
                    + "calls%n", s.id(), inferUs, decisions);
            System.out.printf(Locale.ROOT, "training on %s: %d episodes, %d decisions in %.1f s: %.0f decisions/s, "
                    + "%.1f episodes/min (one minibatch step of %d per decision once the replay holds %d)%n",
                    first.name(), episodes, total, r.wallS(), r.decisionsPerS(), episodes / r.wallS() * 60,
                    config.batchSize(), config.learningStarts());
            return Main.OK;
        }
    }

    private static String fmt(Map<String, Double> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return b.toString();
    }
}
