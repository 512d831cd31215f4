package aigcsim.worker;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * How a node joins the aigcsim cluster: Vert.x clustered over Hazelcast with a TCP/IP member list (no multicast,
 * no auto-detection, no phone-home: nothing leaves the listed machines). Every member also has Hazelcast's executor
 * {@link #SIMULATION_EXECUTOR}, on which distributed studies run their simulation jobs, and announces how many it
 * takes at once in its member attribute {@link #SIMULATION_SLOTS}. A member that stops answering heartbeats for
 * {@link #MAX_NO_HEARTBEAT_S} seconds is taken out of the cluster (its jobs then run elsewhere).
 *
 * @param host            the address this node binds and announces (Hazelcast and the event bus)
 * @param port            Hazelcast's first port to try (it counts up when taken)
 * @param members         addresses of the other nodes, {@code host} or {@code host:port}
 * @param simulationSlots simulation jobs this node runs at once (0: none)
 */
public record ClusterOptions(String host, int port, List<String> members, int simulationSlots) {
    public static final int DEFAULT_PORT = 5701;
    /** The Hazelcast executor of simulation jobs, on every member. */
    public static final String SIMULATION_EXECUTOR = "aigcsim-simulation";
    /** The member attribute with the simulation jobs a member runs at once. */
    public static final String SIMULATION_SLOTS = "aigcsim.simulationSlots";
    static final int MAX_NO_HEARTBEAT_S = 15;
    private static final long START_TIMEOUT_S = 120;

    /** A node that runs no simulation jobs. */
    public ClusterOptions(String host, int port, List<String> members) {
        this(host, port, members, 0);
    }

    public ClusterOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("cluster: --host <address> is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("cluster: port must be in 1..65535, got " + port);
        }
        members = List.copyOf(members);
        if (simulationSlots < 0) {
            throw new IllegalArgumentException("cluster: simulation slots must be >= 0, got " + simulationSlots);
        }
    }

    /** The same node, running {@code slots} simulation jobs at once. */
    public ClusterOptions withSimulationSlots(int slots) {
        return new ClusterOptions(host, port, members, slots);
    }

    private HazelcastClusterManager manager() {
        Config c = ConfigUtil.loadConfig(); // Vert.x's maps and multimaps
        c.setClusterName("aigcsim");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_S));
        c.getExecutorConfig(SIMULATION_EXECUTOR).setPoolSize(Math.max(1, simulationSlots));
        c.getMemberAttributeConfig().setAttribute(SIMULATION_SLOTS, String.valueOf(simulationSlots));
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(true);
        n.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
        JoinConfig join = n.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members.isEmpty() ? List.of(host) : members);
        java.util.logging.Logger.getLogger("com.hazelcast").setLevel(java.util.logging.Level.WARNING);
        return new HazelcastClusterManager(c);
    }

    /** A Vert.x instance: local when {@code cluster} is null, else joined to the cluster. */
    static Vertx vertx(ClusterOptions cluster, int workerThreads) {
        return cluster == null ? Vertx.builder().with(vertxOptions(workerThreads)).build()
                : join(cluster, workerThreads).vertx();
    }

    /** This process in the cluster: its Vert.x and the Hazelcast member under it. */
    record Joined(Vertx vertx, HazelcastInstance hazelcast) {
    }

    static Joined join(ClusterOptions cluster, int workerThreads) {
        VertxOptions options = vertxOptions(workerThreads);
        options.getEventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host());
        HazelcastClusterManager manager = cluster.manager();
        Vertx vertx = await(Vertx.builder().with(options).withClusterManager(manager).buildClustered(),
                "joining the cluster at " + cluster.host());
        return new Joined(vertx, manager.getHazelcastInstance());
    }

    private static VertxOptions vertxOptions(int workerThreads) {
        return new VertxOptions().setWorkerPoolSize(Math.max(4, workerThreads + 2));
    }

    /** Waits (outside Vert.x threads) for a Vert.x future, with a clear error naming what failed. */
    static <T> T await(Future<T> f, String what) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(what + " failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + START_TIMEOUT_S + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
