package aigcsim.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.metrics.ConfidenceInterval;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.core.sim.SimulationException;

/**
 * The {@code aigcsim} command line: {@code run} simulates the bundled default scenario in serial and async edge
 * mode (same arrivals and channels) and prints the comparison; {@code bench} prints simulator speed figures.
 */
public final class Main {
    private static final String USAGE = """
            usage: aigcsim <command> [options]
              run    [--out DIR] [--replications N] [--seed S] [--users N] [--duration-s T] [--mode serial|async|both]
                     simulate the bundled default scenario (analytic fidelity); writes DIR/<mode>/requests.csv and
                     summary.json (default DIR: results/default) and prints a summary
              bench  [--users N] [--duration-s T] [--mmq-events N]
                     benchmark: events/s, requests per wall-second and peak heap of an analytic scenario, against a
                     bare DSOL M/M/1 in the same process
            """;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | SimulationException e) {
            System.err.println("aigcsim: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("aigcsim: cannot write results: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Options o = Options.parse(args);
        return switch (args[0]) {
            case "run" -> runDefault(o.allow("--out", "--replications", "--seed", "--users", "--duration-s", "--mode"));
            case "bench" -> {
                o.allow("--users", "--duration-s", "--mmq-events");
                Bench.run(o.intOr("--users", 1000), o.doubleOr("--duration-s", 3600),
                        o.intOr("--mmq-events", 2_000_000));
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'; commands: run, bench "
                    + "(aigcsim help)");
        };
    }

    private static int runDefault(Options o) throws IOException {
        Scenario base = DefaultScenario.build();
        Scenario.Builder b = base.toBuilder()
                .replications(o.intOr("--replications", base.replications()))
                .seed(o.intOr("--seed", (int) base.seed()))
                .users(o.intOr("--users", base.users()))
                .durationS(o.doubleOr("--duration-s", base.durationS()));
        String mode = o.stringOr("--mode", "both");
        List<Scenario.EdgeMode> modes = switch (mode) {
            case "both" -> List.of(Scenario.EdgeMode.SERIAL, Scenario.EdgeMode.ASYNC);
            case "serial" -> List.of(Scenario.EdgeMode.SERIAL);
            case "async" -> List.of(Scenario.EdgeMode.ASYNC);
            default -> throw new IllegalArgumentException("--mode must be serial, async or both, got '" + mode + "'");
        };
        Path out = Path.of(o.stringOr("--out", "results/default"));
        ComputeService compute = new AnalyticComputeService();
        List<String[]> table = new ArrayList<>();
        for (Scenario.EdgeMode m : modes) {
            Scenario s = b.edgeMode(m).build();
            String name = m.name().toLowerCase(Locale.ROOT);
            System.out.printf(Locale.ROOT, "%s: %d users, %s, %s, split %s, %.0f s x %d replications, fidelity %s%n",
                    name, s.users(), s.framework().id(), s.bandwidthScheduler(), s.splitPolicy(), s.durationS(),
                    s.replications(), compute.fidelity());
            List<RunResult> runs = Simulation.run(s, compute, (r, f) -> {
                if (f == 1.0) {
                    System.out.printf(Locale.ROOT, "  replication %d/%d done%n", r + 1, s.replications());
                }
            });
            Path dir = out.resolve(name);
            Files.createDirectories(dir);
            ResultWriter.writeRequestsCsv(dir.resolve("requests.csv"), runs);
            ResultWriter.writeSummaryJson(dir.resolve("summary.json"), s.describe(), compute.fidelity(), runs);
            Map<String, ConfidenceInterval> ci = ResultWriter.confidenceIntervals(
                    runs.stream().map(RunResult::summary).toList());
            table.add(new String[] {name, fmt(ci.get("requests"), "%.0f"), fmt(ci.get("meanLatencyS"), "%.2f"),
                    fmt(ci.get("p95LatencyS"), "%.2f"), fmt(ci.get("meanSatisfaction"), "%.3f"),
                    fmt(ci.get("failureRate"), "%.3f"), fmt(ci.get("throughputPerS"), "%.4f"),
                    fmt(ci.get("edgeUtilization"), "%.2f"), fmt(ci.get("meanEdgeSteps"), "%.1f")});
            System.out.println("  wrote " + dir.resolve("requests.csv") + " and " + dir.resolve("summary.json"));
        }
        System.out.println();
        System.out.println("Summary (mean ± 95 % CI half-width over replications; latency of delivered requests)");
        String[] head = {"mode", "requests", "latency s", "p95 s", "satisfaction", "failure", "served/s",
                "edge util", "mean a"};
        printRow(head);
        table.forEach(Main::printRow);
        return 0;
    }

    private static String fmt(ConfidenceInterval ci, String f) {
        String mean = String.format(Locale.ROOT, f, ci.mean());
        return Double.isNaN(ci.halfWidth95()) ? mean : mean + " ± " + String.format(Locale.ROOT, f, ci.halfWidth95());
    }

    private static void printRow(String[] cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            s.append(String.format(Locale.ROOT, i == 0 ? "%-7s" : "%18s", cells[i]));
        }
        System.out.println(s);
    }

    /** {@code --key value} options after the command. */
    record Options(Map<String, String> values) {
        static Options parse(String[] args) {
            Map<String, String> v = new java.util.LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected '--option value', got '" + args[i] + "'");
                }
                v.put(args[i], args[++i]);
            }
            return new Options(v);
        }

        /** Rejects options the command does not know. */
        Options allow(String... known) {
            for (String key : values.keySet()) {
                if (!List.of(known).contains(key)) {
                    throw new IllegalArgumentException("unknown option '" + key + "'; allowed: " + List.of(known));
                }
            }
            return this;
        }

        String stringOr(String key, String def) {
            return values.getOrDefault(key, def);
        }

        int intOr(String key, int def) {
            String s = values.get(key);
            try {
                return s == null ? def : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " needs an integer, got '" + s + "'");
            }
        }

        double doubleOr(String key, double def) {
            String s = values.get(key);
            try {
                return s == null ? def : Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " needs a number, got '" + s + "'");
            }
        }
    }
}
