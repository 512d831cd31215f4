package aigcsim.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import aigcsim.core.channel.Fading;
import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.framework.Framework;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import org.junit.jupiter.api.Test;

/** The pool on tiny untrained models (the machinery, not the image quality, is under test). */
class WorkerPoolTest {
    private static final ModelSource TINY = ModelSource.untrained(ModelSizes.TINY, 5);

    private static WorkKey key(int i) {
        return new WorkKey(TINY.version(), FashionMnist.PROMPTS.get(i % 10), 100 + i, i % 21, 20, i % 2 == 0,
                i % 3 == 0 ? TextToImage.Transmission.JSCC : TextToImage.Transmission.ANALOG,
                TensorChannel.Kind.AWGN, -6 + i % 22);
    }

    private static PoolConfig oneWorker(int batch, int cache) {
        return PoolConfig.async(1).withWorkers(1, 1).withBatching(batch, batch > 1 ? 50 : 0).withCache(cache);
    }

    private static List<Outcome> serveAll(WorkerPool pool, List<WorkKey> keys) {
        List<CompletableFuture<WorkerPool.Served>> fs = new ArrayList<>();
        for (WorkKey k : keys) {
            fs.add(pool.serve(k));
        }
        return fs.stream().map(f -> f.join().outcome()).toList();
    }

    @Test
    void requestsGoThroughTheEventBusAndComeBackAsTheModelComputesThem() {
        List<WorkKey> keys = List.of(key(0), key(1), key(2), key(20));
        List<Outcome> served;
        try (WorkerPool pool = WorkerPool.start(oneWorker(1, 0), TINY)) {
            served = serveAll(pool, keys);
            assertEquals(4, pool.metrics().completed());
            assertEquals(4, pool.metrics().computed());
        }
        try (StepModel direct = TINY.open(); TextToImage t2i = TextToImage.initialized(ModelSizes.TINY, 5)) {
            for (int i = 0; i < keys.size(); i++) {
                TextToImage.Output want = t2i.run(keys.get(i).request());
                Outcome got = served.get(i);
                assertFalse(got.failed(), got.error());
                assertEquals(want.psnrDb(), got.psnrDb(), 1e-9, "request " + i);
                assertEquals(want.ssim(), got.ssim(), 1e-9);
                assertArrayEquals(Outcome.greyLevels(want.image()), got.image());
                assertTrue(got.worker().matches("n[0-9a-f]{6}/w0"), got.worker());
                assertEquals(20, got.stepBatchSizes().length);
            }
        }
    }

