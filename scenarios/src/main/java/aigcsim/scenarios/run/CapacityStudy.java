package aigcsim.scenarios.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import aigcsim.core.metrics.RunResult;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.study.CapacitySearch;
import aigcsim.scenarios.study.Target;
import aigcsim.worker.ClusterMember;

/**
 * The capacity search's probe over a scenario file: the value x is set on the field {@code path}, replications are
 * run with the scenario's seed + r whatever x (common random numbers across probes), and the target figure of each
 * replication is returned. Keeps every probe's runs for its results folder. With a cluster, a probe's replications
 * run on its members, the results those of a local run.
 */
public final class CapacityStudy implements CapacitySearch.Probe {
    private final Path file;
    private final List<ScenarioLoader.Setting> base;
    private final String path;
    private final Target target;
    private final PrintStream progress;
    /** The cluster whose members run the probes' replications; null: they run here. */
    private final ClusterMember cluster;
    private final Map<Integer, ResolvedScenario> scenarios = new TreeMap<>();
    private final Map<Integer, List<RunResult>> runs = new TreeMap<>();

    public CapacityStudy(Path file, List<ScenarioLoader.Setting> base, String path, Target target,
            PrintStream progress, ClusterMember cluster) {
        this.cluster = cluster;
        this.file = file;
        this.base = base;
        this.path = path;
        this.target = target;
        this.progress = progress;
    }

    /** The scenario at x (resolved once, checked before anything runs). */
    public ResolvedScenario scenario(int x) {
        return scenarios.computeIfAbsent(x, v -> ScenarioResolver.resolve(ScenarioLoader.load(file, settings(v))));
    }

    private List<ScenarioLoader.Setting> settings(int x) {
        List<ScenarioLoader.Setting> settings = new ArrayList<>(base);
        settings.add(ScenarioLoader.Setting.parse(path + "=" + x, "capacity probe " + path + "=" + x));
        return settings;
    }

    @Override
    public double[] values(int x, int fromReplication, int count) {
        ResolvedScenario s = scenario(x);
        List<RunResult> done;
        if (cluster != null) {
            done = ScenarioRunner.runOnCluster(cluster, ScenarioRef.of(file, settings(x)), fromReplication, count,
                    path + "=" + x, progress);
        } else {
            try (Compute compute = Compute.open(s.compute(), null)) {
                done = ScenarioRunner.run(s.scenario(), compute.service(), fromReplication, count, path + "=" + x,
                        progress);
            }
        }
        runs.computeIfAbsent(x, k -> new ArrayList<>()).addAll(done);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = target.of(done.get(i).summary());
            if (!Double.isFinite(out[i])) {
                throw new IllegalStateException(path + "=" + x + ", replication " + (fromReplication + i) + ": "
                        + target.figure() + " is undefined (no request delivered?); choose a target that every run "
                        + "defines, e.g. satisfaction or failure rate");
            }
        }
        return out;
    }

    /** Every probed x with its runs, in order of x. */
    public Map<Integer, List<RunResult>> runs() {
        return runs;
    }
}
