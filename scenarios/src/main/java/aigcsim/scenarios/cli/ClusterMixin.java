package aigcsim.scenarios.cli;

import java.util.ArrayList;
import java.util.List;

import aigcsim.worker.ClusterOptions;
import picocli.CommandLine.Option;

/** Options that join a Hazelcast cluster of worker nodes (TCP/IP member list, no multicast). */
final class ClusterMixin {
    @Option(names = "--cluster", description = "Join a cluster of worker nodes (needs --host).")
    boolean cluster;

    @Option(names = "--host", paramLabel = "ADDR", description = "This machine's address in the cluster.")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "Cluster port (default ${DEFAULT-VALUE}).")
    int port = ClusterOptions.DEFAULT_PORT;

    @Option(names = "--members", split = ",", paramLabel = "A,B", description = "Other members' addresses.")
    List<String> members = new ArrayList<>();

    /** The cluster to join, or null when --cluster was not given. */
    ClusterOptions options() {
        if (!cluster) {
            if (host != null || !members.isEmpty()) {
                throw new IllegalArgumentException("--host and --members need --cluster");
            }
            return null;
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--cluster needs --host ADDR (this machine's address)");
        }
        return new ClusterOptions(host, port, members);
    }
}
