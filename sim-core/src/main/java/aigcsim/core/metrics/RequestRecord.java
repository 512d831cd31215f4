package aigcsim.core.metrics;

import java.io.Serializable;

import aigcsim.core.compute.ComputeResult;

/**
 * One request's result: where its user stood when it asked (m), when it arrived and ended (completed or failed), how long it waited (edge queue and device
 * queue), its edge compute L2, transmission L1 and device compute L3 (seed 001, L = L1 + L2 + L3), the split a, the
 * SNR and bandwidth its transmission saw, its satisfaction (eq. 24), whether and why it failed, whether it arrived
 * in the warm-up, and the quality of its real computation. Times in seconds; NaN where a phase did not happen.
 *
 * <p>{@code regenerations}: how often the image failed its quality check and was generated again (its seed is
 * the last attempt's; the latency runs from the first arrival, and the earlier attempts count as waiting).
 * {@code failure} is NONE, DEADLINE, OUTAGE or EDGE_DOWN. {@code failedAt} (column {@code failedAt} of
 * requests.csv) is the stage a failed request was in when it failed — QUEUE (waiting for the edge), EDGE (in edge
 * compute), TRANSMISSION (on the downlink) or DEVICE (waiting for or computing on the user's device) — and empty
 * for a request that did not fail. A request whose deadline passes is abandoned at that moment wherever it is
 * (failure DEADLINE, ending at its deadline, satisfaction 0), and the phase it was in counts up to then.
 */
public record RequestRecord(long id, int user, int cell, double userXM, double userYM, String prompt, long seed,
        double arrivalS,
        double endS, double queueWaitS, double l2EdgeS, double l1TransmissionS, double l3DeviceS, double latencyS,
        int edgeSteps, double snrDb, double bandwidthShareHz, int outages, double satisfaction, boolean failed,
        String failure, String failedAt, int regenerations, boolean inWarmup, ComputeResult quality)
        implements Serializable {

    /**
     * Whether the request completed: its result computed on the user's device within its deadline (a request whose
     * deadline passes is abandoned where it is, so there are no late deliveries).
     */
    public boolean delivered() {
        return !Double.isNaN(latencyS);
    }

    /** Time in the system: from arrival to the end, delivered or failed. */
    public double timeInSystemS() {
        return endS - arrivalS;
    }

    /** This record without the images of its computation. */
    public RequestRecord withoutImages() {
        return quality.images() == null ? this : new RequestRecord(id, user, cell, userXM, userYM, prompt, seed, arrivalS, endS, queueWaitS, l2EdgeS,
                l1TransmissionS, l3DeviceS, latencyS, edgeSteps, snrDb, bandwidthShareHz, outages, satisfaction, failed,
                failure, failedAt, regenerations, inWarmup, quality.withoutImages());
    }

    /** This record with {@code inWarmup} set against warm-up {@code warmupS}: arrived before it. */
    public RequestRecord withWarmup(double warmupS) {
        return new RequestRecord(id, user, cell, userXM, userYM, prompt, seed, arrivalS, endS, queueWaitS, l2EdgeS,
                l1TransmissionS, l3DeviceS, latencyS, edgeSteps, snrDb, bandwidthShareHz, outages, satisfaction, failed,
                failure, failedAt, regenerations, arrivalS < warmupS, quality);
    }
}
