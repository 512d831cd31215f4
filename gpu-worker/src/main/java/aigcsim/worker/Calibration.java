package aigcsim.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import aigcsim.core.metrics.ConfidenceInterval;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.pipeline.TextToImage;

/**
 * Measures what a worker's {@link StepModel} costs on this host, in the pieces a worker runs: the time of one
 * batched denoising step at each batch size 1 … maxBatch (the batch curve), of a request's start (its initial
 * latent) and of its finish stage (channel, device steps, decode and scoring) at several numbers of device steps,
 * with a straight line fitted to the finish times. Each figure is timed again until the 95 % confidence half-width
 * of its median-of-five blocks is within {@code precision} of it, or until {@code maxRepeats} blocks; a figure that
 * never got there is reported noisy with its spread.
 *
 * <p>A figure is the median of each block of five timings, averaged over the blocks: the median drops the timings a
 * busy machine stretches (a preempted call), the average over blocks gives the figure its interval.
 */
public final class Calibration {
    /** Timings per block; the block's median is one observation. */
    static final int BLOCK = 5;
    /** Blocks each figure is timed at least. */
    static final int MIN_BLOCKS = 4;
    /** Requests served alone at least, for the pool's time between steps. */
    static final int OVERHEAD_REQUESTS = 20;
    /** Seconds of untimed steps before anything is timed (see {@link #warmUp}). */
    static final double WARM_UP_S = 3;

    /** One measured figure: seconds, the 95 % half-width of that mean, and the blocks it took. */
    public record Figure(double seconds, double halfWidth95, int blocks) {
        public double relativeHalfWidth() {
            return halfWidth95 / seconds;
        }
    }

    /** A measured point of the finish stage. */
    public record FinishPoint(int deviceSteps, Figure time) {
    }

    /**
     * What was measured: the step at each batch size (index b − 1), the start, the finish stage at each number of
     * device steps and its straight line finishS = finishFixedS + finishPerStepS·deviceSteps; the largest relative
     * half-width of any figure, and {@code noisy} when it is over the precision.
     */
    public record Result(List<Figure> stepByBatch, Figure startS, List<FinishPoint> finish, double finishFixedS,
            double finishPerStepS, double precision, double worstRelativeHalfWidth, boolean noisy) {
        /** t(b)/t(1) at each batch size, as measured. */
        public double[] batchCurve() {
            double[] r = new double[stepByBatch.size()];
            for (int b = 0; b < r.length; b++) {
                r[b] = stepByBatch.get(b).seconds() / stepByBatch.get(0).seconds();
            }
            return r;
        }

        /** The batch curve a profile can hold: {@link #increasingCurve} of the steps measured. */
        public List<double[]> increasingBatchCurve() {
            return increasingCurve(stepByBatch);
        }
    }

    /**
     * The batch curve a profile can hold, [batch, t(b)/t(1)] with time increasing, of steps timed at batch sizes
     * 1, 2, … (index b − 1): a batch size measured no slower than a smaller one (noise on a busy machine) is left
     * out, and the curve interpolates it.
     */
    public static List<double[]> increasingCurve(List<Figure> stepByBatch) {
        List<double[]> out = new ArrayList<>();
        double t1 = stepByBatch.get(0).seconds();
        for (int b = 0; b < stepByBatch.size(); b++) {
            double r = stepByBatch.get(b).seconds() / t1;
            if (out.isEmpty() || r > out.get(out.size() - 1)[1]) {
                out.add(new double[] {b + 1, r});
            }
        }
        return out;
    }

    /** Told after each figure: how many of {@code total} are done. */
    public interface Progress {
        void done(int figures, int total);
    }

    private final StepModel model;
    private final LongSupplier clock;
    private final double precision;
    private final int maxRepeats;

    /**
     * @param clock      nanoseconds (System::nanoTime)
     * @param precision  the relative 95 % half-width a figure is timed to (e.g. 0.02)
     * @param maxRepeats the most blocks of five a figure is timed
     */
    public Calibration(StepModel model, LongSupplier clock, double precision, int maxRepeats) {
        if (!(precision > 0) || maxRepeats < MIN_BLOCKS) {
            throw new IllegalArgumentException("calibration: precision must be > 0 and repeats >= " + MIN_BLOCKS);
        }
        this.model = model;
        this.clock = clock;
        this.precision = precision;
        this.maxRepeats = maxRepeats;
    }

