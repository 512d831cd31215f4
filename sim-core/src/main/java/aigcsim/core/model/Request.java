package aigcsim.core.model;

/**
 * One text-to-image request as it moves through a cell: who asked what, when, and the timestamps of its phases —
 * queueing, edge compute (L2), downlink transmission (L1), device compute (L3). Mutable while in flight; it becomes
 * an immutable {@code RequestRecord} when it ends.
 */
public final class Request {
    /** Why a request failed. */
    public enum Failure { NONE, DEADLINE, OUTAGE, EDGE_DOWN }

    public final long id;
    public final User user;
    public final int cellId;
    /** Where the user stood when it asked. */
    public final Position position;
    public final String prompt;
    public final long seed;
    public final double arrivalS;
    public final double deadlineS;
    /** The link's mean SNR for this request (range draw or link budget), dB. */
    public final double meanSnrDb;
    /** Multiplies the cost model's compute times (1 unless the scenario asks for compute variation). */
    public final double computeFactor;
    /** a: denoising steps at the edge. */
    public final int edgeSteps;

    public double edgeStartS = Double.NaN;
    public double edgeEndS = Double.NaN;
    public double txStartS = Double.NaN;
    public double txEndS = Double.NaN;
    public double deviceStartS = Double.NaN;
    public double endS = Double.NaN;
    public double snrSeenDb = Double.NaN;
    public double meanBandwidthHz = Double.NaN;
    public int outages;
    public Failure failure = Failure.NONE;

    public Request(long id, User user, int cellId, Position position, String prompt, long seed, double arrivalS,
            double deadlineS, double meanSnrDb, double computeFactor, int edgeSteps) {
        this.id = id;
        this.user = user;
        this.cellId = cellId;
        this.position = position;
        this.prompt = prompt;
        this.seed = seed;
        this.arrivalS = arrivalS;
        this.deadlineS = deadlineS;
        this.meanSnrDb = meanSnrDb;
        this.computeFactor = computeFactor;
        this.edgeSteps = edgeSteps;
    }

    /** The absolute time past which the request has failed. */
    public double deadlineAtS() {
        return arrivalS + deadlineS;
    }
}
