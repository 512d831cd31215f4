package aigcsim.scenarios.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.simple.RandomSource;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.metrics.Records;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;
import aigcsim.core.sim.Defaults;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ReplicationState;

/**
 * {@code aigcsim bench}: an analytic scenario of many users (default 1000 users over one simulated hour at one
 * request per user per minute, about 60 000 requests, spread over cells of 20 users each) and, in the same process,
 * a bare DSOL M/M/1 of the same event machinery, so the figures are read as a ratio on a noisy machine. Each is timed
 * after a warm-up run of the same code: one replication of the same scenario (replication 1, up to 3600 simulated
 * seconds; its figure is printed as the cold one) and 300,000 M/M/1 events.
 */
final class Bench {
    private static final int USERS_PER_CELL = 20;
    private static final double CELL_SPACING_M = 500;
    /** The warm-up: at most this many simulated seconds of the scenario (replication 1), and bare M/M/1 events. */
    private static final double WARMUP_S = 3600;
    private static final int WARMUP_EVENTS = 300_000;

    private Bench() {
    }

    /** The bench scenario: {@code users} in cells of 20 on a square grid, one request per user per minute. */
    private static Scenario scenario(int users, double durationS) {
        int cells = Math.max(1, (users + USERS_PER_CELL - 1) / USERS_PER_CELL);
        int cols = (int) Math.ceil(Math.sqrt(cells));
        int rows = (cells + cols - 1) / cols;
        Scenario.Builder b = Scenario.builder().name("bench").seed(7).users(users).durationS(durationS)
                .area(cols * CELL_SPACING_M, rows * CELL_SPACING_M);
        DeviceProfile edge = DeviceProfile.bundled(Defaults.EDGE_PROFILE);
        for (int c = 0; c < cells; c++) {
            b.cell(new Scenario.CellSpec(new Position((c % cols + 0.5) * CELL_SPACING_M,
                    (c / cols + 0.5) * CELL_SPACING_M), Defaults.BANDWIDTH_HZ, edge, PacrSchedule.FULL));
        }
        return b.build();
    }