    /**
     * Measures the step at batch sizes 1 … {@code maxBatch}, the start, and the finish of requests of
     * {@code totalSteps} steps with {@code edgeSteps} of them at the edge (the device runs the rest).
     */
    public Result measure(int maxBatch, int totalSteps, int[] edgeSteps, Progress progress) {
        if (maxBatch < 1 || totalSteps < 1 || edgeSteps.length < 2) {
            throw new IllegalArgumentException("calibration: maxBatch and totalSteps >= 1, and at least two splits "
                    + "to fit the finish stage");
        }
        int total = maxBatch + 1 + edgeSteps.length;
        int[] timesteps = TextToImage.timesteps(totalSteps);
        warmUp(maxBatch, totalSteps, WARM_UP_S);
        List<Figure> steps = new ArrayList<>();
        for (int b = 1; b <= maxBatch; b++) {
            steps.add(time(batchStep(b, totalSteps)));
            progress.done(b, total);
        }
        long[] seed = {0};
        Figure start = time(() -> model.initialLatent(seed[0]++));
        progress.done(maxBatch + 1, total);
        // a request's sent and clean latents, from one real generation
        String prompt = FashionMnist.PROMPTS.get(0);
        List<FinishPoint> finish = new ArrayList<>();
        for (int k = 0; k < edgeSteps.length; k++) {
            int a = edgeSteps[k];
            if (a < 0 || a > totalSteps) {
                throw new IllegalArgumentException("calibration: edge steps " + a + " not in [0, " + totalSteps + "]");
            }
            float[] latent = model.initialLatent(1);
            float[] sent = a == 0 ? latent : null;
            for (int s = 0; s < totalSteps; s++) {
                latent = model.step(new float[][] {latent}, new int[] {timesteps[s]}, new int[] {timesteps[s + 1]},
                        new String[] {prompt})[0];
                if (s + 1 == a) {
                    sent = latent;
                }
            }
            float[] sentLatent = sent;
            float[] clean = latent;
            TextToImage.Request r = new TextToImage.Request(prompt, 1, a, totalSteps, true,
                    TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, 10);
            finish.add(new FinishPoint(totalSteps - a, time(() -> model.finish(r, sentLatent, clean))));
            progress.done(maxBatch + 2 + k, total);
        }
        double[] line = line(finish);
        double worst = start.relativeHalfWidth();
        for (Figure f : steps) {
            worst = Math.max(worst, f.relativeHalfWidth());
        }
        for (FinishPoint p : finish) {
            worst = Math.max(worst, p.time().relativeHalfWidth());
        }
        return new Result(List.copyOf(steps), start, List.copyOf(finish), line[0], line[1], precision, worst,
                worst > precision);
    }

    /**
     * Runs batched steps of every size 1 … {@code maxBatch} in turn for {@code seconds}, untimed: a fresh JVM and
     * model run their first steps slower (the JIT, PyTorch's allocator: 8.2 ms against 5.8 to 6.2 ms later here),
     * which would inflate the first figures timed and, through t(1), understate the whole batch curve.
     */
    void warmUp(int maxBatch, int totalSteps, double seconds) {
        List<Runnable> steps = new ArrayList<>();
        for (int b = 1; b <= maxBatch; b++) {
            steps.add(batchStep(b, totalSteps));
        }
        long end = clock.getAsLong() + Math.round(seconds * 1e9);
        for (int i = 0; clock.getAsLong() < end; i++) {
            steps.get(i % maxBatch).run();
        }
    }

    /** A batched step of {@code b} requests, each at a different step of its schedule. */
    private Runnable batchStep(int b, int totalSteps) {
        int[] timesteps = TextToImage.timesteps(totalSteps);
        float[][] latents = new float[b][];
        int[] from = new int[b];
        int[] to = new int[b];
        String[] prompts = new String[b];
        for (int i = 0; i < b; i++) {
            latents[i] = model.initialLatent(i);
            from[i] = timesteps[i % totalSteps];
            to[i] = timesteps[i % totalSteps + 1];
            prompts[i] = FashionMnist.PROMPTS.get(i % FashionMnist.PROMPTS.size());
        }
        return () -> model.step(latents, from, to, prompts);
    }

    /**
     * What a pool of one worker adds to the model alone, measured in the pool itself: the mean time of a step at each
     * batch size as the worker runs it (index b − 1), and the pool's time between steps (seconds per step: dispatch,
     * a request's start, whatever is not a step or the finish stage, after the batch wait of an idle worker).
     */
    public record PoolFigures(List<Figure> stepByBatch, Figure overheadPerStep) {
    }

