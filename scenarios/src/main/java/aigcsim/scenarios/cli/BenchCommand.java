package aigcsim.scenarios.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aigcsim bench}: simulator speed against a bare DSOL M/M/1 in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: events/s, requests per wall-second and peak heap of an analytic scenario, against a "
                + "bare DSOL M/M/1 in the same process.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--users", description = "Users (default ${DEFAULT-VALUE}).")
    int users = 1000;

    @Option(names = "--duration-s", description = "Simulated seconds (default ${DEFAULT-VALUE}).")
    double durationS = 3600;

    @Option(names = "--mmq-events", description = "Events of the M/M/1 reference (default ${DEFAULT-VALUE}).")
    int mmqEvents = 2_000_000;

    @Option(names = "--sizes", split = ",", paramLabel = "USERS", description = "Instead, the cost against size: "
            + "wall time and peak heap at each user count, e.g. 1000,10000,100000 (requests in proportion).")
    int[] sizes;

    @Override
    public Integer call() {
        if (users < 1 || !(durationS > 0) || mmqEvents < 1) {
            throw new IllegalArgumentException("--users, --duration-s and --mmq-events must be > 0");
        }
        if (sizes != null) {
            if (java.util.Arrays.stream(sizes).anyMatch(u -> u < 1)) {
                throw new IllegalArgumentException("--sizes must be user counts >= 1");
            }
            Bench.sizes(sizes, durationS);
            return Main.OK;
        }
        Bench.run(users, durationS, mmqEvents);
        return Main.OK;
    }
}
