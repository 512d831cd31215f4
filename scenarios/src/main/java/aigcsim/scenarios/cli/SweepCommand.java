package aigcsim.scenarios.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import aigcsim.scenarios.run.ClusterJobs;
import aigcsim.scenarios.run.ResultsFolder;
import aigcsim.scenarios.run.ScenarioRef;
import aigcsim.scenarios.run.SimulationJob;
import aigcsim.scenarios.run.SweepStudy;
import aigcsim.worker.ClusterMember;
import aigcsim.worker.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim sweep FILE}: runs every run of the scenario's sweep block, each into its own folder under
 * {@code points/}, in parallel across {@code --jobs} threads, and writes {@code sweep.csv} (one row per run: the
 * swept values and the main figures with their 95 % half-widths). A run whose folder already holds results of the
 * same resolved scenario and code is skipped, so an interrupted sweep resumes. Results do not depend on
 * {@code --jobs}: each run has its own seeds and compute service.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a scenario's sweep block: one results folder per point, sweep.csv over all; resumable.")
final class SweepCommand implements Callable<Integer> {
    static final String[] FIGURES = {"meanLatencyS", "p95LatencyS", "meanSatisfaction", "failureRate",
        "throughputPerS", "edgeUtilization", "meanEdgeSteps", "meanPsnrDb", "meanSemanticAccuracy"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs at once (default: the cores, ${DEFAULT-VALUE}); "
            + "with --cluster, the runs this node takes itself (0: it only hands them out).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Mixin
    ClusterMixin cluster = new ClusterMixin();

    @Option(names = "--rerun", description = "Run every point, even those with results of the same scenario and code.")
    boolean rerun;

    @Override
    public Integer call() throws Exception {
        if (jobs < (cluster.cluster ? 0 : 1)) {
            throw new IllegalArgumentException("--jobs must be >= 1 (>= 0 with --cluster), got " + jobs);
        }
        List<SweepStudy.Run> runs = SweepStudy.runs(scenario.load(List.of()), scenario.settings());
        String name = runs.get(0).scenario().scenario().name();
        Path out = scenario.out(name, "-sweep");
        Path points = out.resolve("points");
        long skipped = rerun ? 0 : runs.stream()
                .filter(r -> ResultsFolder.finished(points.resolve(r.point().folder()), r.scenario())).count();
        System.out.printf(Locale.ROOT, "sweep %s: %d runs (%d already done), %d at once -> %s%n", name, runs.size(),
                skipped, jobs, out);
        long t0 = System.nanoTime();
        List<String> failed = run(runs, points, System.err);
        double minutes = (System.nanoTime() - t0) / 60e9;
        writeCsv(out.resolve("sweep.csv"), runs, points);
        System.out.printf(Locale.ROOT, "%d runs in %.2f min (%.1f runs per minute, %d skipped); summary %s%n",
                runs.size(), minutes, (runs.size() - skipped) / minutes, skipped, out.resolve("sweep.csv"));
        if (failed.isEmpty()) {
            scenario.report(out);
        } else {
            failed.forEach(System.err::println);
            System.err.println(failed.size() + " run(s) failed; their folders were not written");
            return Main.FAILURE;
        }
        return Main.OK;
    }

    /** Runs the points not yet done (progress to {@code progress}, null: none); returns a line for each failure. */
    List<String> run(List<SweepStudy.Run> runs, Path points, PrintStream progress) throws InterruptedException {
        ClusterOptions options = cluster.options();
        if (options != null) {
            try (ClusterMember member = ClusterMember.join(options.withSimulationSlots(jobs))) {
                return runOnCluster(member, runs, points, progress, null);
            }
        }
        ProgressBar bar = progress == null ? null : new ProgressBar("sweep", runs.size(), progress);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<String>> futures = new ArrayList<>();
        for (SweepStudy.Run r : runs) {
            futures.add(pool.submit(() -> {
                try {
                    Path dir = points.resolve(r.point().folder());
                    if (rerun || !ResultsFolder.finished(dir, r.scenario())) {
                        SweepStudy.runInto(r.scenario(), dir);
                    }
                    return null;
                } catch (RuntimeException e) {
                    return r.point().folder() + ": " + e.getMessage();
                } finally {
                    if (bar != null) {
                        bar.advance();
                    }
                }
            }));
        }
        pool.shutdown();
        List<String> failed = new ArrayList<>();
        for (Future<String> f : futures) {
            try {
                String error = f.get();
                if (error != null) {
                    failed.add(error);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failed.add(e.getCause().toString());
            }
        }
        if (bar != null) {
            bar.close();
        }
        return failed;
    }

    /**
     * Runs the points not yet done on the cluster's members ({@link ClusterJobs}): each point's folder is written
     * here, once, from the files its member returns; a point whose member left runs again elsewhere.
     */
    List<String> runOnCluster(ClusterMember member, List<SweepStudy.Run> runs, Path points, PrintStream progress,
            ClusterJobs.StartListener onStart) throws InterruptedException {
        Map<String, SweepStudy.Run> byLabel = new LinkedHashMap<>();
        List<SimulationJob> jobs = new ArrayList<>();
        for (SweepStudy.Run r : runs) {
            if (rerun || !ResultsFolder.finished(points.resolve(r.point().folder()), r.scenario())) {
                String label = r.point().folder();
                byLabel.put(label, r);
                jobs.add(new SimulationJob(label, ScenarioRef.of(r.scenario().source().file(), r.settings())));
            }
        }
        ProgressBar bar = progress == null ? null : new ProgressBar("sweep on the cluster", runs.size(), progress);
        if (bar != null) {
            bar.step(runs.size() - jobs.size());
        }
        List<String> failed = new ArrayList<>();
        ClusterJobs.Outcome o = new ClusterJobs(member.hazelcast()).onStart(onStart == null ? (j, m) -> { } : onStart)
                .run(jobs, (job, files) -> {
                    SweepStudy.Run r = byLabel.get(job.label());
                    try {
                        ResultsFolder.writeFiles(points.resolve(job.label()), r.scenario(), files);
                    } catch (RuntimeException e) {
                        failed.add(job.label() + ": " + e.getMessage());
                    }
                    if (bar != null) {
                        bar.advance();
                    }
                });
        if (bar != null) {
            bar.close();
        }
        failed.addAll(o.failures());
        if (progress != null) {
            progress.println(o.describe("run(s)"));
        }
        return failed;
    }

    /** sweep.csv: per run its folder, repeat, swept values, and each main figure's mean and half-width. */
    static void writeCsv(Path file, List<SweepStudy.Run> runs, Path points) throws IOException {
        List<String> paths = new ArrayList<>(runs.get(0).point().values().keySet());
        StringBuilder csv = new StringBuilder("point,repeat,folder");
        paths.forEach(p -> csv.append(',').append(p));
        for (String f : FIGURES) {
            csv.append(',').append(f).append(',').append(f).append("HalfWidth95");
        }
        csv.append('\n');
        for (SweepStudy.Run r : runs) {
            Path summary = points.resolve(r.point().folder()).resolve(ResultsFolder.SUMMARY);
            JsonNode ci = Files.isRegularFile(summary) ? JSON.readTree(summary.toFile()).get("confidence95") : null;
            csv.append(r.point().index()).append(',').append(r.point().repeat()).append(',')
                    .append(r.point().folder());
            for (String p : paths) {
                csv.append(',').append('"').append(String.valueOf(r.point().values().get(p)).replace("\"", "\"\""))
                        .append('"');
            }
            for (String f : FIGURES) {
                JsonNode fig = ci == null ? null : ci.get(f);
                csv.append(',').append(value(fig, "mean")).append(',').append(value(fig, "halfWidth95"));
            }
            csv.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private static String value(JsonNode fig, String key) {
        return fig == null || fig.get(key) == null || fig.get(key).isNull() ? "" : fig.get(key).asText();
    }
}
