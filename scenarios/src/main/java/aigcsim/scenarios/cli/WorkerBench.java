package aigcsim.scenarios.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import aigcsim.core.metrics.RunSummary;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.WorkKey;
import aigcsim.worker.WorkerPool;

/**
 * {@code aigcsim worker-bench}: multi-user workloads through the serial pool (the GSC paper's serial service) and
 * the async pool (its multi-user MU-GSC) in the same process. The headline compares async against the best serial
 * configuration (all cores, or one intra-op thread, whichever is faster on this host) on a workload without repeats
 * and on one with Zipf(1) repeats, with the cache's share separated; the ablation (batching alone, parallel workers
 * alone, the cache alone, all three) follows. Workload: {@code users} static users, each with its own SNR (uniform in
 * [−6, 15] dB) and split a (spread over 0 … T̂); requests are new (prompt, seed) pairs, or items of a catalogue of
 * {@code prompts} pairs with Zipf(1) popularity; all arrive at once (a burst), so the time per request includes its
 * wait. Prints requests per second, the mean wall time per image, p50/p95 of submit-to-result time, the speed-up,
 * the cache hit rate and the batch sizes the denoising steps ran at.
 */
final class WorkerBench {
    private static final long WORKLOAD_SEED = 2026;
    private static final int WARMUP_REQUESTS = 4;

    private WorkerBench() {
    }

    /** One pool's figures on one workload. */
    record Measure(String pool, double rate, double secondsPerImage, double p50, double p95, double cacheHit,
            long computed, String batches) {
    }

    static void run(int requests, int users, int prompts, int workers, int maxBatch) {
        if (requests < 1 || users < 1 || prompts < 1 || workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("worker-bench: --requests, --users, --prompts, --workers and "
                    + "--max-batch must be >= 1");
        }
        ModelSource models = ModelSource.bundled();
        List<WorkKey> zipf = workload(models.version(), requests, users, prompts, true);
        List<WorkKey> distinct = workload(models.version(), requests, users, prompts, false);
        int threadsEach = Math.max(1, PoolConfig.CORES / workers);
        PoolConfig serial = PoolConfig.serial().withName("serial, all cores");
        PoolConfig serialOne = serial.withName("serial, 1 thread").withWorkers(1, 1);
        PoolConfig async = PoolConfig.async(workers).withWorkers(workers, threadsEach).withBatching(maxBatch, 5)
                .withName("async (all three)");
        PoolConfig asyncNoCache = async.withCache(0).withName("async, no cache");
        System.out.printf(Locale.ROOT, "worker-bench: %d requests from %d users over %d catalogue items, a spread over "
                + "0..%d, SNR per user in [-6, 15] dB; %d cores; models %s%n", requests, users, prompts,
                TextToImage.TOTAL_STEPS, PoolConfig.CORES, models.version());
        System.out.printf(Locale.ROOT, "workloads: no repeats (%d distinct) and Zipf(1) repeats (%d distinct)%n",
                distinct.stream().distinct().count(), zipf.stream().distinct().count());

        // the headline: async against the best serial configuration on each workload, the cache separated
        System.out.println();
        System.out.println("Headline (speed-up = requests per second over the best serial configuration's):");
        Measure bestSerialZipf = null;
        PoolConfig base = null;
        for (List<WorkKey> w : List.of(distinct, zipf)) {
            String name = w == distinct ? "no repeats" : "Zipf repeats";
            Measure a = measure(serial, w, models);
            Measure b = measure(serialOne, w, models);
            Measure best = a.rate() >= b.rate() ? a : b;
            Measure noCache = measure(asyncNoCache, w, models);
            System.out.printf(Locale.ROOT, "  %-13s best serial = %s (%.2f req/s; the other %.2f); async without "
                    + "cache %.2f req/s = %.2fx%n", name, best.pool(), best.rate(), (best == a ? b : a).rate(),
                    noCache.rate(), noCache.rate() / best.rate());
            if (w == zipf) {
                Measure all = measure(async, w, models);
                System.out.printf(Locale.ROOT, "  %-13s async with cache %.2f req/s = %.2fx, of which the cache "
                        + "(hit rate %.3f) %.2fx%n", name, all.rate(), all.rate() / best.rate(), all.cacheHit(),
                        all.rate() / noCache.rate());
                bestSerialZipf = best;
                base = best == a ? serial : serialOne;
            }
        }

        // the ablation, on the Zipf workload, each feature added alone to the best serial configuration
        List<PoolConfig> ablation = List.of(
                base.withName("batching only").withBatching(maxBatch, 5),
                base.withName("workers only").withWorkers(workers, threadsEach),
                base.withName("cache only").withCache(4096), async);
        System.out.println();
        System.out.println("Ablation on the Zipf workload (speed-up over " + bestSerialZipf.pool() + "):");
        System.out.printf(Locale.ROOT, "%-18s %9s %10s %9s %9s %8s %9s %9s  %s%n", "pool", "req/s", "s/image",
                "p50 s", "p95 s", "speedup", "cache hit", "computed", "denoising steps by batch size");
        for (PoolConfig c : ablation) {
            Measure m = measure(c, zipf, models);
            System.out.printf(Locale.ROOT, "%-18s %9.2f %10.3f %9.2f %9.2f %7.2fx %9.3f %9d  %s%n", m.pool(), m.rate(),
                    m.secondsPerImage(), m.p50(), m.p95(), m.rate() / bestSerialZipf.rate(), m.cacheHit(),
                    m.computed(), m.batches());
        }
        System.out.println("the GSC paper reports 15.66 s (serial) vs 8.87 s (multi-user) per image: 1.77x");
    }