    /**
     * Measures a pool of {@code config} (one worker) on {@code models}, after {@value #WARM_UP_S} s of unmeasured
     * rounds: for each batch size b up to the config's maxBatch, rounds of b requests of {@code totalSteps} steps, all
     * at the edge, submitted at once to the idle pool so that they step together; a round's figure is the mean time of its steps at batch b as the worker timed them,
     * and rounds go on until their 95 % half-width (Student's t) is within {@code precision}, or {@code maxRounds}.
     * The rounds at batch 1 (at least {@value #OVERHEAD_REQUESTS} of them, or {@code maxRounds}) also give the pool's
     * time between steps: each request's latency less its steps, its finish stage and the batch wait, over its steps.
     */
    public static PoolFigures pool(ModelSource models, PoolConfig config, int totalSteps, double precision,
            int maxRounds, Progress progress) {
        if (config.workers() != 1) {
            throw new IllegalArgumentException("calibration: a pool of one worker is measured, not "
                    + config.workers());
        }
        List<Figure> steps = new ArrayList<>();
        List<Double> overhead = new ArrayList<>();
        long[] seed = {1000};
        try (WorkerPool pool = WorkerPool.start(config, models)) {
            // unmeasured rounds of every size first: a pool measured first thing in a fresh JVM ran its serial steps
            // 6 to 9 % slower than the same pool a minute later
            long end = System.nanoTime() + Math.round(WARM_UP_S * 1e9);
            for (int b = 1; System.nanoTime() < end; b = b % config.maxBatch() + 1) {
                round(pool, b, totalSteps, seed);
            }
            for (int b = 1; b <= config.maxBatch(); b++) {
                round(pool, b, totalSteps, seed); // the first round of a shape pays its allocation
                List<Double> means = new ArrayList<>();
                for (int r = 0; r < maxRounds; r++) {
                    double sum = 0;
                    int n = 0;
                    for (Timed q : round(pool, b, totalSteps, seed)) {
                        double[] ms = q.outcome().stepMs();
                        int[] batch = q.outcome().stepBatchSizes();
                        for (int k = 0; k < ms.length; k++) {
                            if (batch[k] == b) {
                                sum += ms[k];
                                n++;
                            }
                        }
                        if (b == 1) {
                            overhead.add((q.latencyS() - config.maxWaitMs() / 1e3 - q.outcome().computeMs() / 1e3)
                                    / totalSteps);
                        }
                    }
                    if (n > 0) {
                        means.add(sum / n / 1e3);
                    }
                    if (means.size() >= MIN_BLOCKS && figure(means).relativeHalfWidth() <= precision
                            && (b > 1 || overhead.size() >= OVERHEAD_REQUESTS)) {
                        break;
                    }
                }
                if (means.size() < 2) {
                    throw new IllegalStateException("calibration: the pool never ran a batch of " + b + " (its batch "
                            + "wait too short for requests submitted together?)");
                }
                steps.add(figure(means));
                progress.done(b, config.maxBatch());
            }
        }
        ConfidenceInterval ci = ConfidenceInterval.of(overhead.stream().mapToDouble(Double::doubleValue).toArray());
        return new PoolFigures(List.copyOf(steps), new Figure(ci.mean(), ci.halfWidth95(), ci.n()));
    }

    /** A request served in a calibration round: its latency from submission, and the worker's report. */
    private record Timed(double latencyS, Outcome outcome) {
    }

    /** Serves {@code b} requests submitted at once, all their steps at the edge. */
    private static List<Timed> round(WorkerPool pool, int b, int totalSteps, long[] seed) {
        List<CompletableFuture<Timed>> fs = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            long s = seed[0]++;
            WorkKey key = new WorkKey(pool.modelVersion(), FashionMnist.PROMPTS.get((int) (s % 10)), s, totalSteps,
                    totalSteps, true, TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, 10);
            long t0 = System.nanoTime();
            fs.add(pool.serve(key).thenApply(served -> {
                if (served.outcome().failed()) {
                    throw new IllegalStateException("calibration: the pool failed a request: "
                            + served.outcome().error());
                }
                return new Timed((System.nanoTime() - t0) / 1e9, served.outcome());
            }));
        }
        return fs.stream().map(CompletableFuture::join).toList();
    }

    /** Times {@code call} in blocks of five until its figure is precise enough (or the most blocks). */
    Figure time(Runnable call) {
        call.run(); // warm: the first call of a shape pays for allocation and the JIT
        List<Double> medians = new ArrayList<>();
        double[] block = new double[BLOCK];
        while (true) {
            for (int i = 0; i < BLOCK; i++) {
                long t0 = clock.getAsLong();
                call.run();
                block[i] = (clock.getAsLong() - t0) / 1e9;
            }
            Arrays.sort(block);
            medians.add(block[BLOCK / 2]);
            Figure f = figure(medians);
            if (medians.size() >= MIN_BLOCKS && (f.relativeHalfWidth() <= precision || medians.size() >= maxRepeats)) {
                return f;
            }
        }
    }

    /** The mean of the block medians and its 95 % half-width (Student's t). */
    static Figure figure(List<Double> medians) {
        ConfidenceInterval ci = ConfidenceInterval.of(medians.stream().mapToDouble(Double::doubleValue).toArray());
        return new Figure(ci.mean(), ci.halfWidth95(), ci.n());
    }

    /** Least squares of the finish times on the device steps: {intercept, slope}. */
    static double[] line(List<FinishPoint> points) {
        double n = points.size();
        double mx = points.stream().mapToDouble(FinishPoint::deviceSteps).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p.time().seconds()).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (FinishPoint p : points) {
            sxx += (p.deviceSteps() - mx) * (p.deviceSteps() - mx);
            sxy += (p.deviceSteps() - mx) * (p.time().seconds() - my);
        }
        if (sxx == 0 || n < 2) {
            throw new IllegalArgumentException("calibration: the finish stage needs two different device step counts");
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }
}
