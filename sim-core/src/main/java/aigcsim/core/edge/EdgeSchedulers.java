package aigcsim.core.edge;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.sim.Scenario;

/** Creates the edge scheduler a scenario asks for. */
public final class EdgeSchedulers {
    private EdgeSchedulers() {
    }

    public static EdgeScheduler create(Scenario s, EdgeHost host, DeviceProfile edgeProfile) {
        EdgeWork work = new EdgeWork(edgeProfile, s.framework());
        return switch (s.edgeMode()) {
            case SERIAL -> new SerialEdge(host, work);
            case ASYNC -> new AsyncEdge(host, work, s.maxBatch(), s.asyncOrder());
        };
    }
}
