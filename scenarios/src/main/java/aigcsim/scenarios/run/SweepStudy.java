package aigcsim.scenarios.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import aigcsim.core.metrics.RunResult;
import aigcsim.scenarios.file.FieldSchema;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioException;
import aigcsim.scenarios.file.ScenarioFile;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.study.SweepPoint;
import aigcsim.scenarios.study.SweepSpec;

/**
 * The runs of a scenario file's {@code sweep} block: each point of the grid × zip that meets the constraint, each
 * repeated; point values are set on the file as settings (so every point is an ordinary resolved scenario), and
 * repetition j of a point runs with seed + j × replications, so no two runs share a seed.
 */
public final class SweepStudy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepStudy() {
    }

    /** One run of the sweep, resolved, and the settings on the file it was resolved with. */
    public record Run(SweepPoint point, ResolvedScenario scenario, List<ScenarioLoader.Setting> settings) {
    }

    /** The sweep's points, checked against the scenario format. */
    public static List<SweepPoint> points(ScenarioLoader.Loaded loaded) {
        ScenarioFile.Sweep sweep = loaded.scenario().sweep();
        if (sweep == null) {
            throw ScenarioException.of(loaded.tree().locate(""), "sweep", "the scenario has no sweep block (grid, zip, "
                    + "constraint, repeat)");
        }
        try {
            SweepSpec spec = new SweepSpec(sweep.grid(), sweep.zip(), sweep.constraint(),
                    sweep.repeat() == null ? 1 : sweep.repeat());
            spec.checkPaths(SweepStudy::settable, FieldSchema.leafPaths());
            return spec.expand();
        } catch (IllegalArgumentException e) {
            if (e instanceof ScenarioException) {
                throw e;
            }
            throw ScenarioException.of(loaded.tree().locate("sweep"), "sweep", e.getMessage());
        }
    }

    private static boolean settable(String path) {
        try {
            FieldSchema.requireSettable(path, null);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every run of the sweep, resolved before anything runs (so a bad point is reported first). */
    public static List<Run> runs(ScenarioLoader.Loaded loaded, List<ScenarioLoader.Setting> base) {
        List<Run> runs = new ArrayList<>();
        for (SweepPoint p : points(loaded)) {
            List<ScenarioLoader.Setting> settings = new ArrayList<>(base);
            for (Map.Entry<String, Object> v : p.values().entrySet()) {
                settings.add(new ScenarioLoader.Setting(v.getKey(), JSON.valueToTree(v.getValue()),
                        "sweep point " + p.folder()));
            }
            ResolvedScenario r = resolve(loaded, settings);
            if (p.repeat() > 0) {
                long seed = r.scenario().seed() + (long) p.repeat() * r.scenario().replications();
                settings.add(ScenarioLoader.Setting.parse("run.seed=" + seed, "sweep repeat " + p.repeat()));
                r = resolve(loaded, settings);
            }
            runs.add(new Run(p, r, List.copyOf(settings)));
        }
        return runs;
    }

    private static ResolvedScenario resolve(ScenarioLoader.Loaded loaded, List<ScenarioLoader.Setting> settings) {
        return ScenarioResolver.resolve(ScenarioLoader.load(loaded.file(), settings));
    }

    /** Runs every replication of {@code r} on its own compute service and writes its results folder {@code dir}. */
    public static void runInto(ResolvedScenario r, Path dir) {
        try (Compute compute = Compute.open(r.compute(), null)) {
            List<RunResult> results = ScenarioRunner.run(r.scenario(), compute.service(), 0,
                    r.scenario().replications(), r.scenario().name(), null);
            compute.close();
            ResultsFolder.write(dir, r, results, compute.service().fidelity(),
                    compute.pool() == null ? null : compute.pool().metricsJson());
        }
    }
}
