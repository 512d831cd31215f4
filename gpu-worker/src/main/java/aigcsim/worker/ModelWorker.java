package aigcsim.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.pytorch.jni.JniUtils;
import aigcsim.models.pipeline.TextToImage;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A worker verticle (Vert.x worker threading: its blocking model calls never stall an event loop) that owns one
 * model instance and serves jobs with continuous batching: between denoising steps it pulls jobs until it holds
 * {@code maxBatch}, then runs one batched DDIM step over all of them — each at its own point of its schedule — and
 * finishes those whose T̂ steps are done (channel, device, quality), reporting each outcome. A request joins or
 * leaves the batch at a step boundary; when idle it waits up to {@code maxWaitMs} for a batch to fill. With
 * {@code maxBatch} = 1 it serves one request at a time to the end (the serial mode). A step that throws fails the
 * batch's jobs at this worker (the dispatcher retries them elsewhere); a stopping worker hands its unfinished jobs
 * back.
 */
final class ModelWorker extends VerticleBase {
    /** Idle workers poll this often, besides the dispatcher's notices. */
    private static final long POLL_MS = 1_000;

    private static final class Active {
        final Protocol.Assignment job;
        final int[] timesteps;
        float[] latent;
        float[] sent;
        int k;
        final double[] stepMs;
        final int[] batchSizes;

        Active(Protocol.Assignment job, int[] timesteps, float[] initial) {
            this.job = job;
            this.timesteps = timesteps;
            this.latent = initial;
            this.batchSizes = new int[job.key().totalSteps()];
            this.stepMs = new double[job.key().totalSteps()];
            if (job.key().edgeSteps() == 0) {
                sent = initial;
            }
        }
    }

    private final String id;
    private final ModelSource source;
    private final PoolConfig config;
    private final DeliveryOptions timeout;
    private final List<Active> active = new ArrayList<>();
    private final Map<Integer, int[]> timesteps = new HashMap<>();
    private StepModel model;
    private MessageConsumer<String> notices;
    private long pollTimer = -1;
    private boolean running;
    private boolean closing;
    /** Pulls, reports and releases not yet answered: a stopping worker waits for them before it leaves. */
    private final Set<Future<?>> inFlight = new HashSet<>();

    ModelWorker(String id, ModelSource source, PoolConfig config) {
        this.id = id;
        this.source = source;
        this.config = config;
        this.timeout = new DeliveryOptions().setSendTimeout(config.requestTimeoutMs());
    }

