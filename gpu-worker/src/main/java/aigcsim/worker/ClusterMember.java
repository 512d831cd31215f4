package aigcsim.worker;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;

/**
 * This process as a member of the aigcsim cluster with no model workers: the side of a distributed study that hands
 * out simulation jobs (and runs {@link ClusterOptions#simulationSlots()} of them itself), or a node that only runs
 * simulation jobs. Closing it leaves the cluster; jobs it was running are then run by another member.
 */
public final class ClusterMember implements AutoCloseable {
    private final Vertx vertx;
    private final HazelcastInstance hazelcast;

    private ClusterMember(ClusterOptions.Joined joined) {
        this.vertx = joined.vertx();
        this.hazelcast = joined.hazelcast();
    }

    public static ClusterMember join(ClusterOptions options) {
        return new ClusterMember(ClusterOptions.join(options, 0));
    }

    /** The Hazelcast member: its cluster, members and the simulation executor. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public void close() {
        ClusterOptions.await(vertx.close(), "leaving the cluster");
    }
}
