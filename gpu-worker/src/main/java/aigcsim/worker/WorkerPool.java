package aigcsim.worker;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.compute.ComputeService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The worker pool as sim-core's {@link ComputeService}: each simulated request's real computation goes to a
 * {@link Dispatcher} on Vert.x and is run by {@link ModelWorker}s in this process and on any cluster node that
 * joined. In front of the dispatcher: the fidelity (every request, once per distinct {@link WorkKey} through a
 * bounded Caffeine cache — concurrent requests for a key being computed share that computation — or a sampled
 * fraction) and backpressure (at most {@code queueCapacity} jobs queued or running; a submit beyond that blocks
 * until one ends, so nothing is dropped). Every submitted request ends exactly once, completed or failed with a
 * reason. {@link #close()} drains the work in flight first.
 */
public final class WorkerPool implements ComputeService, AutoCloseable {
    /** How long {@link #close()} waits for the work in flight. */
    private static final long DRAIN_TIMEOUT_S = 600;

    /** A request's outcome and whether it came from the cache. */
    public record Served(Outcome outcome, boolean cacheHit) {
    }

    private final PoolConfig config;
    private final ModelSource models;
    private final Vertx vertx;
    private final Dispatcher dispatcher;
    private final String dispatcherId;
    private final List<String> workerIds;
    private final Cache<WorkKey, Outcome> cache;
    private final ConcurrentHashMap<WorkKey, CompletableFuture<Outcome>> computing = new ConcurrentHashMap<>();
    private final Semaphore capacity;
    private final AtomicLong jobIds = new AtomicLong();
    private final PoolMetrics metrics;
    private volatile boolean closed;

    private WorkerPool(PoolConfig config, ModelSource models, ClusterOptions cluster) {
        this.config = config;
        this.models = models;
        this.cache = config.cacheSize() == 0 ? null
                : Caffeine.newBuilder().maximumSize(config.cacheSize()).recordStats()
                        .executor(Runnable::run).build(); // evictions happen in the caller: counts are current
        this.metrics = new PoolMetrics(config.maxBatch(), () -> cache == null ? 0 : cache.stats().evictionCount());
        this.capacity = new Semaphore(config.queueCapacity());
        this.vertx = ClusterOptions.vertx(cluster, config.workers());
        try {
            this.dispatcher = new Dispatcher(config, metrics);
            this.dispatcherId = ClusterOptions.await(vertx.deployVerticle(dispatcher), "starting the dispatcher");
            this.workerIds = ClusterOptions.await(ModelWorker.deploy(vertx, nodeName(), config.workers(), models,
                    config), "starting " + config.workers() + " worker(s)");
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** An in-process pool: dispatcher and {@code config.workers()} workers on a local Vert.x. */
    public static WorkerPool start(PoolConfig config, ModelSource models) {
        if (config.workers() < 1) {
            throw new IllegalArgumentException("pool '" + config.name() + "': an in-process pool needs at least one "
                    + "worker, got " + config.workers() + " (0 workers only make sense in a cluster, whose nodes "
                    + "serve the requests)");
        }
        return new WorkerPool(config, models, null);
    }

    /**
     * A pool that joins a cluster: its requests are served by its own {@code config.workers()} workers (possibly 0)
     * and by every {@link WorkerNode} of the cluster. One pool (one simulator) per cluster.
     */
    public static WorkerPool startClustered(PoolConfig config, ModelSource models, ClusterOptions cluster) {
        return new WorkerPool(config, models, cluster);
    }

    /** A node name unique across a cluster, for worker ids. */
    static String nodeName() {
        return "n" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Override
    public CompletableFuture<ComputeResult> submit(ComputeJob job) {
        if (job.knowledge() != null) {
            throw new IllegalArgumentException("request " + job.requestId() + " was sent by a codec holding knowledge "
                    + "package '" + job.knowledge() + "': the worker pool's codec holds no knowledge-alignment "
                    + "packages; knowledge is modelled by the knowledge table (compute.fidelity: analytic)");
        }
        if (config.fidelity() == PoolConfig.Fidelity.SAMPLED && !sampled(job.requestId())) {
            metrics.submitted.increment();
            metrics.notSampled.increment();
            metrics.completed.increment();
            return CompletableFuture.completedFuture(ComputeResult.none(fidelity()));
        }
        return serve(WorkKey.of(job, models.version(), config.snrStepDb())).thenApply(s -> {
            Outcome o = s.outcome();
            int side = (int) Math.round(Math.sqrt(o.image().length));
            return new ComputeResult(fidelity(), o.psnrDb(), o.ssim(), o.semanticHit() ? 1 : 0, s.cacheHit(),
                    o.worker(), o.computeMs(), new ComputeResult.Images(side, o.image(), o.reference()));
        });
    }

    /** Whether a request is in the computed fraction (a fixed hash of its id: the same in every run). */
    private boolean sampled(long requestId) {
        return new SplittableRandom(requestId).nextDouble() < config.sampledFraction();
    }

    /**
     * Serves one key: from the cache (or a computation of the same key under way) when the pool caches, else by a
     * worker. Blocks while the pool already holds {@code queueCapacity} jobs.
     */
    public CompletableFuture<Served> serve(WorkKey key) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (Context.isOnVertxThread()) {
            throw new IllegalStateException("WorkerPool.serve blocks for backpressure: call it from outside Vert.x");
        }
        metrics.submitted.increment();
        CompletableFuture<Served> served;
        if (cache == null) {
            served = dispatch(key).thenApply(o -> new Served(o, false));
        } else {
            Outcome hit = cache.getIfPresent(key);
            if (hit != null) {
                metrics.cacheHits.increment();
                served = CompletableFuture.completedFuture(new Served(hit, true));
            } else {
                CompletableFuture<Outcome> mine = new CompletableFuture<>();
                CompletableFuture<Outcome> under = computing.putIfAbsent(key, mine);
                if (under != null) {
                    metrics.cacheHits.increment();
                    served = under.thenApply(o -> new Served(o, true));
                } else {
                    metrics.cacheMisses.increment();
                    dispatch(key).whenComplete((o, e) -> {
                        if (e == null) {
                            cache.put(key, o);
                        }
                        computing.remove(key);
                        if (e == null) {
                            mine.complete(o);
                        } else {
                            mine.completeExceptionally(e);
                        }
                    });
                    served = mine.thenApply(o -> new Served(o, false));
                }
            }
        }
        return served.whenComplete((s, e) -> (e == null ? metrics.completed : metrics.failed).increment());
    }

    private CompletableFuture<Outcome> dispatch(WorkKey key) {
        if (!capacity.tryAcquire()) {
            metrics.blockedSubmits.increment();
            capacity.acquireUninterruptibly();
        }
        Dispatcher.Job job = new Dispatcher.Job(jobIds.incrementAndGet(), key);
        job.result.whenComplete((o, e) -> capacity.release());
        dispatcher.enqueue(job);
        return job.result;
    }

    @Override
    public String fidelity() {
        return config.fidelity().id();
    }

    /** The version of the models computing the requests (part of every cache key). */
    public String modelVersion() {
        return models.version();
    }

    public PoolConfig config() {
        return config;
    }

    public PoolMetrics metrics() {
        return metrics;
    }

    /** The counters as JSON, with the version of the models that computed (the hash of their weight files). */
    public String metricsJson() {
        String counters = Protocol.encode(metrics.snapshot());
        return "{\"modelVersion\":" + Protocol.encode(models.version()) + "," + counters.substring(1);
    }

    /**
     * Waits for every job in flight to end, then stops the workers and the dispatcher and leaves the cluster. Jobs
     * still unfinished after {@value #DRAIN_TIMEOUT_S} s fail with a reason.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (capacity.tryAcquire(config.queueCapacity(), DRAIN_TIMEOUT_S, TimeUnit.SECONDS)) {
                capacity.release(config.queueCapacity());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String w : workerIds) {
            ClusterOptions.await(vertx.undeploy(w), "stopping worker " + w);
        }
        ClusterOptions.await(vertx.undeploy(dispatcherId), "stopping the dispatcher");
        ClusterOptions.await(vertx.close(), "closing Vert.x");
    }
}
