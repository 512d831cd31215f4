package aigcsim.scenarios.run;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.compute.ComputeService;
import aigcsim.scenarios.file.ComputeSettings;
import aigcsim.worker.ClusterOptions;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.WorkerPool;

/**
 * The compute service a run's settings ask for: nothing (analytic), or a worker pool of the bundled or given
 * weights, in process or joined to a cluster. Closing it drains the computation in flight.
 */
public final class Compute implements AutoCloseable {
    private final ComputeService service;
    private boolean closed;

    private Compute(ComputeService service) {
        this.service = service;
    }

    /** Opens the service; {@code cluster} null: in process. */
    public static Compute open(ComputeSettings s, ClusterOptions cluster) {
        if (s.analytic()) {
            if (cluster != null) {
                throw new IllegalArgumentException("fidelity analytic computes nothing: a cluster has no work");
            }
            return new Compute(new AnalyticComputeService());
        }
        PoolConfig.Fidelity fidelity = PoolConfig.Fidelity.parse(s.fidelity());
        PoolConfig config = PoolConfig.async(s.workers())
                .withWorkers(s.workers(), Math.max(1, PoolConfig.CORES / s.workers()));
        config = config.withBatching(s.maxBatch(), config.maxWaitMs());
        config = (fidelity == PoolConfig.Fidelity.CACHED ? config.withCache(s.cacheSize()) : config.withCache(0))
                .withFidelity(fidelity, s.sampledFraction());
        ModelSource models = s.weights() == null ? ModelSource.bundled() : ModelSource.weights(s.weights());
        return new Compute(cluster == null ? WorkerPool.start(config, models)
                : WorkerPool.startClustered(config, models, cluster));
    }

    public ComputeService service() {
        return service;
    }

    /** The pool, or null when nothing is computed. */
    public WorkerPool pool() {
        return service instanceof WorkerPool p ? p : null;
    }

    /** One line: what computes the requests. */
    public String describe() {
        WorkerPool p = pool();
        return p == null ? "fidelity analytic (nothing computed)"
                : "worker pool " + p.config().describe() + "; models " + p.modelVersion();
    }

    @Override
    public void close() {
        if (!closed && pool() != null) {
            closed = true;
            pool().close();
        }
    }
}