    /**
     * Cost against size: the bench scenario at each user count (requests in proportion, the same simulated time),
     * after one untimed warm-up run; wall time, the peak heap (of the heap in use, garbage included, after a GC before
     * the run: an upper bound of what the run needs, set by the collector's sizing as much as by the run), the live
     * heap after the run while its result is held (what the run keeps: records past {@link Records#DEFAULT_MEMORY_LIMIT}
     * are on disk), and at the end the process's peak resident memory and its maximum heap.
     */
    static void sizes(int[] users, double durationS) {
        Simulation.runReplication(scenario(users[0], Math.min(durationS, WARMUP_S)), 1, new AnalyticComputeService(),
                (r, f) -> { });
        System.out.printf(Locale.ROOT, "cost against size: %.0f s simulated, one request per user per minute, 20 users "
                + "a cell, analytic, one replication each%n", durationS);
        System.out.printf(Locale.ROOT, "%9s %7s %11s %12s %8s %12s %13s %9s %9s %12s%n", "users", "cells", "requests",
                "events", "wall s", "requests/s", "us / request", "peak MiB", "live MiB", "spilled");
        for (int u : users) {
            Scenario s = scenario(u, durationS);
            Timed t = timed(s);
            long requests = t.run().records().size();
            System.out.printf(Locale.ROOT, "%,9d %,7d %,11d %,12d %8.2f %,12.0f %13.2f %,9.0f %,9.0f %12s%n", u,
                    s.cells().size(), requests, t.run().summary().events(), t.wallS(), requests / t.wallS(),
                    t.wallS() * 1e6 / requests, t.peakHeapBytes() / 1048576.0, liveHeapBytes() / 1048576.0,
                    t.run().records().spilled() ? String.format(Locale.ROOT, "%,d", requests
                            - Records.DEFAULT_MEMORY_LIMIT) : "0");
        }
        System.out.printf(Locale.ROOT, "process: peak resident %s, maximum heap %.0f MiB (-Xmx; the JVM's default is a "
                + "quarter of the machine's memory)%n", peakResident(), Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** The heap in use after a GC: what is still reachable. */
    private static long liveHeapBytes() {
        System.gc();
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set (VmHWM of /proc/self/status), or "unknown" off Linux. */
    private static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.format(Locale.ROOT, "%.0f MiB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    /** A timed replication: its result, wall seconds and peak heap. */
    private record Timed(RunResult run, double wallS, long peakHeapBytes) {
    }

    /** Replication 0 of {@code s}, timed, its peak heap measured from a GC before it. */
    private static Timed timed(Scenario s) {
        resetPeaks();
        long t0 = System.nanoTime();
        RunResult run = Simulation.runReplication(s, 0, new AnalyticComputeService(), (r, f) -> { });
        return new Timed(run, (System.nanoTime() - t0) / 1e9, peakHeapBytes());
    }

    static void run(int users, double durationS, int mmqEvents) {
        Scenario s = scenario(users, durationS);
        System.out.printf(Locale.ROOT, "bench: %d users in %d cells, %.0f s simulated, Poisson %.4f req/s per user, "
                + "%s, analytic%n", users, s.cells().size(), durationS, Defaults.REQUESTS_PER_USER_PER_S,
                s.edgeMode());

        // the measured runs come after a warm-up run of the same code, so neither figure is the JIT's warm-up; the
        // warm-up's own figure is the cold one (the first run in a fresh JVM)
        long c0 = System.nanoTime();
        RunResult cold = Simulation.runReplication(s.toBuilder().durationS(Math.min(durationS, WARMUP_S)).build(), 1,
                new AnalyticComputeService(), (r, f) -> { });
        double coldWall = (System.nanoTime() - c0) / 1e9;
        bareMm1(WARMUP_EVENTS);
        Timed t = timed(s);
        double wall = t.wallS();
        long simHeap = t.peakHeapBytes();
        long events = t.run().summary().events();
        long requests = t.run().records().size();

        resetPeaks();
        long t1 = System.nanoTime();
        long mmqDone = bareMm1(mmqEvents);
        double mmqWall = (System.nanoTime() - t1) / 1e9;
        long mmqHeap = peakHeapBytes();

        System.out.printf(Locale.ROOT, "aigcsim, cold (first run in this JVM, replication 1): %,d requests in %.2f s "
                + "wall: %,.0f simulated requests per wall-second%n", cold.records().size(), coldWall,
                cold.records().size() / coldWall);
        System.out.printf(Locale.ROOT, "aigcsim : %,d requests, %,d events in %.2f s wall: %,.0f events/s, "
                + "%,.0f simulated requests per wall-second, peak heap %.0f MiB%n", requests, events, wall,
                events / wall, requests / wall, simHeap / 1048576.0);
        System.out.printf(Locale.ROOT, "process: peak resident %s, maximum heap %.0f MiB%n", peakResident(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "bare DSOL M/M/1: %,d events in %.2f s wall: %,.0f events/s, peak heap "
                + "%.0f MiB%n", mmqDone, mmqWall, mmqDone / mmqWall, mmqHeap / 1048576.0);
        System.out.printf(Locale.ROOT, "ratio aigcsim/bare events per second: %.3f%n",
                (events / wall) / (mmqDone / mmqWall));
    }

    /** A bare M/M/1 (λ = 0.9, μ = 1) on DSOL lambda events; returns the number of events executed. */
    static long bareMm1(int events) {
        DevsSimulator<Double> sim = new DevsSimulator<>("bare-mm1");
        long[] count = {0};
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        var interarrival = AhrensDieterExponentialSampler.of(rng, 1 / 0.9);
        var service = AhrensDieterExponentialSampler.of(rng, 1.0);
        int[] inSystem = {0};
        class Mm1 extends AbstractDsolModel<Double, DevsSimulator<Double>> {
            Mm1() {
                super(sim);
            }

            @Override
            public void constructModel() {
                sim.scheduleEventRel(interarrival.sample(), this::arrive);
                sim.getReplication().setStoppingCondition(m -> count[0] >= events);
            }

            void arrive() {
                count[0]++;
                if (inSystem[0]++ == 0) {
                    sim.scheduleEventRel(service.sample(), this::depart);
                }
                sim.scheduleEventRel(interarrival.sample(), this::arrive);
            }

            void depart() {
                count[0]++;
                if (--inSystem[0] > 0) {
                    sim.scheduleEventRel(service.sample(), this::depart);
                }
            }
        }
        sim.initialize(new Mm1(), new SingleReplication<>("mm1", 0.0, 0.0, Double.MAX_VALUE / 4));
        sim.start();
        while (sim.getReplicationState() != ReplicationState.ENDED) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return count[0];
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
