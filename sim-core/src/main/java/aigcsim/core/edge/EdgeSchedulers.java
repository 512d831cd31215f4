package aigcsim.core.edge;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.sim.Scenario;

/** Creates the edge scheduler of a mode with the scenario's settings. */
public final class EdgeSchedulers {
    private EdgeSchedulers() {
    }

    public static EdgeScheduler create(Scenario s, Scenario.EdgeMode mode, EdgeHost host, DeviceProfile edgeProfile) {
        EdgeWork work = new EdgeWork(edgeProfile, s.framework());
        return switch (mode) {
            case SERIAL -> new SerialEdge(host, work);
            case ASYNC -> new AsyncEdge(host, work, s.maxBatch(), s.asyncOrder(), s.batchWaitS());
        };
    }
}
