package aigcsim.core.metrics;

import java.io.Serializable;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;

/**
 * The figures of one run, over the requests that arrived after the warm-up: latency statistics of delivered
 * requests (mean, p50, p95, p99, and the mean of each part L1, L2, L3 and of the queue wait), mean satisfaction
 * (eq. 24, failed requests score 0), failure rate and failures by reason (deadline, outage, edge down),
 * throughput (requests served within their deadline per second of arrival window), edge GPU and bandwidth
 * utilization (time-weighted, averaged over cells), and mean quality and the share of cache hits over the requests
 * the compute service measured; the warm-up used and whether the run was judged in steady state
 * ({@link SteadyState}), with the reason when not.
 *
 * <p>Taken in one pass, in memory that does not grow with the requests: counts and means are exact (compensated
 * sums); the latency percentiles come from an HdrHistogram ({@link #LATENCY_DIGITS} significant digits): the
 * q-quantile is {@link #quantile}'s linear interpolation (type 7) between the two order statistics around rank
 * (n − 1)·q, each read as the upper end of its histogram bucket, so it is the exact quantile within a relative
 * error of 10^−3.
 */
public record RunSummary(long requests, long delivered, long failed, long failedDeadline, long failedOutage,
        long failedEdgeDown, double failureRate, double meanLatencyS, double p50LatencyS, double p95LatencyS,
        double p99LatencyS, double meanQueueWaitS, double meanL1S, double meanL2S, double meanL3S,
        double meanEdgeSteps, double meanSatisfaction, double throughputPerS, double edgeUtilization,
        double bandwidthUtilization, double meanPsnrDb, double meanSsim, double meanSemanticAccuracy,
        double cacheHitRate, long events, double simulatedEndS, double warmupS, boolean steadyState,
        String steadyStateReason) implements Serializable {

    /** Significant decimal digits of the latency histogram: percentiles within a relative 10^−3. */
    public static final int LATENCY_DIGITS = 3;

    /** Summarizes the records of one run, whose warm-up was {@code warmupS} and arrival window {@code windowS}. */
    public static RunSummary of(Iterable<RequestRecord> all, double warmupS, double windowS, SteadyState steadyState,
            double edgeUtilization, double bandwidthUtilization, long events, double simulatedEndS) {
        Accumulator a = new Accumulator();
        all.forEach(a::accept);
        return a.summary(warmupS, windowS, steadyState, edgeUtilization, bandwidthUtilization, events,
                simulatedEndS);
    }

    /**
     * The summary taken as the records come, one at a time (a run with a fixed warm-up feeds it as its requests end,
     * and never reads its records again); each mean is DoubleSummaryStatistics' compensated sum.
     */
    public static final class Accumulator {
        private long n;
        private long failed;
        private long deadline;
        private long outage;
        private long edgeDown;
        private long cacheHits;
        private long edgeStepsSum;
        private final DoubleHistogram lat = new DoubleHistogram(LATENCY_DIGITS);
        private final DoubleSummaryStatistics latency = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics wait = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics l1 = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics l2 = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics l3 = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics satisfaction = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics psnr = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics ssim = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics semantic = new DoubleSummaryStatistics();

        /** Counts {@code r} unless it arrived in the warm-up. */
        public void accept(RequestRecord r) {
            if (r.inWarmup()) {
                return;
            }
            n++;
            edgeStepsSum += r.edgeSteps();
            satisfaction.accept(r.satisfaction());
            if (r.failed()) {
                failed++;
                switch (r.failure()) {
                    case "DEADLINE" -> deadline++;
                    case "OUTAGE" -> outage++;
                    case "EDGE_DOWN" -> edgeDown++;
                    default -> { }
                }
            }
            if (r.delivered()) {
                lat.recordValue(r.latencyS());
                latency.accept(r.latencyS());
                wait.accept(r.queueWaitS());
                l1.accept(r.l1TransmissionS());
                l2.accept(r.l2EdgeS());
                l3.accept(r.l3DeviceS());
            }
            if (!Double.isNaN(r.quality().psnrDb())) {
                psnr.accept(r.quality().psnrDb());
                ssim.accept(r.quality().ssim());
                semantic.accept(r.quality().semanticAccuracy());
                if (r.quality().cacheHit()) {
                    cacheHits++;
                }
            }
        }

        /** The summary of the records so far, with the run's figures that do not come from records. */
        public RunSummary summary(double warmupS, double windowS, SteadyState steadyState, double edgeUtilization,
                double bandwidthUtilization, long events, double simulatedEndS) {
            long onTime = n - failed;
            return new RunSummary(n, latency.getCount(), failed, deadline, outage, edgeDown,
                    n == 0 ? Double.NaN : failed / (double) n, mean(latency),
                    quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 0.99),
                    mean(wait), mean(l1), mean(l2), mean(l3), n == 0 ? Double.NaN : (double) edgeStepsSum / n,
                    mean(satisfaction), onTime / windowS, edgeUtilization, bandwidthUtilization,
                    mean(psnr), mean(ssim), mean(semantic),
                    psnr.getCount() == 0 ? Double.NaN : cacheHits / (double) psnr.getCount(),
                    events, simulatedEndS, warmupS, steadyState.steady(), steadyState.reason());
        }
    }

    /** {@link #quantile(double[], double)} of the values recorded in {@code h}, each read from its bucket. */
    static double quantile(DoubleHistogram h, double q) {
        long n = h.getTotalCount();
        if (n == 0) {
            return Double.NaN;
        }
        double at = (n - 1) * q;
        long lo = (long) Math.floor(at);
        double low = valueAtRank(h, lo);
        return low + (at - lo) * (valueAtRank(h, Math.min(lo + 1, n - 1)) - low);
    }

    /** The (0-based) {@code rank}-th smallest recorded value: the upper end of the bucket holding it. */
    private static double valueAtRank(DoubleHistogram h, long rank) {
        long below = 0;
        for (DoubleHistogramIterationValue v : h.recordedValues()) {
            below += v.getCountAtValueIteratedTo();
            if (below > rank) {
                return v.getValueIteratedTo();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " of " + h.getTotalCount());
    }

    private static double mean(DoubleSummaryStatistics s) {
        return s.getCount() == 0 ? Double.NaN : s.getAverage();
    }

    /** Linear-interpolation quantile (type 7) of sorted values; NaN when empty. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The figures by name, in a fixed order, for reports and replication statistics. */
    public Map<String, Double> figures() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("requests", (double) requests);
        m.put("delivered", (double) delivered);
        m.put("failed", (double) failed);
        m.put("failedDeadline", (double) failedDeadline);
        m.put("failedOutage", (double) failedOutage);
        m.put("failedEdgeDown", (double) failedEdgeDown);
        m.put("failureRate", failureRate);
        m.put("meanLatencyS", meanLatencyS);
        m.put("p50LatencyS", p50LatencyS);
        m.put("p95LatencyS", p95LatencyS);
        m.put("p99LatencyS", p99LatencyS);
        m.put("meanQueueWaitS", meanQueueWaitS);
        m.put("meanL1S", meanL1S);
        m.put("meanL2S", meanL2S);
        m.put("meanL3S", meanL3S);
        m.put("meanEdgeSteps", meanEdgeSteps);
        m.put("meanSatisfaction", meanSatisfaction);
        m.put("throughputPerS", throughputPerS);
        m.put("edgeUtilization", edgeUtilization);
        m.put("bandwidthUtilization", bandwidthUtilization);
        m.put("meanPsnrDb", meanPsnrDb);
        m.put("meanSsim", meanSsim);
        m.put("meanSemanticAccuracy", meanSemanticAccuracy);
        m.put("cacheHitRate", cacheHitRate);
        m.put("events", (double) events);
        m.put("simulatedEndS", simulatedEndS);
        m.put("warmupS", warmupS);
        m.put("steadyState", steadyState ? 1.0 : 0.0);
        return m;
    }
}
