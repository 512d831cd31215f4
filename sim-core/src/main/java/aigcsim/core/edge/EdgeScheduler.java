package aigcsim.core.edge;

import java.util.List;

import aigcsim.core.model.Request;

/**
 * How a cell's edge server takes requests: {@link SerialEdge} or {@link AsyncEdge}. A scheduler can be held
 * ({@link #down()}): it then computes nothing and keeps its queue until {@link #up()}.
 */
public interface EdgeScheduler {
    void enqueue(Request r);

    /** Expected seconds a request arriving now waits before its own edge compute ends, beyond that compute. */
    double backlogS();

    /**
     * For every a in 0 … {@code totalSteps}: expected seconds from now until a request arriving now with a edge steps
     * has finished its edge compute (its wait, its extraction {@code extractionS} and its steps at the batch it will
     * run in) — what a split policy weighs against the device.
     */
    double[] expectedEdgeS(int totalSteps, double extractionS);

    /**
     * Stops computing: the requests in edge compute are lost ({@link EdgeHost#lost}), the queue is kept, results
     * already handed to the downlink go on. Returns how many requests were lost.
     */
    int down();

    /** Serves the queue again. */
    void up();

    /** Removes and returns the queued requests (not those in edge compute), in arrival order. */
    List<Request> takeQueued();

    /** Requests waiting for edge compute. */
    int queued();

    /** Requests in edge compute. */
    int inCompute();
}
