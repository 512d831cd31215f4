package aigcsim.worker;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * How a node joins the aigcsim cluster: Vert.x clustered over Hazelcast with a TCP/IP member list (no multicast,
 * no auto-detection, no phone-home: nothing leaves the listed machines).
 *
 * @param host    the address this node binds and announces (Hazelcast and the event bus)
 * @param port    Hazelcast's first port to try (it counts up when taken)
 * @param members addresses of the other nodes, {@code host} or {@code host:port}
 */
public record ClusterOptions(String host, int port, List<String> members) {
    public static final int DEFAULT_PORT = 5701;
    private static final long START_TIMEOUT_S = 120;

    public ClusterOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("cluster: --host <address> is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("cluster: port must be in 1..65535, got " + port);
        }
        members = List.copyOf(members);
    }

    private HazelcastClusterManager manager() {
        Config c = ConfigUtil.loadConfig(); // Vert.x's maps and multimaps
        c.setClusterName("aigcsim");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.socket.bind.any", "false");
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
        VertxOptions options = new VertxOptions().setWorkerPoolSize(Math.max(4, workerThreads + 2));
        if (cluster == null) {
            return Vertx.builder().with(options).build();
        }
        options.getEventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host());
        return await(Vertx.builder().with(options).withClusterManager(cluster.manager()).buildClustered(),
                "joining the cluster at " + cluster.host());
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
