package aigcsim.models.diffusion;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Deterministic DDIM (η = 0) over a given list of timesteps, batched with a per-sample timestep so requests at
 * different points of their schedules step together:
 * x̂_0 = (x_t − √(1 − ᾱ_t)·ε̂)/√ᾱ_t, x_prev = √ᾱ_prev·x̂_0 + √(1 − ᾱ_prev)·ε̂, with ε̂ = ε_u + g·(ε_c − ε_u)
 * (classifier-free guidance of scale g; g = 1 uses the conditional prediction only).
 */
public final class DdimSampler {
    private final NoiseSchedule schedule;
    private final NoisePredictor predictor;
    private final double guidance;

    public DdimSampler(NoiseSchedule schedule, NoisePredictor predictor, double guidance) {
        this.schedule = schedule;
        this.predictor = predictor;
        this.guidance = guidance;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /**
     * One DDIM step for every sample of the batch: sample i goes from {@code from[i]} to {@code to[i]}
     * ({@code to = -1}: to the clean latent).
     */
    public NDArray step(NDArray x, int[] from, int[] to, NDArray context, NDArray unconditional) {
        NDArray eps = predictor.predictNoise(x, from, context);
        if (guidance != 1.0 && unconditional != null) {
            NDArray epsU = predictor.predictNoise(x, from, unconditional);
            eps = epsU.add(eps.sub(epsU).mul(guidance));
        }
        int b = from.length;
        float[] sqrtAb = new float[b];
        float[] sqrt1mAb = new float[b];
        float[] sqrtAbPrev = new float[b];
        float[] sqrt1mAbPrev = new float[b];
        for (int i = 0; i < b; i++) {
            double ab = schedule.alphaBar(from[i]);
            double abPrev = schedule.alphaBar(to[i]);
            sqrtAb[i] = (float) Math.sqrt(ab);
            sqrt1mAb[i] = (float) Math.sqrt(1 - ab);
            sqrtAbPrev[i] = (float) Math.sqrt(abPrev);
            sqrt1mAbPrev[i] = (float) Math.sqrt(1 - abPrev);
        }
        var m = x.getManager();
        long[] bshape = {b, 1, 1, 1};
        NDArray x0 = x.sub(eps.mul(m.create(sqrt1mAb).reshape(bshape))).div(m.create(sqrtAb).reshape(bshape));
        return x0.mul(m.create(sqrtAbPrev).reshape(bshape)).add(eps.mul(m.create(sqrt1mAbPrev).reshape(bshape)))
                .toType(DataType.FLOAT32, false);
    }

    /** Runs a whole schedule of timesteps (noisiest first) on one batch that shares it; ends at the clean latent. */
    public NDArray run(NDArray x, int[] timesteps, NDArray context, NDArray unconditional) {
        int b = (int) x.getShape().get(0);
        NDArray cur = x;
        for (int k = 0; k < timesteps.length; k++) {
            int[] from = new int[b];
            int[] to = new int[b];
            Arrays.fill(from, timesteps[k]);
            Arrays.fill(to, k + 1 < timesteps.length ? timesteps[k + 1] : -1);
            cur = step(cur, from, to, context, unconditional);
        }
        return cur;
    }

    /**
     * At most {@code steps} evenly spaced, strictly decreasing timesteps from {@code start} (inclusive) towards 0
     * (fewer when {@code start} + 1 < steps); empty for {@code start} < 0 or no steps.
     */
    public static int[] spacedFrom(int start, int steps) {
        if (steps <= 0 || start < 0) {
            return new int[0];
        }
        int n = Math.min(steps, start + 1);
        int[] ts = new int[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start - (int) ((long) i * (start + 1) / n);
        }
        return ts;
    }
}
