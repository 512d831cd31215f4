package aigcsim.worker;

import java.util.Locale;

/**
 * How the worker pool runs (seed 003's comparison is {@link #serial()} against {@link #async(int)}):
 *
 * @param workers         worker verticles in this process, each with its own model instance (0: a simulator that
 *                        only dispatches to cluster nodes)
 * @param maxBatch        requests one worker steps together (dynamic batching at denoising-step granularity)
 * @param maxWaitMs       how long an idle worker that got fewer than {@code maxBatch} requests waits for more before
 *                        its first step
 * @param queueCapacity   jobs queued or running at once; a submit beyond it blocks until one ends (backpressure)
 * @param cacheSize       results kept (0: no cache)
 * @param snrStepDb       SNR quantization of the cache key, dB (0: exact)
 * @param maxRetries      times a failed job (worker threw, lease expired) is retried on another worker
 * @param leaseTimeoutMs  a job not reported this long after a worker took it is taken back and retried
 * @param requestTimeoutMs event-bus reply timeout of pulls and reports
 * @param intraOpThreads  PyTorch intra-op threads per worker (workers × threads should fit the cores)
 * @param fidelity        what is computed: every request, once per distinct key, or a sampled fraction
 * @param sampledFraction the fraction computed under {@link Fidelity#SAMPLED}
 */
public record PoolConfig(String name, int workers, int maxBatch, long maxWaitMs, int queueCapacity, int cacheSize,
        double snrStepDb, int maxRetries, long leaseTimeoutMs, long requestTimeoutMs, int intraOpThreads,
        Fidelity fidelity, double sampledFraction) {

    /** The fidelity modes that compute (analytic computes nothing and needs no pool; docs/architecture.md). */
    public enum Fidelity {
        CACHED, FULL, SAMPLED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Fidelity parse(String s) {
            for (Fidelity f : values()) {
                if (f.id().equals(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown fidelity '" + s + "'; allowed: cached, full, sampled");
        }
    }

    public static final int CORES = Runtime.getRuntime().availableProcessors();

    public PoolConfig {
        check(workers >= 0, "workers", workers, ">= 0");
        check(maxBatch >= 1, "maxBatch", maxBatch, ">= 1");
        check(maxWaitMs >= 0, "maxWaitMs", maxWaitMs, ">= 0");
        check(queueCapacity >= 1, "queueCapacity", queueCapacity, ">= 1");
        check(cacheSize >= 0, "cacheSize", cacheSize, ">= 0");
        check(snrStepDb >= 0 && Double.isFinite(snrStepDb), "snrStepDb", snrStepDb, ">= 0");
        check(maxRetries >= 0, "maxRetries", maxRetries, ">= 0");
        check(leaseTimeoutMs >= 1, "leaseTimeoutMs", leaseTimeoutMs, ">= 1");
        check(requestTimeoutMs >= 1, "requestTimeoutMs", requestTimeoutMs, ">= 1");
        check(intraOpThreads >= 1, "intraOpThreads", intraOpThreads, ">= 1");
        check(sampledFraction > 0 && sampledFraction <= 1, "sampledFraction", sampledFraction, "in (0, 1]");
        if (fidelity == Fidelity.CACHED && cacheSize == 0) {
            throw new IllegalArgumentException("pool '" + name + "': fidelity cached needs a cache (cacheSize > 0)");
        }
    }

    private static void check(boolean ok, String field, Object value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("pool config: " + field + " must be " + allowed + ", got " + value);
        }
    }

    /** GSC of seed 003: one worker, one request at a time to the end, no cache; it gets all the cores. */
    public static PoolConfig serial() {
        return new PoolConfig("serial", 1, 1, 0, 1024, 0, 0.5, 2, 120_000, 30_000, CORES, Fidelity.FULL, 1);
    }

    /**
     * MU-GSC of seed 003: {@code workers} workers sharing the cores, batches of up to 16 requests at denoising-step
     * granularity (an idle worker waits up to 5 ms to fill one), a result cache of 4096 entries with the SNR
     * quantized to 0.5 dB.
     */
    public static PoolConfig async(int workers) {
        return new PoolConfig("async", workers, 16, 5, 1024, 4096, 0.5, 2, 120_000, 30_000,
                Math.max(1, CORES / Math.max(1, workers)), Fidelity.CACHED, 1);
    }

    public PoolConfig withName(String n) {
        return new PoolConfig(n, workers, maxBatch, maxWaitMs, queueCapacity, cacheSize, snrStepDb, maxRetries,
                leaseTimeoutMs, requestTimeoutMs, intraOpThreads, fidelity, sampledFraction);
    }

    public PoolConfig withWorkers(int w, int threadsEach) {
        return new PoolConfig(name, w, maxBatch, maxWaitMs, queueCapacity, cacheSize, snrStepDb, maxRetries,
                leaseTimeoutMs, requestTimeoutMs, threadsEach, fidelity, sampledFraction);
    }

    public PoolConfig withBatching(int batch, long waitMs) {
        return new PoolConfig(name, workers, batch, waitMs, queueCapacity, cacheSize, snrStepDb, maxRetries,
                leaseTimeoutMs, requestTimeoutMs, intraOpThreads, fidelity, sampledFraction);
    }

    /** A cache of {@code size} entries (fidelity cached), or none (size 0: fidelity full). */
    public PoolConfig withCache(int size) {
        return new PoolConfig(name, workers, maxBatch, maxWaitMs, queueCapacity, size, snrStepDb, maxRetries,
                leaseTimeoutMs, requestTimeoutMs, intraOpThreads, size > 0 ? Fidelity.CACHED : Fidelity.FULL,
                sampledFraction);
    }

    public PoolConfig withFidelity(Fidelity f, double fraction) {
        return new PoolConfig(name, workers, maxBatch, maxWaitMs, queueCapacity, cacheSize, snrStepDb, maxRetries,
                leaseTimeoutMs, requestTimeoutMs, intraOpThreads, f, fraction);
    }

    public PoolConfig withQueue(int capacity) {
        return new PoolConfig(name, workers, maxBatch, maxWaitMs, capacity, cacheSize, snrStepDb, maxRetries,
                leaseTimeoutMs, requestTimeoutMs, intraOpThreads, fidelity, sampledFraction);
    }

    public PoolConfig withRetries(int retries, long leaseMs) {
        return new PoolConfig(name, workers, maxBatch, maxWaitMs, queueCapacity, cacheSize, snrStepDb, retries,
                leaseMs, requestTimeoutMs, intraOpThreads, fidelity, sampledFraction);
    }

    /** One line for logs and summaries. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d worker(s) x %d thread(s), batch <= %d (wait %d ms), cache %d, "
                + "fidelity %s%s", name, workers, intraOpThreads, maxBatch, maxWaitMs, cacheSize, fidelity.id(),
                fidelity == Fidelity.SAMPLED ? " " + sampledFraction : "");
    }
}
