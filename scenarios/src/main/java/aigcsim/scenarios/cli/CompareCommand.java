package aigcsim.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import aigcsim.core.metrics.ConfidenceInterval;
import aigcsim.core.metrics.PairedDifference;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.run.Compute;
import aigcsim.scenarios.run.ResultsFolder;
import aigcsim.scenarios.run.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim compare FILE --vary path=a,b}: runs the scenario once per arm (every combination of the varied
 * values) on common random numbers — replication r of every arm has the same seed, so the same arrivals, channels
 * and prompts — and reports each arm and, for every figure, the paired difference to the first arm with its 95 %
 * interval over replications, next to the unpaired (Welch) interval of the same runs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run arms of a scenario on common random numbers and report each arm and the paired "
                + "differences to the first arm.")
final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--vary", required = true, paramLabel = "PATH=V1,V2,...",
            description = "A field and two or more values, e.g. --vary edge.mode=serial,async (repeatable: arms are "
                    + "every combination; the first is the baseline).")
    List<String> vary;

    @Option(names = "--shared-pool", description = "All arms share one worker pool and its cache (default: each arm "
            + "its own, so one arm's computations are not the other's cache hits).")
    boolean sharedPool;

    /** One arm: its label and the settings that make it. */
    record Arm(String label, List<ScenarioLoader.Setting> settings) {
    }

    @Override
    public Integer call() throws Exception {
        List<Arm> arms = arms(vary);
        List<ResolvedScenario> resolved = new ArrayList<>();
        for (Arm arm : arms) {
            resolved.add(ScenarioResolver.resolve(scenario.load(arm.settings())));
        }
        if (sharedPool && resolved.stream().map(ResolvedScenario::compute).distinct().count() > 1) {
            throw new IllegalArgumentException("--shared-pool needs the same compute settings in every arm");
        }
        String name = resolved.get(0).scenario().name();
        Path out = scenario.out(name, "-compare");
        System.out.printf(Locale.ROOT, "compare %s: %d arms x %d replication(s) on common random numbers%n", name,
                arms.size(), resolved.get(0).scenario().replications());
        List<List<RunResult>> results = new ArrayList<>();
        List<String> fidelities = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        Compute shared = sharedPool ? Compute.open(resolved.get(0).compute(), null) : null;
        try {
            for (int i = 0; i < arms.size(); i++) {
                ResolvedScenario r = resolved.get(i);
                Compute compute = shared != null ? shared : Compute.open(r.compute(), null);
                try {
                    System.out.println("arm " + arms.get(i).label() + ": " + compute.describe());
                    results.add(ScenarioRunner.run(r.scenario(), compute.service(), 0, r.scenario().replications(),
                            arms.get(i).label(), System.err));
                    fidelities.add(compute.service().fidelity());
                } finally {
                    if (shared == null) {
                        compute.close();
                    }
                }
                if (shared == null) {
                    metrics.add(compute.pool() == null ? null : compute.pool().metricsJson());
                }
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        Map<String, Object> report = report(arms, results);
        ResultsFolder.replace(out, staging -> {
            for (int i = 0; i < arms.size(); i++) {
                ResultsFolder.write(staging.resolve(folder(i, arms.get(i))), resolved.get(i), results.get(i),
                        fidelities.get(i), shared != null ? null : metrics.get(i));
            }
            if (shared != null && shared.pool() != null) {
                Files.writeString(staging.resolve("pool-metrics.json"), shared.pool().metricsJson());
            }
            JSON.writeValue(staging.resolve("compare.json").toFile(), report);
        });
        print(arms, results);
        System.out.println("results: " + out);
        scenario.report(out);
        return Main.OK;
    }

    static String folder(int i, Arm arm) {
        return String.format(Locale.ROOT, "%02d-%s", i, arm.label().replaceAll("[^A-Za-z0-9._=,-]+", "_"));
    }

    /** Every combination of the varied values, the first value of each first. */
    static List<Arm> arms(List<String> vary) {
        List<Arm> arms = List.of(new Arm("", List.of()));
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--vary needs PATH=V1,V2,..., got '" + v + "'");
            }
            String path = v.substring(0, eq).trim();
            List<String> values = splitValues(v.substring(eq + 1));
            if (values.size() < 2) {
                throw new IllegalArgumentException("--vary " + path + " needs two or more values, got " + values);
            }
            List<Arm> next = new ArrayList<>();
            for (Arm arm : arms) {
                for (String value : values) {
                    List<ScenarioLoader.Setting> s = new ArrayList<>(arm.settings());
                    s.add(ScenarioLoader.Setting.parse(path + "=" + value, "--vary " + path));
                    next.add(new Arm((arm.label().isEmpty() ? "" : arm.label() + " ") + path + "=" + value, s));
                }
            }
            arms = next;
        }
        return arms;
    }

    /** Comma-separated values; commas inside [] or {} belong to a value. */
    static List<String> splitValues(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    private static double[] figure(List<RunResult> runs, String key) {
        return runs.stream().mapToDouble(r -> r.summary().figures().get(key)).toArray();
    }

    static Map<String, Object> report(List<Arm> arms, List<List<RunResult>> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("baseline", arms.get(0).label());
        List<Map<String, Object>> armList = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("label", arms.get(i).label());
            a.put("folder", folder(i, arms.get(i)));
            Map<String, Object> ci = new LinkedHashMap<>();
            ResultWriter.confidenceIntervals(results.get(i).stream().map(RunResult::summary).toList())
                    .forEach((k, v) -> ci.put(k, interval(v.mean(), v.halfWidth95(), null, v.n())));
            a.put("confidence95", ci);
            armList.add(a);
        }
        root.put("arms", armList);
        List<Map<String, Object>> diffs = new ArrayList<>();
        for (int i = 1; i < arms.size(); i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("arm", arms.get(i).label());
            d.put("minus", arms.get(0).label());
            Map<String, Object> figures = new LinkedHashMap<>();
            for (String key : results.get(0).get(0).summary().figures().keySet()) {
                PairedDifference p = PairedDifference.of(figure(results.get(0), key), figure(results.get(i), key));
                figures.put(key, interval(p.mean(), p.halfWidth95(), p.welchHalfWidth95(), p.n()));
            }
            d.put("figures", figures);
            diffs.add(d);
        }
        root.put("pairedDifferences", diffs);
        return root;
    }

    private static Map<String, Object> interval(double mean, double half, Double unpaired, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(mean));
        m.put(unpaired == null ? "halfWidth95" : "pairedHalfWidth95", finite(half));
        if (unpaired != null) {
            m.put("unpairedHalfWidth95", finite(unpaired));
        }
        m.put("n", n);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void print(List<Arm> arms, List<List<RunResult>> results) {
        System.out.println();
        System.out.println("Arms (mean ± 95 % CI half-width over replications):");
        Tables.header(System.out, "arm");
        for (int i = 0; i < arms.size(); i++) {
            Map<String, ConfidenceInterval> ci = ResultWriter.confidenceIntervals(
                    results.get(i).stream().map(RunResult::summary).toList());
            Tables.summaryRow(System.out, arms.get(i).label(), ci);
        }
        for (int i = 0; i < arms.size(); i++) {
            Tables.steadyState(System.out, arms.get(i).label(), results.get(i));
        }
        for (int i = 1; i < arms.size(); i++) {
            System.out.println();
            System.out.println("Paired difference " + arms.get(i).label() + " - " + arms.get(0).label()
                    + " (mean ± 95 % half-width over the paired replications; in brackets the unpaired Welch "
                    + "half-width of the same runs):");
            for (String[] col : Tables.COLUMNS) {
                PairedDifference p = PairedDifference.of(figure(results.get(0), col[0]),
                        figure(results.get(i), col[0]));
                System.out.printf(Locale.ROOT, "  %-14s %22s  [%s]%n", col[1], Tables.fmt(p.mean(), p.halfWidth95(),
                        col[2]), Double.isNaN(p.welchHalfWidth95()) ? "-"
                                : String.format(Locale.ROOT, col[2], p.welchHalfWidth95()));
            }
        }
    }
}
