package aigcsim.core.model;

import aigcsim.core.compute.ComputeResult;
import aigcsim.core.sim.Clock;

/**
 * One text-to-image request as it moves through a cell: who asked what, when, and the timestamps of its phases —
 * queueing, edge compute (L2), downlink transmission (L1), device compute (L3). Mutable while in flight; it becomes
 * an immutable {@code RequestRecord} when it ends.
 */
public final class Request {
    /** Why a request failed. */
    public enum Failure { NONE, DEADLINE, OUTAGE, EDGE_DOWN }

    /**
     * Where a request is: waiting in its edge queue, in edge compute (an async batch or the serial edge's compute),
     * on the downlink, or on the user's device (waiting for it or computing there).
     */
    public enum Stage { QUEUE, EDGE, TRANSMISSION, DEVICE }

    public final long id;
    public final User user;
    public final int cellId;
    /** Where the user stood when it asked. */
    public final Position position;
    public final String prompt;
    /** The seed of the image being generated: a regeneration draws a new one. */
    public long seed;
    /** Times the image was generated again after failing its quality check. */
    public int regenerations;
    /** The computed result of the image that passed its quality check, or null. */
    public ComputeResult checked;
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
    /** The knowledge package its cell's JSCC codec held when it was transmitted (null: no knowledge modelled). */
    public String knowledge;
    public double meanBandwidthHz = Double.NaN;
    public int outages;
    public Failure failure = Failure.NONE;
    /** Where the request is now (see {@link #enter}). */
    public Stage stage = Stage.QUEUE;
    /** The stage it was in when it failed; null while it has not. */
    public Stage failedAt;
    /** What its current holder does to let it go at once (its deadline passed); null when nothing needs doing. */
    private Runnable release;
    /** The pending deadline event, cancelled when the request ends first; null once it ended or fired. */
    public Clock.Scheduled deadlineEvent;

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

    /**
     * The request moves to {@code s}, whose holder lets it go by running {@code release} (removing it from its queue,
     * its batch, the downlink or the device) when its deadline passes there.
     */
    public void enter(Stage s, Runnable release) {
        this.stage = s;
        this.release = release;
    }

    /** Clears the phases of an attempt, for a regeneration: the request starts its way again from the queue. */
    public void restart() {
        edgeStartS = Double.NaN;
        edgeEndS = Double.NaN;
        txStartS = Double.NaN;
        txEndS = Double.NaN;
        deviceStartS = Double.NaN;
        snrSeenDb = Double.NaN;
        meanBandwidthHz = Double.NaN;
        outages = 0;
        stage = Stage.QUEUE;
        release = null;
    }

    /** Lets the request go from where it is (see {@link #enter}); at most once. */
    public void release() {
        Runnable r = release;
        release = null;
        if (r != null) {
            r.run();
        }
    }

    /**
     * The time by which the request must have a result under the earliest-deadline-first order: its arrival plus its
     * user's L̂ (the upper end of the requirement [Ľ, L̂] of eq. 24, past which its satisfaction is 0) — its own
     * requirement, not the common {@link #deadlineS}.
     */
    public double requirementDueS() {
        return arrivalS + user.requirement().highS();
    }

    /** The absolute time past which the request has failed. */
    public double deadlineAtS() {
        return arrivalS + deadlineS;
    }
}
