package aigcsim.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.run.SweepStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim sweep-bench}: a sweep of analytic points (users.count x edge.mode on a one-cell scenario) run with
 * one job and with one job per core, in the same process after an untimed warm-up of 20 points; prints points per
 * minute of each and their ratio, and checks that both wrote identical results (written to a temporary folder,
 * removed at the end).
 */
@Command(name = "sweep-bench", mixinStandardHelpOptions = true,
        description = "Benchmark: points per minute of an analytic sweep with --jobs 1 and --jobs = cores, and their "
                + "ratio.")
final class SweepBenchCommand implements Callable<Integer> {
    @Option(names = "--points", description = "Sweep points, at least 2 (default ${DEFAULT-VALUE}).")
    int points = 120;

    @Option(names = "--duration-s", description = "Simulated seconds of each point (default ${DEFAULT-VALUE}).")
    double durationS = 1800;

    @Option(names = "--jobs", description = "The parallel arm's jobs (default: the cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        if (points < 2 || !(durationS > 60) || jobs < 1) {
            throw new IllegalArgumentException("--points must be >= 2, --duration-s > 60 and --jobs >= 1");
        }
        Path dir = Files.createTempDirectory("aigcsim-sweep-bench");
        String users = IntStream.rangeClosed(1, (points + 1) / 2).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        Path file = dir.resolve("bench.yaml");
        Files.writeString(file, String.format(Locale.ROOT, "name: sweep-bench%nrun: {seed: 7, replications: 2, "
                + "durationS: %s, warmupS: 60}%nsweep:%n  grid:%n    users.count: [%s]%n    edge.mode: [serial, "
                + "async]%n", durationS, users));
        List<SweepStudy.Run> runs = SweepStudy.runs(ScenarioLoader.load(file), List.of());
        System.out.printf(Locale.ROOT, "sweep-bench: %d analytic points (users.count 1..%d x edge.mode), %.0f s "
                + "simulated x 2 replications each, %d cores%n", runs.size(), (points + 1) / 2, durationS,
                Runtime.getRuntime().availableProcessors());
        SweepCommand warm = new SweepCommand(); // JIT warm-up, untimed, so the first arm does not pay for it
        warm.jobs = 1;
        warm.rerun = true;
        warm.run(runs.subList(0, Math.min(20, runs.size())), dir.resolve("warm-up"), null);
        double[] perMinute = new double[2];
        int[] arms = {1, jobs};
        for (int i = 0; i < 2; i++) {
            SweepCommand sweep = new SweepCommand();
            sweep.jobs = arms[i];
            sweep.rerun = true;
            long t0 = System.nanoTime();
            List<String> failed = sweep.run(runs, dir.resolve("jobs" + arms[i]), null);
            double minutes = (System.nanoTime() - t0) / 60e9;
            if (!failed.isEmpty()) {
                throw new IllegalStateException("sweep-bench: " + failed);
            }
            perMinute[i] = runs.size() / minutes;
            System.out.printf(Locale.ROOT, "  --jobs %d: %.1f s, %.1f points per minute%n", arms[i], minutes * 60,
                    perMinute[i]);
        }
        for (SweepStudy.Run r : runs) {
            Path a = dir.resolve("jobs" + arms[0]).resolve(r.point().folder()).resolve("requests.csv");
            Path b = dir.resolve("jobs" + arms[1]).resolve(r.point().folder()).resolve("requests.csv");
            if (Files.mismatch(a, b) != -1) {
                throw new IllegalStateException("sweep-bench: " + r.point().folder() + " differs between --jobs "
                        + arms[0] + " and --jobs " + arms[1]);
            }
        }
        System.out.printf(Locale.ROOT, "  ratio (--jobs %d / --jobs 1): %.2f; every point's requests.csv identical%n",
                jobs, perMinute[1] / perMinute[0]);
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return Main.OK;
    }
}
