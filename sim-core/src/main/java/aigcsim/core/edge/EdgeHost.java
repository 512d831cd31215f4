package aigcsim.core.edge;

import aigcsim.core.model.Request;
import aigcsim.core.sim.Clock;

/** What an edge scheduler needs from its cell: the clock, PACR, deadline checks and the downlink. */
public interface EdgeHost {
    Clock clock();

    /** The edge's available computing resources now, in (0, 1]. */
    double pacr();

    /**
     * Fails the request if its deadline has passed while it waited; true if it did. A guard: a request is
     * abandoned by its deadline event when the deadline passes, so the edge meets one only at that very instant.
     */
    boolean expireIfLate(Request r);

    /** The request's edge compute was cut off by the edge going down: it fails and ends. */
    void lost(Request r);

    /**
     * The request's edge compute is done: transmit its result, then run {@code afterTransmission} (also when the
     * transmission is dropped, or abandoned at the request's deadline).
     */
    void transmit(Request r, Runnable afterTransmission);

    /** Reports how many requests are in edge compute (for utilization statistics, and when a compute ends). */
    void edgeOccupancy(int requests);

    /** The edge ran {@code iterations} denoising steps of {@code batch} requests each (not counted by default). */
    default void stepped(int batch, int iterations) {
    }
}