    @Test
    void batchingMergesRequestsAtStepBoundariesAndSplitsTheirResultsBack() {
        List<WorkKey> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(key(i));
        }
        List<Outcome> alone;
        try (WorkerPool pool = WorkerPool.start(oneWorker(1, 0), TINY)) {
            alone = serveAll(pool, keys);
        }
        try (WorkerPool pool = WorkerPool.start(oneWorker(8, 0), TINY)) {
            List<Outcome> batched = serveAll(pool, keys);
            long[] steps = pool.metrics().stepsAtBatch();
            long multi = 0;
            for (int b = 2; b < steps.length; b++) {
                multi += steps[b];
            }
            assertTrue(multi > 0, "some steps ran batched: " + java.util.Arrays.toString(steps));
            for (int i = 0; i < keys.size(); i++) {
                // per-sample timesteps and conditions, no batch statistics: only float reassociation differs
                assertEquals(alone.get(i).psnrDb(), batched.get(i).psnrDb(), 1e-3, "request " + i);
                assertEquals(alone.get(i).ssim(), batched.get(i).ssim(), 1e-4, "request " + i);
                byte[] a = alone.get(i).image();
                byte[] b = batched.get(i).image();
                for (int p = 0; p < a.length; p++) {
                    assertTrue(Math.abs((a[p] & 0xff) - (b[p] & 0xff)) <= 1, "request " + i + " pixel " + p);
                }
            }
        }
    }

    @Test
    void aCacheHitReturnsExactlyWhatRecomputingWouldAndTheCacheStaysBounded() {
        Outcome computed;
        try (WorkerPool pool = WorkerPool.start(oneWorker(1, 3), TINY)) {
            computed = pool.serve(key(4)).join().outcome();
            WorkerPool.Served again = pool.serve(key(4)).join();
            assertTrue(again.cacheHit());
            assertEquals(computed, again.outcome());
            for (int i = 10; i < 16; i++) {
                assertFalse(pool.serve(key(i)).join().cacheHit());
            }
            assertEquals(4L, pool.metrics().snapshot().get("cacheEvictions"), "7 keys through 3 entries: 4 evicted");
            assertEquals(1, pool.metrics().cacheHits());
            assertEquals(7, pool.metrics().computed());
        }
        try (WorkerPool fresh = WorkerPool.start(oneWorker(1, 0), TINY)) {
            Outcome recomputed = fresh.serve(key(4)).join().outcome();
            assertEquals(computed.psnrDb(), recomputed.psnrDb(), 0);
            assertEquals(computed.ssim(), recomputed.ssim(), 0);
            assertArrayEquals(computed.image(), recomputed.image());
        }
    }

    @Test
    void concurrentRequestsForOneKeyShareOneComputation() {
        try (WorkerPool pool = WorkerPool.start(oneWorker(4, 16), TINY)) {
            List<CompletableFuture<WorkerPool.Served>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                fs.add(pool.serve(key(3)));
            }
            long hits = fs.stream().filter(f -> f.join().cacheHit()).count();
            assertEquals(5, hits);
            assertEquals(1, pool.metrics().computed());
        }
    }

    /** Opens a model that throws on every step for the first worker, healthy ones for the others. */
    private static ModelSource firstWorkerBroken(AtomicInteger opened) {
        return firstWorkerBroken(opened, () -> {
            throw new IllegalStateException("injected GPU fault");
        });
    }

    /** Opens a model whose steps run {@code fault} (which throws) for the first worker, healthy ones for the others. */
    private static ModelSource firstWorkerBroken(AtomicInteger opened, Runnable fault) {
        return new ModelSource(TINY.version(), () -> {
            StepModel good = TINY.open();
            if (opened.getAndIncrement() > 0) {
                return good;
            }
            return new StepModel() {
                @Override
                public float[] initialLatent(long seed) {
                    return good.initialLatent(seed);
                }

                @Override
                public float[][] step(float[][] latents, int[] from, int[] to, String[] prompts) {
                    fault.run();
                    return latents;
                }

                @Override
                public TextToImage.Output finish(TextToImage.Request r, float[] sent, float[] clean) {
                    return good.finish(r, sent, clean);
                }

                @Override
                public void close() {
                    good.close();
                }
            };
        });
    }

    @Test
    void requestsOfAWorkerThatThrowsAreRetriedElsewhereWithNoLossAndNoDuplicate() {
        AtomicInteger opened = new AtomicInteger();
        PoolConfig config = PoolConfig.async(2).withWorkers(2, 1).withBatching(4, 0).withCache(0);
        try (WorkerPool pool = WorkerPool.start(config, firstWorkerBroken(opened))) {
            List<WorkKey> keys = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                keys.add(key(i));
            }
            List<Outcome> out = serveAll(pool, keys);
            Set<String> workers = new HashSet<>();
            for (Outcome o : out) {
                assertFalse(o.failed());
                workers.add(o.worker());
            }
            assertEquals(1, workers.size(), "only the healthy worker delivered: " + workers);
            assertEquals(24, pool.metrics().completed());
            assertEquals(0, pool.metrics().failed());
            assertEquals(24, pool.metrics().computed(), "each job computed once");
            assertTrue(pool.metrics().retried() > 0, "the broken worker's jobs were retried");
            assertEquals(0L, pool.metrics().snapshot().get("lateReportsIgnored"));
        }
    }

    @Test
    void aJobEveryWorkerFailsEndsFailedWithItsReasonAfterTheRetryLimit() {
        PoolConfig config = PoolConfig.async(1).withWorkers(1, 1).withBatching(1, 0).withCache(0)
                .withRetries(2, 60_000);
        try (WorkerPool pool = WorkerPool.start(config, firstWorkerBroken(new AtomicInteger()))) {
            CompletableFuture<ComputeResult> f = pool.submit(new ComputeJob(1, "a sneaker", 1, 10, 20,
                    Framework.SEM_AIGC, Fading.Kind.NONE, 3));
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
            assertTrue(e.getCause().getMessage().contains("injected GPU fault")
                    && e.getCause().getMessage().contains("after 3 attempts"), e.getCause().getMessage());
            assertEquals(1, pool.metrics().failed());
            assertEquals(2, pool.metrics().retried());
        }
    }

    /**
     * A model that throws an Error (a native library that did not load) fails its job with the reason at once, as an
     * exception does, rather than holding it until the lease (a minute here) expires.
     */
    @Test
    void aWorkerWhoseModelThrowsAnErrorFailsTheJobWithItsReason() {
        PoolConfig config = PoolConfig.async(1).withWorkers(1, 1).withBatching(1, 0).withCache(0)
                .withRetries(0, 60_000);
        ModelSource broken = firstWorkerBroken(new AtomicInteger(), () -> {
            throw new LinkageError("native library not loaded");
        });
        try (WorkerPool pool = WorkerPool.start(config, broken)) {
            long t0 = System.nanoTime();
            CompletableFuture<ComputeResult> f = pool.submit(new ComputeJob(1, "a sneaker", 1, 10, 20,
                    Framework.SEM_AIGC, Fading.Kind.NONE, 3));
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
            assertTrue(e.getCause().getMessage().contains("native library not loaded"), e.getCause().getMessage());
            assertTrue((System.nanoTime() - t0) / 1e9 < 30, "failed at once, not at the lease");
        }
    }

    @Test
    void aBurstLargerThanTheQueueIsHeldBackNotDropped() {
        PoolConfig config = oneWorker(2, 0).withQueue(3);
        try (WorkerPool pool = WorkerPool.start(config, TINY)) {
            List<WorkKey> keys = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                keys.add(key(i));
            }
            List<Outcome> out = serveAll(pool, keys);
            assertEquals(30, out.size());
            assertEquals(30, pool.metrics().completed());
            assertTrue((long) pool.metrics().snapshot().get("blockedSubmits") > 0, "the submitter was held back");
        }
    }

    @Test
    void closingDrainsTheWorkInFlight() {
        List<CompletableFuture<WorkerPool.Served>> fs = new ArrayList<>();
        WorkerPool pool = WorkerPool.start(oneWorker(4, 0), TINY);
        for (int i = 0; i < 12; i++) {
            fs.add(pool.serve(key(i)));
        }
        pool.close();
        assertTrue(fs.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()), "all 12 completed");
        assertEquals(12, pool.metrics().completed());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> pool.serve(key(0)));
        assertEquals("worker pool is closed", e.getMessage());
    }

    @Test
    void sampledFidelityComputesAFixedFractionOfRequests() {
        PoolConfig config = oneWorker(4, 0).withFidelity(PoolConfig.Fidelity.SAMPLED, 0.25);
        try (WorkerPool pool = WorkerPool.start(config, TINY)) {
            List<CompletableFuture<ComputeResult>> fs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                fs.add(pool.submit(new ComputeJob(i, "a sneaker", i, 10, 20, Framework.SEM_AIGC, Fading.Kind.NONE, 3)));
            }
            long computed = fs.stream().filter(f -> !Double.isNaN(f.join().psnrDb())).count();
            assertEquals(pool.metrics().computed(), computed);
            assertEquals(40 - computed, (long) pool.metrics().snapshot().get("notSampled"));
            assertTrue(computed >= 4 && computed <= 18, "about a quarter of 40: " + computed);
            assertTrue(fs.stream().allMatch(f -> f.join().fidelity().equals("sampled")));
        }
    }

    @Test
    void aGscRequestIsComputedAsJsccOverItsRayleighChannel() {
        ComputeResult got;
        try (WorkerPool pool = WorkerPool.start(oneWorker(1, 0), TINY)) {
            got = pool.submit(new ComputeJob(1, "a sneaker", 77, 16, 20, Framework.GSC, Fading.Kind.RAYLEIGH, -2.7,
                    4.0)).join();
        }
        try (TextToImage t2i = TextToImage.initialized(ModelSizes.TINY, 5)) {
            TextToImage.Output jscc = t2i.run(new TextToImage.Request("a sneaker", 77, 16, 20, true,
                    TextToImage.Transmission.JSCC, TensorChannel.Kind.RAYLEIGH, 4.0));
            TextToImage.Output analog = t2i.run(new TextToImage.Request("a sneaker", 77, 16, 20, true,
                    TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, -2.7));
            assertEquals(jscc.psnrDb(), got.psnrDb(), 1e-9, "JSCC over Rayleigh at the mean SNR");
            assertEquals(jscc.ssim(), got.ssim(), 1e-9);
            assertTrue(Math.abs(analog.psnrDb() - got.psnrDb()) > 1e-6, "not the analog latent");
        }
    }
}