    /** Deploys {@code count} workers named {@code <prefix>/w<i>}, each loading its own model. */
    static Future<List<String>> deploy(Vertx vertx, String prefix, int count, ModelSource source, PoolConfig config) {
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(vertx.deployVerticle(new ModelWorker(prefix + "/w" + i, source, config),
                    new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
        }
        return Future.all(ids).map(c -> c.<String>list());
    }

    @Override
    public Future<?> start() {
        model = source.open(); // blocking is fine on a worker thread
        notices = vertx.eventBus().consumer(Protocol.AVAILABLE, m -> wake());
        pollTimer = vertx.setPeriodic(POLL_MS, t -> wake());
        return notices.completion().onSuccess(v -> wake());
    }

    @Override
    public Future<?> stop() {
        closing = true;
        vertx.cancelTimer(pollTimer);
        List<Long> unfinished = active.stream().map(a -> a.job.jobId()).toList();
        active.clear();
        if (!unfinished.isEmpty()) {
            release(unfinished);
        }
        // a pull answered after this point hands its jobs back (see pull); only then may the event bus close
        return Future.join(new ArrayList<>(inFlight)).eventually(() -> {
            model.close();
            return notices.unregister();
        });
    }

    private Future<?> release(List<Long> jobIds) {
        return tracked(vertx.eventBus().request(Protocol.RELEASE, Protocol.encode(new Protocol.Release(id, jobIds)),
                timeout));
    }

    /** Keeps a message's future in {@link #inFlight} until it completes. */
    private <T> Future<T> tracked(Future<T> f) {
        if (!f.isComplete()) {
            inFlight.add(f);
            f.onComplete(ar -> inFlight.remove(f));
        }
        return f;
    }

    private void wake() {
        if (!running && !closing) {
            running = true;
            pull(true);
        }
    }

    /** Asks for jobs to fill the batch, then steps (or goes idle when there is nothing to do). */
    private void pull(boolean fromIdle) {
        int room = config.maxBatch() - active.size();
        if (room == 0) {
            step();
            return;
        }
        Promise<Void> settled = Promise.promise();
        tracked(settled.future());
        vertx.eventBus().<String>request(Protocol.PULL, Protocol.encode(new Protocol.Pull(id, room)), timeout)
                .onComplete(ar -> {
                    List<Protocol.Assignment> jobs = ar.succeeded()
                            ? Protocol.decode(ar.result().body(), Protocol.Assignments.class).jobs() : List.of();
                    if (closing) { // settled once the jobs are handed back
                        (jobs.isEmpty() ? Future.succeededFuture()
                                : release(jobs.stream().map(Protocol.Assignment::jobId).toList()))
                                .onComplete(x -> settled.complete());
                        return;
                    }
                    settled.complete();
                    admit(jobs);
                    if (active.isEmpty()) {
                        running = false; // idle until a notice or the poll
                    } else if (fromIdle && !jobs.isEmpty() && active.size() < config.maxBatch()
                            && config.maxWaitMs() > 0) {
                        vertx.setTimer(config.maxWaitMs(), t -> pull(false)); // let a batch form
                    } else {
                        step();
                    }
                });
    }

    private void admit(List<Protocol.Assignment> jobs) {
        for (Protocol.Assignment j : jobs) {
            try {
                int[] ts = timesteps.computeIfAbsent(j.key().totalSteps(), TextToImage::timesteps);
                active.add(new Active(j, ts, model.initialLatent(j.key().seed())));
            } catch (RuntimeException | Error e) {
                report(Outcome.failure(j.jobId(), id, "worker " + id + ": " + e));
            }
        }
    }

    /** One batched denoising step over every active request, then the finished ones, then the next pull. */
    private void step() {
        if (closing) {
            return;
        }
        int b = active.size();
        float[][] latents = new float[b][];
        int[] from = new int[b];
        int[] to = new int[b];
        String[] prompts = new String[b];
        for (int i = 0; i < b; i++) {
            Active a = active.get(i);
            latents[i] = a.latent;
            from[i] = a.timesteps[a.k];
            to[i] = a.timesteps[a.k + 1];
            prompts[i] = a.job.key().prompt();
        }
        long t0 = System.nanoTime();
        try {
            JniUtils.setNumThreads(config.intraOpThreads()); // per thread: Vert.x may run this context on any
            float[][] next = model.step(latents, from, to, prompts);
            double ms = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < b; i++) {
                Active a = active.get(i);
                a.latent = next[i];
                a.batchSizes[a.k] = b;
                a.stepMs[a.k] = ms;
                a.k++;
                if (a.k == a.job.key().edgeSteps()) {
                    a.sent = a.latent;
                }
            }
        } catch (RuntimeException | Error e) {
            for (Active a : active) {
                report(Outcome.failure(a.job.jobId(), id, "worker " + id + " failed a batched step: " + e));
            }
            active.clear();
        }
        finishDone();
        pull(active.isEmpty());
    }

    private void finishDone() {
        for (var it = active.iterator(); it.hasNext();) {
            Active a = it.next();
            WorkKey key = a.job.key();
            if (a.k < key.totalSteps()) {
                continue;
            }
            it.remove();
            long t0 = System.nanoTime();
            try {
                TextToImage.Output out = model.finish(key.request(), a.sent, a.latent);
                report(new Outcome(a.job.jobId(), id, null, out.psnrDb(), out.ssim(), out.predictedClass(),
                        out.semanticHit(), out.lost(), Outcome.greyLevels(out.image()),
                        Outcome.greyLevels(out.reference()), a.stepMs, (System.nanoTime() - t0) / 1e6,
                        a.batchSizes));
            } catch (RuntimeException | Error e) {
                report(Outcome.failure(a.job.jobId(), id, "worker " + id + " failed to finish: " + e));
            }
        }
    }

    /** Reports an outcome; if the report is lost, the lease expires and the job is retried. */
    private void report(Outcome o) {
        tracked(vertx.eventBus().request(Protocol.DONE, Protocol.encode(o), timeout)).onFailure(e -> System.err.println(
                "aigcsim worker " + id + ": could not report job " + o.jobId() + " (" + e.getMessage()
                        + "); it will be retried when its lease expires"));
    }
}
