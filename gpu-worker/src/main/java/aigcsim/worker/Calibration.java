package aigcsim.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

        /**
         * The batch curve a profile can hold, [batch, t(b)/t(1)] with time increasing: a batch size measured no
         * slower than a smaller one (noise on a busy machine) is left out, and the curve interpolates it.
         */
        public List<double[]> increasingBatchCurve() {
            List<double[]> out = new ArrayList<>();
            double[] r = batchCurve();
            for (int b = 0; b < r.length; b++) {
                if (out.isEmpty() || r[b] > out.get(out.size() - 1)[1]) {
                    out.add(new double[] {b + 1, r[b]});
                }
            }
            return out;
        }
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
        List<Figure> steps = new ArrayList<>();
        for (int b = 1; b <= maxBatch; b++) {
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
            steps.add(time(() -> model.step(latents, from, to, prompts)));
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
     * The pool's own time around a request's computation: requests served one at a time (none waits for another) by
     * a pool of {@code config} on {@code models}, each all its {@code totalSteps} steps at the edge; the latency of
     * each, less {@code computeS} (its start, steps and finish as measured on the model alone) and less the batch wait
     * of a request that finds its worker idle (the config's maxWait: a known constant, not a cost of every step),
     * divided by the steps: seconds per step that the pool adds (its dispatch between steps).
     */
    public static Figure poolOverheadPerStep(ModelSource models, PoolConfig config, int totalSteps, double computeS,
            int requests) {
        List<Double> perStep = new ArrayList<>();
        try (WorkerPool pool = WorkerPool.start(config, models)) {
            for (int i = -2; i < requests; i++) { // two unmeasured: the JIT's warm-up
                WorkKey key = new WorkKey(models.version(), FashionMnist.PROMPTS.get(Math.floorMod(i, 10)),
                        1000 + i, totalSteps, totalSteps, true, TextToImage.Transmission.ANALOG,
                        TensorChannel.Kind.AWGN, 10);
                long t0 = System.nanoTime();
                pool.serve(key).join();
                double s = (System.nanoTime() - t0) / 1e9;
                if (i >= 0) {
                    perStep.add((s - config.maxWaitMs() / 1e3 - computeS) / totalSteps);
                }
            }
        }
        ConfidenceInterval ci = ConfidenceInterval.of(perStep.stream().mapToDouble(Double::doubleValue).toArray());
        return new Figure(ci.mean(), ci.halfWidth95(), ci.n());
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
