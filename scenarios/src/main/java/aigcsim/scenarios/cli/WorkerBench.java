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
 * {@code aigcsim worker-bench}: one multi-user workload through the serial pool (seed 003's GSC) and the async pool
 * (MU-GSC) in the same process, with an ablation — batching alone, parallel workers alone, the cache alone, all
 * three. Workload: {@code users} static users, each with its own SNR (uniform in [−6, 15] dB) and split a (spread
 * over 0 … T̂), requesting items of a catalogue of {@code prompts} (prompt, seed) pairs with Zipf(1) popularity; all
 * requests arrive at once (a burst), so the time per request includes its wait. A row with the serial pool on one
 * intra-op thread separates the thread count from the parallel workers. Prints requests per second, the mean
 * wall time per image, p50/p95 of submit-to-result time, the speedup over serial, the cache hit rate and the batch
 * sizes the denoising steps ran at.
 */
final class WorkerBench {
    private static final long WORKLOAD_SEED = 2026;
    private static final int WARMUP_REQUESTS = 4;

    private WorkerBench() {
    }

    static void run(int requests, int users, int prompts, int workers, int maxBatch) {
        if (requests < 1 || users < 1 || prompts < 1 || workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("worker-bench: --requests, --users, --prompts, --workers and "
                    + "--max-batch must be >= 1");
        }
        ModelSource models = ModelSource.bundled();
        List<WorkKey> workload = workload(models.version(), requests, users, prompts);
        long distinct = workload.stream().distinct().count();
        int threadsEach = Math.max(1, PoolConfig.CORES / workers);
        PoolConfig serial = PoolConfig.serial();
        PoolConfig one = serial.withName("one"); // 1 worker with every core, batch 1, no cache
        List<PoolConfig> configs = List.of(serial,
                // the intra-op thread count alone: tiny ops may run slower on several threads than on one
                one.withName("serial, 1 thread").withWorkers(1, 1),
                one.withName("batching only").withBatching(maxBatch, 5),
                one.withName("workers only").withWorkers(workers, threadsEach),
                one.withName("cache only").withCache(4096),
                PoolConfig.async(workers).withWorkers(workers, threadsEach).withBatching(maxBatch, 5)
                        .withName("async (all three)"));
        System.out.printf(Locale.ROOT, "worker-bench: %d requests (%d distinct) from %d users over %d catalogue items "
                + "(Zipf 1), a spread over 0..%d, SNR per user in [-6, 15] dB; %d cores; models %s%n", requests,
                distinct, users, prompts, TextToImage.TOTAL_STEPS, PoolConfig.CORES, models.version());
        System.out.printf(Locale.ROOT, "%-18s %9s %10s %9s %9s %8s %9s %9s  %s%n", "pool", "req/s", "s/image",
                "p50 s", "p95 s", "speedup", "cache hit", "computed", "denoising steps by batch size");
        double serialRate = Double.NaN;
        for (PoolConfig c : configs) {
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
                double rate = workload.size() / wall;
                if (c == serial) {
                    serialRate = rate;
                }
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
                System.out.printf(Locale.ROOT, "%-18s %9.2f %10.3f %9.2f %9.2f %7.2fx %9.3f %9d  %s%n", c.name(),
                        rate, wall / workload.size(), RunSummary.quantile(sorted, 0.5), RunSummary.quantile(sorted, 0.95),
                        rate / serialRate, (pool.metrics().cacheHits() - hitsBefore) / (double) workload.size(),
                        pool.metrics().computed() - before, hist.toString().trim());
            }
        }
        System.out.println("configs: " + configs.stream().map(PoolConfig::describe).toList());
        System.out.println("seed 003 reports 15.66 s (GSC, serial) vs 8.87 s (MU-GSC) per image: 1.77x");
    }

    /** The requests of the workload, in arrival order. */
    static List<WorkKey> workload(String version, int requests, int users, int prompts) {
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
