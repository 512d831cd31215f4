package aigcsim.scenarios.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import aigcsim.worker.ClusterOptions;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.WorkerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aigcsim worker --cluster --host ADDR}: a worker node serving a cluster's simulator until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster as a worker node serving its simulator (runs until stopped).")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ClusterMixin cluster;

    @Option(names = "--workers", description = "Worker verticles (default: one per core, ${DEFAULT-VALUE}).")
    int workers = PoolConfig.CORES;

    @Option(names = "--max-batch", description = "Batch limit (default ${DEFAULT-VALUE}).")
    int maxBatch = 16;

    @Override
    public Integer call() throws InterruptedException {
        ClusterOptions options = cluster.options();
        if (options == null) {
            throw new IllegalArgumentException("--cluster --host ADDR is required (a worker node serves a cluster's "
                    + "simulator)");
        }
        if (workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("--workers and --max-batch must be >= 1");
        }
        PoolConfig config = PoolConfig.async(workers).withWorkers(workers, Math.max(1, PoolConfig.CORES / workers));
        config = config.withBatching(maxBatch, config.maxWaitMs());
        WorkerNode node = WorkerNode.start(options, config, ModelSource.bundled());
        Runtime.getRuntime().addShutdownHook(new Thread(node::close)); // hands unfinished jobs back
        System.out.printf(Locale.ROOT, "aigcsim worker node %s joined the cluster at %s: %s%n", node.name(),
                options.host(), config.describe());
        Thread.currentThread().join(); // until stopped
        return Main.OK;
    }
}
