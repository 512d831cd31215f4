package aigcsim.scenarios.twin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Submits jobs on the wall clock at their scheduled times (seconds from the start) and records, for each, when it
 * was due, when it was submitted and when its future completed (nanoseconds from the start). One thread submits in
 * time order, sleeping until a millisecond before each time and spinning the rest, so a submission is late only by
 * the time the previous submission took; a submission that blocks (a full queue) delays the ones after it, which the
 * record shows.
 */
public final class RealTimeDriver {
    /** One job's times, in nanoseconds from the start; {@code error} when its future failed. */
    public record Timing(long dueNs, long submittedNs, long completedNs, Throwable error) {
        public double latencyS() {
            return (completedNs - dueNs) / 1e9;
        }

        public double latenessS() {
            return (submittedNs - dueNs) / 1e9;
        }
    }

    private static final long SPIN_NS = 1_000_000;

    private final LongSupplier clock;

    public RealTimeDriver(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Submits job i at {@code atS[i]} (non-decreasing) by {@code submit} and waits for every future; returns the
     * timings in the jobs' order.
     */
    public <J> List<Timing> run(List<J> jobs, double[] atS, Function<J, CompletableFuture<?>> submit) {
        if (jobs.size() != atS.length) {
            throw new IllegalArgumentException(jobs.size() + " jobs, " + atS.length + " times");
        }
        long start = clock.getAsLong();
        long[] due = new long[atS.length];
        long[] submitted = new long[atS.length];
        long[] completed = new long[atS.length];
        Throwable[] errors = new Throwable[atS.length];
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < atS.length; i++) {
            if (i > 0 && atS[i] < atS[i - 1]) {
                throw new IllegalArgumentException("submission times must not decrease: " + atS[i - 1] + " then "
                        + atS[i]);
            }
            due[i] = Math.round(atS[i] * 1e9);
            long wait;
            while ((wait = due[i] - (clock.getAsLong() - start)) > 0) {
                if (wait > SPIN_NS) {
                    LockSupport.parkNanos(wait - SPIN_NS);
                }
            }
            int k = i;
            submitted[i] = clock.getAsLong() - start;
            futures.add(submit.apply(jobs.get(i)).whenComplete((v, e) -> {
                completed[k] = clock.getAsLong() - start;
                errors[k] = e;
            }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<Timing> out = new ArrayList<>();
        for (int i = 0; i < atS.length; i++) {
            out.add(new Timing(due[i], submitted[i], completed[i], errors[i]));
        }
        return out;
    }
}
