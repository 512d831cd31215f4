package aigcsim.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * The pool's single point of truth, on one event-loop context (so its state needs no locks): the queue of jobs,
 * the jobs leased to workers, retries. Workers pull jobs ({@link Protocol#PULL}) and report outcomes
 * ({@link Protocol#DONE}); a job ends exactly once — the first report of it completes it, later ones (of a lease
 * that had expired) are ignored. A job whose worker failed it, or did not report within the lease timeout, is
 * retried on another worker when there is one, up to {@link PoolConfig#maxRetries()} times, then fails with the
 * reason. A stopping worker's unfinished jobs come back ({@link Protocol#RELEASE}) and go first in the queue.
 */
final class Dispatcher extends VerticleBase {
    /** How often expired leases are looked for. */
    private static final long LEASE_CHECK_MS = 500;
    /** A worker counts as present this long after its last pull. */
    private static final long WORKER_PRESENT_MS = 5_000;

    /** One request's computation on its way through the pool. */
    static final class Job {
        final long id;
        final WorkKey key;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        final Set<String> failedAt = new HashSet<>();
        int attempts;
        String leasedTo;
        long leasedAtMs;

        Job(long id, WorkKey key) {
            this.id = id;
            this.key = key;
        }
    }

    private final PoolConfig config;
    private final PoolMetrics metrics;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final Map<Long, Job> leased = new HashMap<>();
    private final Map<String, Long> lastPullMs = new HashMap<>();
    private final List<MessageConsumer<String>> consumers = new ArrayList<>();
    private long leaseTimer = -1;

    Dispatcher(PoolConfig config, PoolMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        consumers.add(bus.consumer(Protocol.PULL, this::onPull));
        consumers.add(bus.consumer(Protocol.DONE, this::onDone));
        consumers.add(bus.consumer(Protocol.RELEASE, this::onRelease));
        leaseTimer = vertx.setPeriodic(LEASE_CHECK_MS, t -> expireLeases());
        // in a cluster the registrations must reach the other nodes before work is accepted
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(leaseTimer);
        List<Job> left = new ArrayList<>(queue);
        left.addAll(leased.values());
        queue.clear();
        leased.clear();
        for (Job j : left) {
            fail(j, "the pool was closed before the job ended");
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }

    /** Queues a job (from any thread). */
    void enqueue(Job job) {
        context.runOnContext(v -> {
            queue.addLast(job);
            metrics.queueDepth.set(queue.size());
            vertx.eventBus().publish(Protocol.AVAILABLE, "");
        });
    }

    private void onPull(Message<String> msg) {
        Protocol.Pull pull = Protocol.decode(msg.body(), Protocol.Pull.class);
        long now = System.currentTimeMillis();
        lastPullMs.put(pull.worker(), now);
        List<Protocol.Assignment> out = new ArrayList<>();
        for (Iterator<Job> it = queue.iterator(); it.hasNext() && out.size() < pull.capacity();) {
            Job j = it.next();
            if (j.failedAt.contains(pull.worker()) && anotherWorkerFor(j, now)) {
                continue; // retried elsewhere
            }
            it.remove();
            j.leasedTo = pull.worker();
            j.leasedAtMs = now;
            leased.put(j.id, j);
            out.add(new Protocol.Assignment(j.id, j.key));
        }
        metrics.queueDepth.set(queue.size());
        metrics.running.set(leased.size());
        msg.reply(Protocol.encode(new Protocol.Assignments(out)));
    }

    /** Whether a present worker has not failed this job yet. */
    private boolean anotherWorkerFor(Job j, long now) {
        for (var e : lastPullMs.entrySet()) {
            if (now - e.getValue() < WORKER_PRESENT_MS && !j.failedAt.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private void onDone(Message<String> msg) {
        Outcome o = Protocol.decode(msg.body(), Outcome.class);
        msg.reply("ok");
        Job j = leased.remove(o.jobId());
        if (j == null) {
            j = removeQueued(o.jobId()); // its lease had expired and it waits for a retry: this report settles it
        }
        if (j == null) {
            metrics.lateReports.increment(); // already ended: exactly once
            return;
        }
        metrics.running.set(leased.size());
        if (o.failed()) {
            retryOrFail(j, o.worker(), o.error());
        } else {
            metrics.recordComputed(o);
            j.result.complete(o);
        }
    }

    private Job removeQueued(long id) {
        for (Iterator<Job> it = queue.iterator(); it.hasNext();) {
            Job j = it.next();
            if (j.id == id) {
                it.remove();
                metrics.queueDepth.set(queue.size());
                return j;
            }
        }
        return null;
    }

    private void onRelease(Message<String> msg) {
        Protocol.Release r = Protocol.decode(msg.body(), Protocol.Release.class);
        msg.reply("ok");
        for (long id : r.jobIds()) {
            Job j = leased.remove(id);
            if (j != null) {
                queue.addFirst(j);
                metrics.requeued.increment();
            }
        }
        lastPullMs.remove(r.worker());
        metrics.queueDepth.set(queue.size());
        metrics.running.set(leased.size());
        vertx.eventBus().publish(Protocol.AVAILABLE, "");
    }

    private void expireLeases() {
        long now = System.currentTimeMillis();
        List<Job> expired = new ArrayList<>();
        for (Job j : leased.values()) {
            if (now - j.leasedAtMs > config.leaseTimeoutMs()) {
                expired.add(j);
            }
        }
        for (Job j : expired) {
            leased.remove(j.id);
            lastPullMs.remove(j.leasedTo);
            retryOrFail(j, j.leasedTo, "no report from worker " + j.leasedTo + " within the lease of "
                    + config.leaseTimeoutMs() + " ms");
        }
        metrics.running.set(leased.size());
    }

    private void retryOrFail(Job j, String worker, String reason) {
        j.attempts++;
        j.failedAt.add(worker);
        if (j.attempts > config.maxRetries()) {
            fail(j, reason + " (after " + j.attempts + " attempts)");
            return;
        }
        metrics.retried.increment();
        queue.addFirst(j);
        metrics.queueDepth.set(queue.size());
        vertx.eventBus().publish(Protocol.AVAILABLE, "");
    }

    private void fail(Job j, String reason) {
        j.result.completeExceptionally(new ComputeFailure("request " + j.key.prompt() + " seed " + j.key.seed()
                + ": " + reason));
    }

    /** Why a job ended without a result. */
    static final class ComputeFailure extends RuntimeException {
        ComputeFailure(String message) {
            super(message);
        }
    }
}
