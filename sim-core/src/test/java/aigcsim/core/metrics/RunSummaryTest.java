package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.DoubleHistogram;
import org.junit.jupiter.api.Test;

import aigcsim.core.compute.ComputeResult;

/** The figures of a run from hand-made records: percentiles, throughput, failures, warm-up, quality. */
class RunSummaryTest {
    private static RequestRecord record(long id, double arrivalS, double latencyS, String failure, boolean warmup,
            double satisfaction, double psnrDb) {
        boolean failed = !failure.equals("NONE");
        return new RequestRecord(id, 0, 0, 0, 0, "p", id, arrivalS, arrivalS + (failed ? 60 : latencyS), 0, 1, 0.1,
                1, failed ? Double.NaN : latencyS, 10, 5, 2e7, 0, satisfaction, failed, failure,
                failed ? "EDGE" : "", 0, warmup, new ComputeResult("full", psnrDb, 0.5, 1, false, "w", 1, null));
    }

    @Test
    void figuresOfHandMadeRecords() {
        List<RequestRecord> rs = new ArrayList<>();
        // ten delivered requests with latencies 1 .. 10 s, after a 100 s warm-up
        for (int i = 1; i <= 10; i++) {
            rs.add(record(i, 100 + i, i, "NONE", false, 0.5, 20 + i));
        }
        rs.add(record(11, 150, Double.NaN, "DEADLINE", false, 0, Double.NaN));
        rs.add(record(12, 160, Double.NaN, "OUTAGE", false, 0, Double.NaN));
        // in the warm-up: left out of every figure
        rs.add(record(0, 5, 1000, "NONE", true, 1.0, 99));
        RunSummary s = RunSummary.of(rs, 100, 400, SteadyState.of(new double[0]), 0.5, 0.25, 999, 500);
        assertEquals(12, s.requests());
        assertEquals(10, s.delivered());
        assertEquals(2, s.failed());
        assertEquals(1, s.failedDeadline());
        assertEquals(1, s.failedOutage());
        assertEquals(2 / 12.0, s.failureRate(), 1e-12);
        assertEquals(5.5, s.meanLatencyS(), 1e-12);
        // type-7 quantiles of 1..10: h = 9q, so p50 = 5.5, p95 = 9.55, p99 = 9.91 (within the histogram's 10^-3;
        // the nearest rank would give 5, 10 and 10)
        assertEquals(5.5, s.p50LatencyS(), 5.5e-3);
        assertEquals(9.55, s.p95LatencyS(), 9.55e-3);
        assertEquals(9.91, s.p99LatencyS(), 9.91e-3);
        // ten served within their deadline over a 400 s window
        assertEquals(10 / 400.0, s.throughputPerS(), 1e-12);
        // satisfaction: ten at 0.5, two failed at 0, over the twelve
        assertEquals(5.0 / 12, s.meanSatisfaction(), 1e-12);
        // quality over the ten computed: PSNR 21 .. 30
        assertEquals(25.5, s.meanPsnrDb(), 1e-12);
        assertEquals(100, s.warmupS());
        assertTrue(!s.steadyState(), "too short a series is not judged steady");
    }

    /**
     * The streamed percentiles equal the exact type-7 quantiles of the sorted latencies within the stated relative
     * 10^-3, on small and large samples of light- and heavy-tailed latencies (a nearest-rank reading is off by a whole
     * order statistic on the small ones).
     */
    @Test
    void histogramQuantilesAreTheExactOnesWithinTheStatedBound() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 7, 250, 100_000}) {
            for (boolean heavy : new boolean[] {false, true}) {
                double[] x = new double[n];
                DoubleHistogram h = new DoubleHistogram(RunSummary.LATENCY_DIGITS);
                for (int i = 0; i < n; i++) {
                    double e = -Math.log(1 - rng.nextDouble());
                    x[i] = heavy ? 0.5 * Math.exp(2 * e) : 0.2 + 8 * e; // log-exponential (Pareto) or shifted exp.
                    h.recordValue(x[i]);
                }
                Arrays.sort(x);
                for (double q : new double[] {0, 0.5, 0.95, 0.99, 1}) {
                    double exact = RunSummary.quantile(x, q);
                    assertEquals(exact, RunSummary.quantile(h, q), 1e-3 * exact,
                            "q = " + q + " of " + n + (heavy ? " heavy-tailed" : " exponential") + " latencies");
                }
            }
        }
        assertTrue(Double.isNaN(RunSummary.quantile(new DoubleHistogram(3), 0.5)), "no latency: NaN");
    }
}
