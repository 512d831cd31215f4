package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.quality.QualityCheck;
import aigcsim.core.quality.QualityTable;

/** Images that fail their quality check are generated again, and each attempt costs its whole way. */
class RegenerationTest {
    private static final QualityCheck SEMANTIC = new QualityCheck(QualityCheck.Kind.SEMANTIC, Double.NaN, 3);

    /** A table in which SemAIGC's image is recognized with probability {@code p} at every a and SNR. */
    private static AnalyticComputeService coin(Path dir, double p) throws Exception {
        StringBuilder t = new StringBuilder(QualityTable.HEADER).append('\n');
        for (String ch : List.of("awgn", "rayleigh")) {
            for (int a : new int[] {0, 20}) {
                for (double snr : new double[] {-6, 15}) {
                    t.append("semaigc,analog,").append(ch).append(',').append(snr).append(',').append(a)
                            .append(",20,20,0.5,").append(p).append(",0\n");
                }
            }
        }
        Path f = dir.resolve("coin.csv");
        Files.writeString(f, t);
        return new AnalyticComputeService(QualityTable.load(f));
    }

    private static Scenario.Builder light() {
        // one request a minute from each of 3 users on an async edge: requests rarely meet
        return Scenario.builder().seed(12).users(3).durationS(20000).splitPolicy("fixed:10")
                .framework(Framework.SEM_AIGC).deadlineS(1000);
    }

    @Test
    void regenerationsFollowTheCheckProbabilities(@TempDir Path dir) throws Exception {
        RunResult run = Simulation.runReplication(light().qualityCheck(SEMANTIC).build(), 0, coin(dir, 0.5),
                Simulation.Progress.NONE);
        List<RequestRecord> rs = run.records().list();
        int n = rs.size();
        assertTrue(n > 800, "requests " + n);
        // k regenerations with probability 0.5^(k+1) for k < 3, and 0.5^3 for k = 3 (the last image is delivered)
        double[] expected = {0.5, 0.25, 0.125, 0.125};
        for (int k = 0; k <= 3; k++) {
            int kk = k;
            double share = rs.stream().filter(r -> r.regenerations() == kk).count() / (double) n;
            double sigma = Math.sqrt(expected[k] * (1 - expected[k]) / n);
            assertEquals(expected[k], share, 4 * sigma, k + " regenerations (4 binomial sigmas)");
        }
        assertTrue(rs.stream().allMatch(r -> r.regenerations() <= 3), "at most maxRegenerations");
    }

    @Test
    void everyAttemptCostsTheWholeWay(@TempDir Path dir) throws Exception {
        RunResult plain = Simulation.runReplication(light().build(), 0, coin(dir, 0.5), Simulation.Progress.NONE);
        RunResult checked = Simulation.runReplication(light().qualityCheck(SEMANTIC).build(), 0, coin(dir, 0.5),
                Simulation.Progress.NONE);
        double once = plain.records().stream().mapToDouble(RequestRecord::latencyS).min().orElseThrow();
        for (int k = 1; k <= 3; k++) {
            int kk = k;
            double fastest = checked.records().stream().filter(r -> r.regenerations() == kk)
                    .mapToDouble(RequestRecord::latencyS).min().orElseThrow();
            // k + 1 attempts at least k + 1 times the fastest single attempt
            assertTrue(fastest >= (k + 1) * once - 1e-9, k + " regenerations: " + fastest + " vs " + once);
            assertTrue(fastest <= (k + 1) * once * 1.2, "and not much more at this light load: " + fastest);
        }
        assertEquals(0, plain.records().stream().mapToInt(RequestRecord::regenerations).sum(), "no check, none");
    }

    @Test
    void onAHarshChannelTheFrameworksThatFailChecksGetSlower() {
        // SemAIGC's fine-tuned receiver (a = 10) against the plain receiver (a = T) at -6 .. 0 dB, same arrivals:
        // the bundled table recognizes far fewer plain-receiver images, which are generated again
        Scenario.Builder b = Scenario.builder().seed(21).users(6).durationS(3600).deadlineS(1000)
                .meanSnr(new aigcsim.core.channel.MeanSnr.Uniform(-6, 0)).qualityCheck(SEMANTIC);
        AnalyticComputeService table = new AnalyticComputeService();
        RunResult sem = Simulation.runReplication(b.framework(Framework.SEM_AIGC).splitPolicy("fixed:10").build(), 0,
                table, Simulation.Progress.NONE);
        RunResult plain = Simulation.runReplication(b.framework(Framework.NON_FINE_TUNING).build(), 0, table,
                Simulation.Progress.NONE);
        double semRegen = sem.records().stream().mapToInt(RequestRecord::regenerations).average().orElseThrow();
        double plainRegen = plain.records().stream().mapToInt(RequestRecord::regenerations).average().orElseThrow();
        assertTrue(plainRegen > semRegen + 0.2, "regenerations " + plainRegen + " vs " + semRegen);
        assertTrue(plain.summary().meanLatencyS() > sem.summary().meanLatencyS(), "latency "
                + plain.summary().meanLatencyS() + " vs " + sem.summary().meanLatencyS());
    }

    @Test
    void aRunWithChecksIsDeterministic(@TempDir Path dir) throws Exception {
        Scenario s = light().durationS(3000).qualityCheck(SEMANTIC).build();
        List<RequestRecord> a = Simulation.runReplication(s, 0, coin(dir, 0.5), Simulation.Progress.NONE).records().list();
        List<RequestRecord> b = Simulation.runReplication(s, 0, coin(dir, 0.5), Simulation.Progress.NONE).records().list();
        assertEquals(a, b);
    }

    @Test
    void aComputedCheckUsesTheComputedImageAndItsResultIsTheRecordsQuality() {
        // a "worker" that recognizes only images whose seed is even: every delivered image either passed (even
        // seed) or used up its regenerations; the image that passed is computed once, not again at the end
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        aigcsim.core.compute.ComputeService evenSeeds = new aigcsim.core.compute.ComputeService() {
            @Override
            public java.util.concurrent.CompletableFuture<aigcsim.core.compute.ComputeResult> submit(
                    aigcsim.core.compute.ComputeJob job) {
                computed.incrementAndGet();
                return java.util.concurrent.CompletableFuture.completedFuture(new aigcsim.core.compute.ComputeResult(
                        "full", 20, 0.5, job.seed() % 2 == 0 ? 1 : 0, false, "w", 1, null));
            }

            @Override
            public String fidelity() {
                return "full";
            }
        };
        RunResult run = Simulation.runReplication(light().durationS(6000).qualityCheck(SEMANTIC).build(), 0,
                evenSeeds, Simulation.Progress.NONE);
        int attempts = 0;
        for (RequestRecord r : run.records()) {
            assertTrue(r.seed() % 2 == 0 || r.regenerations() == 3, "passed, or out of regenerations: " + r);
            assertEquals(r.seed() % 2 == 0 ? 1.0 : 0.0, r.quality().semanticAccuracy(), "the record's own image");
            attempts += r.regenerations() + 1;
        }
        assertTrue(run.records().stream().anyMatch(r -> r.regenerations() > 0), "some images failed");
        assertEquals(attempts, computed.get(), "one computation per attempt");
    }
}
