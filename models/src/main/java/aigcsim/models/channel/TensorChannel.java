package aigcsim.models.channel;

import java.util.SplittableRandom;

/**
 * Channels on a transmitted tensor (the latent or JSCC symbols of one request). The tensor is power-normalized to
 * unit power per real dimension, consecutive pairs of values form complex symbols, and the receiver undoes the
 * normalization. AWGN adds noise of variance 1/SNR per real dimension; Rayleigh block fading multiplies the block by
 * one complex gain h ~ CN(0, 1) and equalizes it by zero forcing (perfect CSI), so the noise becomes 1/(SNR·|h|²).
 * The noise is drawn from the request's seed: the same request sees the same channel in any batch. (OFDM with
 * correlated sub-channels, seed 002, is a third kind to come.)
 */
public final class TensorChannel {
    /** The channel types. */
    public enum Kind { AWGN, RAYLEIGH }

    /**
     * What the receiver holds: the equalized tensor in the sender's scale, and the variance of the channel noise
     * left in it per value (the σ² of the step-matching rule), and the fading power gain |h|² (1 on AWGN).
     */
    public record Received(float[] values, double noiseVariance, double powerGain) {
    }

    private TensorChannel() {
    }

    public static Received transmit(float[] x, Kind kind, double snrDb, long seed) {
        if (x.length == 0 || x.length % 2 != 0) {
            throw new IllegalArgumentException("a transmitted tensor needs an even, non-zero number of values, got "
                    + x.length);
        }
        double power = 0;
        for (float v : x) {
            power += (double) v * v;
        }
        power /= x.length;
        if (power == 0) {
            power = 1; // an all-zero tensor is sent as is
        }
        double snr = Math.pow(10, snrDb / 10);
        SplittableRandom rng = new SplittableRandom(seed);
        double hRe = 1;
        double hIm = 0;
        if (kind == Kind.RAYLEIGH) {
            hRe = rng.nextGaussian() / Math.sqrt(2);
            hIm = rng.nextGaussian() / Math.sqrt(2);
        }
        double gain = hRe * hRe + hIm * hIm;
        double sigma = Math.sqrt(1 / snr);
        double scale = Math.sqrt(power);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += 2) {
            double sRe = x[i] / scale;
            double sIm = x[i + 1] / scale;
            // y = h·s + n, then ŝ = y / h
            double yRe = hRe * sRe - hIm * sIm + sigma * rng.nextGaussian();
            double yIm = hRe * sIm + hIm * sRe + sigma * rng.nextGaussian();
            double eqRe = (yRe * hRe + yIm * hIm) / gain;
            double eqIm = (yIm * hRe - yRe * hIm) / gain;
            y[i] = (float) (eqRe * scale);
            y[i + 1] = (float) (eqIm * scale);
        }
        return new Received(y, power / (snr * gain), gain);
    }
}
