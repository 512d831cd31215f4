package aigcsim.worker;

import java.util.List;

import io.vertx.core.Vertx;

/**
 * A worker node ({@code aigcsim worker --cluster --host <addr>}): joins the cluster and serves the simulator's
 * pool with {@code config.workers()} model workers. Closing it hands its unfinished jobs back to the pool before it
 * leaves, so stopping a node mid-run loses no request.
 */
public final class WorkerNode implements AutoCloseable {
    private final Vertx vertx;
    private final List<String> workerIds;
    private final String name;

    private WorkerNode(Vertx vertx, List<String> workerIds, String name) {
        this.vertx = vertx;
        this.workerIds = workerIds;
        this.name = name;
    }

    public static WorkerNode start(ClusterOptions cluster, PoolConfig config, ModelSource models) {
        if (config.workers() < 1) {
            throw new IllegalArgumentException("a worker node needs at least one worker, got " + config.workers());
        }
        Vertx vertx = ClusterOptions.vertx(cluster, config.workers());
        String name = WorkerPool.nodeName();
        try {
            return new WorkerNode(vertx, ClusterOptions.await(ModelWorker.deploy(vertx, name, config.workers(),
                    models, config), "starting " + config.workers() + " worker(s)"), name);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** The prefix of this node's worker ids ({@code <name>/w<i>}). */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        for (String w : workerIds) {
            ClusterOptions.await(vertx.undeploy(w), "stopping worker " + w);
        }
        ClusterOptions.await(vertx.close(), "leaving the cluster");
    }
}
