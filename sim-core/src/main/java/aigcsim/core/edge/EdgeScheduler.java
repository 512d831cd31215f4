package aigcsim.core.edge;

import aigcsim.core.model.Request;

/** How a cell's edge server takes requests: {@link SerialEdge} or {@link AsyncEdge}. */
public interface EdgeScheduler {
    void enqueue(Request r);

    /** Expected seconds a request arriving now waits before its own edge compute ends, beyond that compute. */
    double backlogS();
}
