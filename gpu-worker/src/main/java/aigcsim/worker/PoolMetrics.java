package aigcsim.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The pool's counters, safe to update from any thread: requests submitted, completed and failed (each submitted
 * request ends as exactly one of them), jobs computed by workers, retried after a failure, handed back by a
 * stopping worker, cache hits and misses and evictions, requests not sampled, queue depth, how many denoising steps
 * ran at each batch size and their time, and the compute time per stage. {@link #snapshot()} is JSON-ready.
 */
public final class PoolMetrics {
    final LongAdder submitted = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder computed = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder requeued = new LongAdder();
    final LongAdder lateReports = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();
    final LongAdder notSampled = new LongAdder();
    final LongAdder blockedSubmits = new LongAdder();
    final AtomicInteger queueDepth = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    private final AtomicLongArray stepsAtBatch;
    /** The workers' time in steps of each batch size (a request-step adds its step's time over the batch), ms. */
    private final DoubleAdder[] stepMsAtBatch;
    private final DoubleAdder edgeMs = new DoubleAdder();
    private final DoubleAdder finishMs = new DoubleAdder();
    private final DoubleAdder busyMs = new DoubleAdder();
    private final LongSupplier evictions;

    PoolMetrics(int maxBatch, LongSupplier evictions) {
        this.stepsAtBatch = new AtomicLongArray(maxBatch + 1);
        this.stepMsAtBatch = new DoubleAdder[maxBatch + 1];
        for (int b = 0; b <= maxBatch; b++) {
            stepMsAtBatch[b] = new DoubleAdder();
        }
        this.evictions = evictions;
    }

    /** A worker's report of a computed request. */
    void recordComputed(Outcome o) {
        computed.increment();
        edgeMs.add(o.edgeMs());
        finishMs.add(o.finishMs());
        busyMs.add(o.edgeShareMs() + o.finishMs());
        for (int i = 0; i < o.stepBatchSizes().length; i++) {
            int b = Math.min(o.stepBatchSizes()[i], stepsAtBatch.length() - 1);
            stepsAtBatch.incrementAndGet(b);
            stepMsAtBatch[b].add(o.stepMs()[i] / o.stepBatchSizes()[i]);
        }
    }

    /**
     * The workers' time in steps of each batch size (index = batch size), ms: with {@link #stepsAtBatch()}, the mean
     * time of a step at each size as the pool ran it, t(b) = time(b) / (steps(b) / b).
     */
    public double[] stepMsAtBatch() {
        double[] ms = new double[stepMsAtBatch.length];
        for (int b = 0; b < ms.length; b++) {
            ms[b] = stepMsAtBatch[b].sum();
        }
        return ms;
    }

    /** The workers' busy time so far: each computed request's share of its batched steps, and its finish, ms. */
    public double busyMs() {
        return busyMs.sum();
    }

    public long submitted() {
        return submitted.sum();
    }

    public long completed() {
        return completed.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long computed() {
        return computed.sum();
    }

    public long retried() {
        return retried.sum();
    }

    public long cacheHits() {
        return cacheHits.sum();
    }

    /** Denoising steps that ran in a batch of each size (index = batch size). */
    public long[] stepsAtBatch() {
        long[] h = new long[stepsAtBatch.length()];
        for (int i = 0; i < h.length; i++) {
            h[i] = stepsAtBatch.get(i);
        }
        return h;
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("submitted", submitted());
        m.put("completed", completed());
        m.put("failed", failed());
        m.put("computed", computed());
        m.put("retried", retried());
        m.put("requeuedFromStoppedWorkers", requeued.sum());
        m.put("lateReportsIgnored", lateReports.sum());
        m.put("cacheHits", cacheHits());
        m.put("cacheMisses", cacheMisses.sum());
        m.put("cacheEvictions", evictions.getAsLong());
        m.put("notSampled", notSampled.sum());
        m.put("blockedSubmits", blockedSubmits.sum());
        m.put("queueDepth", queueDepth.get());
        m.put("running", running.get());
        Map<String, Long> hist = new LinkedHashMap<>();
        long[] h = stepsAtBatch();
        for (int b = 1; b < h.length; b++) {
            if (h[b] > 0) {
                hist.put(Integer.toString(b), h[b]);
            }
        }
        m.put("denoisingStepsByBatchSize", hist);
        long n = computed();
        m.put("meanEdgeStepsMs", n == 0 ? Double.NaN : edgeMs.sum() / n);
        m.put("meanFinishMs", n == 0 ? Double.NaN : finishMs.sum() / n);
        return m;
    }
}
