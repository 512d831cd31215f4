package aigcsim.core.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, over the requests that arrived after the warm-up: latency statistics of delivered
 * requests (mean, p50, p95, p99, and the mean of each part L1, L2, L3 and of the queue wait), mean satisfaction
 * (eq. 24, failed requests score 0), failure rate and failures by reason (deadline, outage, edge down),
 * throughput (requests served within their deadline per second of arrival window), edge GPU and bandwidth
 * utilization (time-weighted, averaged over cells), and mean quality and the share of cache hits over the requests
 * the compute service measured; the warm-up used and whether the run was judged in steady state
 * ({@link SteadyState}), with the reason when not.
 */
public record RunSummary(long requests, long delivered, long failed, long failedDeadline, long failedOutage,
        long failedEdgeDown, double failureRate, double meanLatencyS, double p50LatencyS, double p95LatencyS,
        double p99LatencyS, double meanQueueWaitS, double meanL1S, double meanL2S, double meanL3S,
        double meanEdgeSteps, double meanSatisfaction, double throughputPerS, double edgeUtilization,
        double bandwidthUtilization, double meanPsnrDb, double meanSsim, double meanSemanticAccuracy,
        double cacheHitRate, long events, double simulatedEndS, double warmupS, boolean steadyState,
        String steadyStateReason) {

    /** Summarizes the records of one run, whose warm-up was {@code warmupS} and arrival window {@code windowS}. */
    public static RunSummary of(List<RequestRecord> all, double warmupS, double windowS, SteadyState steadyState,
            double edgeUtilization, double bandwidthUtilization, long events, double simulatedEndS) {
        List<RequestRecord> rs = all.stream().filter(r -> !r.inWarmup()).toList();
        List<RequestRecord> delivered = rs.stream().filter(RequestRecord::delivered).toList();
        double[] lat = delivered.stream().mapToDouble(RequestRecord::latencyS).sorted().toArray();
        long failed = rs.stream().filter(RequestRecord::failed).count();
        long onTime = rs.size() - failed;
        List<RequestRecord> measured = rs.stream().filter(r -> !Double.isNaN(r.quality().psnrDb())).toList();
        return new RunSummary(rs.size(), delivered.size(), failed,
                rs.stream().filter(r -> "DEADLINE".equals(r.failure())).count(),
                rs.stream().filter(r -> "OUTAGE".equals(r.failure())).count(),
                rs.stream().filter(r -> "EDGE_DOWN".equals(r.failure())).count(),
                rs.isEmpty() ? Double.NaN : failed / (double) rs.size(),
                Arrays.stream(lat).average().orElse(Double.NaN),
                quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 0.99),
                mean(delivered, RequestRecord::queueWaitS), mean(delivered, RequestRecord::l1TransmissionS),
                mean(delivered, RequestRecord::l2EdgeS), mean(delivered, RequestRecord::l3DeviceS),
                rs.stream().mapToInt(RequestRecord::edgeSteps).average().orElse(Double.NaN),
                mean(rs, RequestRecord::satisfaction), onTime / windowS, edgeUtilization, bandwidthUtilization,
                mean(measured, r -> r.quality().psnrDb()), mean(measured, r -> r.quality().ssim()),
                mean(measured, r -> r.quality().semanticAccuracy()),
                measured.isEmpty() ? Double.NaN
                        : measured.stream().filter(r -> r.quality().cacheHit()).count() / (double) measured.size(),
                events, simulatedEndS, warmupS, steadyState.steady(), steadyState.reason());
    }

    private static double mean(List<RequestRecord> rs, java.util.function.ToDoubleFunction<RequestRecord> f) {
        return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
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
