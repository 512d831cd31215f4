package aigcsim.models.diffusion;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The workload-adjustable transceiver of seeds 000/001. The edge runs the first {@code a} of the T̂ DDIM steps from
 * pure noise (drawn from the request's seed) and sends the partly denoised latent. The device, with fine-tuning,
 * matches the received latent — its remaining diffusion noise plus the channel noise — to the diffusion step of equal
 * noise level (Proposition 1 / CDDM), rescales it onto that step's marginal, and runs T̂ − a steps from there; without
 * fine-tuning it decodes what it received.
 */
public final class SplitTransceiver {
    private final DdimSampler sampler;
    private final int totalSteps;

    /** The edge's output: the latent and the diffusion step it stands at (−1: clean). */
    public record EdgeLatent(NDArray latent, int step) {
    }

    public SplitTransceiver(DdimSampler sampler, int totalSteps) {
        this.sampler = sampler;
        this.totalSteps = totalSteps;
    }

    public int totalSteps() {
        return totalSteps;
    }

    /** x_T ~ N(0, I) of one request, from its seed alone (so it is the same in any batch). */
    public static NDArray initialNoise(NDManager manager, long seed, Shape shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return manager.create(v, shape);
    }

    /** Edge: a of T̂ steps from the request's noise. {@code noise} is (1, C, H, W). */
    public EdgeLatent edge(NDArray noise, int a, NDArray context, NDArray unconditional) {
        return trajectory(noise, a, context, unconditional)[a];
    }

    /**
     * The edge's latents after k = 0 … {@code upTo} of the T̂ steps (one run serves every split a ≤ upTo; entry
     * T̂ is the reference, the clean latent of all T̂ steps).
     */
    public EdgeLatent[] trajectory(NDArray noise, int upTo, NDArray context, NDArray unconditional) {
        if (upTo < 0 || upTo > totalSteps) {
            throw new IllegalArgumentException("edge steps a must be in [0, " + totalSteps + "], got " + upTo);
        }
        int[] ts = sampler.schedule().ddimTimesteps(totalSteps);
        EdgeLatent[] out = new EdgeLatent[upTo + 1];
        out[0] = new EdgeLatent(noise, ts[0]);
        NDArray x = noise;
        for (int k = 0; k < upTo; k++) {
            int to = k + 1 < ts.length ? ts[k + 1] : -1;
            x = sampler.step(x, new int[] {ts[k]}, new int[] {to}, context, unconditional);
            out[k + 1] = new EdgeLatent(x, to);
        }
        return out;
    }

    /**
     * Device with fine-tuning: the received latent was at diffusion step {@code step} and carries channel noise of
     * variance {@code channelNoiseVariance}; continue with T̂ − a steps from the matched step. Returns the clean
     * latent.
     */
    public NDArray device(NDArray received, int step, double channelNoiseVariance, int a, NDArray context,
            NDArray unconditional) {
        NoiseSchedule schedule = sampler.schedule();
        int matched = schedule.matchStep(step, channelNoiseVariance);
        int remaining = totalSteps - a;
        if (matched < 0 || remaining == 0) {
            return received;
        }
        double scale = Math.sqrt(schedule.alphaBar(matched) / schedule.alphaBar(step));
        return sampler.run(received.mul((float) scale), DdimSampler.spacedFrom(matched, remaining), context,
                unconditional);
    }
}
