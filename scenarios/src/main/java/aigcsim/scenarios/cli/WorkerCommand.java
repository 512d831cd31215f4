package aigcsim.scenarios.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import aigcsim.worker.ClusterMember;
import aigcsim.worker.ClusterOptions;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.WorkerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim worker --cluster --host ADDR}: a node of the cluster until stopped: it runs the simulation jobs of
 * distributed studies ({@code sweep --cluster}), {@code --sim-jobs} at once, and serves the model computation of
 * simulators run with {@code --cluster} on {@code --workers} model workers (0: none).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster as a node: runs simulation jobs of distributed sweeps and serves model "
                + "computation to clustered runs (until stopped).")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ClusterMixin cluster;

    @Option(names = "--workers", description = "Model worker verticles (default: one per core, ${DEFAULT-VALUE}; "
            + "0: serve no model computation).")
    int workers = PoolConfig.CORES;

    @Option(names = "--sim-jobs", paramLabel = "N", description = "Simulation jobs of distributed studies run at once "
            + "(default: the cores, ${DEFAULT-VALUE}; 0: none).")
    int simJobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-batch", description = "Batch limit (default ${DEFAULT-VALUE}).")
    int maxBatch = 16;

    @Override
    public Integer call() throws InterruptedException {
        ClusterOptions options = cluster.options();
        if (options == null) {
            throw new IllegalArgumentException("--cluster --host ADDR is required (a worker node serves a cluster's "
                    + "simulator)");
        }
        if (workers < 0 || maxBatch < 1 || simJobs < 0 || workers + simJobs == 0) {
            throw new IllegalArgumentException("--workers and --sim-jobs must be >= 0 and not both 0, --max-batch "
                    + ">= 1");
        }
        options = options.withSimulationSlots(simJobs);
        AutoCloseable node;
        String serves;
        if (workers == 0) {
            node = ClusterMember.join(options);
            serves = "no model computation";
        } else {
            PoolConfig config = PoolConfig.async(workers).withWorkers(workers,
                    Math.max(1, PoolConfig.CORES / workers));
            config = config.withBatching(maxBatch, config.maxWaitMs());
            WorkerNode worker = WorkerNode.start(options, config, ModelSource.bundled());
            node = worker;
            serves = "model computation as " + worker.name() + ": " + config.describe();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { // hands unfinished model jobs back
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("aigcsim worker: leaving the cluster: " + e.getMessage());
            }
        }));
        System.out.printf(Locale.ROOT, "aigcsim worker node joined the cluster at %s: %d simulation job(s) at once, "
                + "%s%n", options.host(), simJobs, serves);
        Thread.currentThread().join(); // until stopped
        return Main.OK;
    }
}
