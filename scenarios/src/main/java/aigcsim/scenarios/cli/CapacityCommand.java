package aigcsim.scenarios.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import aigcsim.scenarios.file.FieldSchema;
import aigcsim.scenarios.file.Location;
import aigcsim.scenarios.run.CapacityStudy;
import aigcsim.scenarios.run.ResultsFolder;
import aigcsim.scenarios.study.CapacitySearch;
import aigcsim.scenarios.study.Target;
import aigcsim.worker.ClusterMember;
import aigcsim.worker.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim capacity FILE --vary users.perCell --target "satisfaction >= 0.9"}: the largest value of an integer
 * field that meets the target, by galloping then bisection; each probe adds replications until its 95 % interval
 * lies wholly on one side of the target (or reports it undecided at the maximum). Writes {@code capacity.json} (the
 * answer, its bracket, every probe with its interval) and each probe's run folder under {@code probes/}.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "Find the largest value of an integer field that meets a target (e.g. users per cell at 90 %% "
                + "satisfaction); each probe decided by its confidence interval.")
final class CapacityCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--vary", required = true, paramLabel = "PATH", description = "The integer field searched, "
            + "e.g. users.perCell or users.count.")
    String path;

    @Option(names = "--target", required = true, paramLabel = "TARGET", description = "What a value must meet: "
            + "'satisfaction >= 0.9', 'p95 <= 25 s', 'failure <= 0.05', or any summary figure with >=, >, <=, <.")
    String target;

    @Mixin
    ClusterMixin cluster;

    @Option(names = "--jobs", paramLabel = "N", description = "With --cluster: the replications this node runs "
            + "itself at once (default ${DEFAULT-VALUE}; 0: the members run them all).")
    int jobs = 1;

    @Option(names = "--min", description = "Smallest value tried (default ${DEFAULT-VALUE}).")
    int min = 1;

    @Option(names = "--max", description = "Largest value tried (default ${DEFAULT-VALUE}).")
    int max = 1000;

    @Option(names = "--initial-replications", description = "Replications a probe starts with (default "
            + "${DEFAULT-VALUE}).")
    int initial = CapacitySearch.Replications.DEFAULT.initial();

    @Option(names = "--replications-step", description = "Replications added while undecided (default "
            + "${DEFAULT-VALUE}).")
    int step = CapacitySearch.Replications.DEFAULT.step();

    @Option(names = "--max-replications", description = "Most replications a probe uses (default "
            + "${DEFAULT-VALUE}).")
    int maxReplications = CapacitySearch.Replications.DEFAULT.max();

    @Override
    public Integer call() {
        Target t = Target.parse(target);
        FieldSchema.requireSettable(path, Location.of("--vary"));
        if (FieldSchema.typeAt(path) != Integer.class) {
            throw new IllegalArgumentException("--vary " + path + ": a capacity search needs an integer field");
        }
        ClusterOptions options = cluster.options();
        if (jobs < 0 || (options == null && jobs != 1)) {
            throw new IllegalArgumentException("--jobs N (>= 0) is the replications this node runs with --cluster");
        }
        CapacitySearch.Result result;
        String name;
        CapacityStudy study;
        try (ClusterMember member = options == null ? null : ClusterMember.join(options.withSimulationSlots(jobs))) {
            study = new CapacityStudy(scenario.file(), scenario.settings(), path, t, System.err, member);
            name = study.scenario(min).scenario().name();
            study.scenario(max); // both ends resolve before anything runs
            System.out.printf(Locale.ROOT, "capacity %s: largest %s in [%d, %d] with %s (replications %d, +%d, at "
                    + "most %d per probe)%s%n", name, path, min, max, t, initial, step, maxReplications,
                    member == null ? "" : ", replications on the cluster's members");
            result = new CapacitySearch(study, min, max,
                    new CapacitySearch.Replications(initial, step, maxReplications)).search(t);
        }
        var out = scenario.out(name, "-capacity");
        Map<String, Object> report = report(result, path);
        ResultsFolder.replace(out, staging -> {
            for (var e : study.runs().entrySet()) {
                var s = study.scenario(e.getKey());
                ResultsFolder.write(staging.resolve("probes").resolve(path + "=" + e.getKey()), s, e.getValue(),
                        s.compute().fidelity(), null);
            }
            JSON.writeValue(staging.resolve("capacity.json").toFile(), report);
        });
        System.out.println();
        Tables.row(System.out, new String[] {path, "replications", t.figure(), "decision"});
        for (CapacitySearch.ProbeRecord p : result.history()) {
            Tables.row(System.out, new String[] {Integer.toString(p.x()), Integer.toString(p.replications()),
                Tables.fmt(p.mean(), p.halfWidth95(), "%.4f"), p.decision().name().toLowerCase(Locale.ROOT)});
        }
        System.out.println();
        System.out.println("capacity (" + t + "): " + result.describe());
        System.out.println("results: " + out);
        scenario.report(out);
        return Main.OK;
    }

    static Map<String, Object> report(CapacitySearch.Result r, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", path);
        m.put("target", r.target().toString());
        m.put("status", r.status().name());
        m.put("answer", r.answer());
        m.put("lastMeets", r.lastMeets());
        m.put("firstFails", r.firstFails());
        m.put("undecided", r.undecided());
        m.put("describe", r.describe());
        List<Map<String, Object>> probes = new ArrayList<>();
        for (CapacitySearch.ProbeRecord p : r.history()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("x", p.x());
            pm.put("replications", p.replications());
            pm.put("mean", p.mean());
            pm.put("halfWidth95", Double.isFinite(p.halfWidth95()) ? p.halfWidth95() : null);
            pm.put("decision", p.decision().name());
            probes.add(pm);
        }
        m.put("probes", probes);
        return m;
    }
}