    /** Serves a workload, all at once (a burst), on a fresh pool after a warm-up, and measures it. */
    static Measure measure(PoolConfig c, List<WorkKey> workload, ModelSource models) {
        try (WorkerPool pool = WorkerPool.start(c, models)) {
            warmUp(pool, models.version());
            long before = pool.metrics().computed();
            long hitsBefore = pool.metrics().cacheHits();
            long[] stepsBefore = pool.metrics().stepsAtBatch();
            double[] latency = new double[workload.size()];
            List<CompletableFuture<WorkerPool.Served>> fs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < workload.size(); i++) {
                int idx = i;
                long submitted = System.nanoTime();
                fs.add(pool.serve(workload.get(i)).whenComplete((s, e) -> latency[idx] =
                        (System.nanoTime() - submitted) / 1e9));
            }
            fs.forEach(CompletableFuture::join);
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] sorted = latency.clone();
            Arrays.sort(sorted);
            long[] steps = pool.metrics().stepsAtBatch();
            StringBuilder hist = new StringBuilder();
            for (int b = 1; b < steps.length; b++) {
                long n = steps[b] - (b < stepsBefore.length ? stepsBefore[b] : 0);
                if (n > 0) {
                    hist.append(b).append(':').append(n).append(' ');
                }
            }
            return new Measure(c.name(), workload.size() / wall, wall / workload.size(),
                    RunSummary.quantile(sorted, 0.5), RunSummary.quantile(sorted, 0.95),
                    (pool.metrics().cacheHits() - hitsBefore) / (double) workload.size(),
                    pool.metrics().computed() - before, hist.toString().trim());
        }
    }

    /**
     * The requests of a workload, in arrival order: with {@code repeats}, items of a catalogue of {@code prompts}
     * (prompt, seed) pairs with Zipf(1) popularity; without, every request a new (prompt, seed) pair.
     */
    static List<WorkKey> workload(String version, int requests, int users, int prompts, boolean repeats) {
        SplittableRandom rng = new SplittableRandom(WORKLOAD_SEED);
        double[] snr = new double[users];
        int[] split = new int[users];
        for (int u = 0; u < users; u++) {
            snr[u] = WorkKey.quantize(-6 + 21 * rng.nextDouble(), 0.5);
            split[u] = (int) Math.round(TextToImage.TOTAL_STEPS * u / (double) Math.max(1, users - 1));
        }
        double[] zipf = new double[prompts];
        double total = 0;
        for (int i = 0; i < prompts; i++) {
            total += 1.0 / (i + 1);
            zipf[i] = total;
        }
        List<WorkKey> keys = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            int u = rng.nextInt(users);
            double x = rng.nextDouble() * total;
            int item = 0;
            while (zipf[item] < x) {
                item++;
            }
            if (!repeats) {
                item = r;
            }
            keys.add(new WorkKey(version, FashionMnist.PROMPTS.get(item % FashionMnist.PROMPTS.size()), 1000 + item,
                    split[u], TextToImage.TOTAL_STEPS, true, TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN,
                    snr[u]));
        }
        return keys;
    }

    /** A few requests outside the workload (JIT, native allocations) before timing. */
    private static void warmUp(WorkerPool pool, String version) {
        List<CompletableFuture<WorkerPool.Served>> fs = new ArrayList<>();
        for (int i = 0; i < WARMUP_REQUESTS; i++) {
            fs.add(pool.serve(new WorkKey(version, FashionMnist.PROMPTS.get(i), -1 - i, 10, TextToImage.TOTAL_STEPS,
                    true, TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, 0)));
        }
        fs.forEach(CompletableFuture::join);
    }
}
