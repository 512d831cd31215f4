package aigcsim.worker;

import aigcsim.core.compute.ComputeJob;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.pipeline.TextToImage;

/**
 * Everything a request's computed result depends on, and so the result cache's key: the model version, prompt,
 * seed, split a of T̂ steps, whether the device fine-tunes, what crosses the channel, the tensor channel and the SNR
 * (quantized, see {@link #of}). Two requests with equal keys get identical results.
 */
public record WorkKey(String modelVersion, String prompt, long seed, int edgeSteps, int totalSteps, boolean fineTune,
        TextToImage.Transmission transmission, TensorChannel.Kind channel, double snrDb) {

    public WorkKey {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps (T̂) must be >= 1, got " + totalSteps);
        }
        if (edgeSteps < 0 || edgeSteps > totalSteps) {
            throw new IllegalArgumentException("edgeSteps (a) must be in [0, " + totalSteps + "], got " + edgeSteps);
        }
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("snrDb must be finite, got " + snrDb);
        }
        if (prompt == null || modelVersion == null || transmission == null || channel == null) {
            throw new IllegalArgumentException("prompt, modelVersion, transmission and channel are required");
        }
    }

    /**
     * The key of a simulated request. The framework sets what is sent and whether the device fine-tunes (SemAIGC and
     * Non-ROOT: analog latent, fine-tuning; Non-fine-tuning: analog latent, decoded as received; Edge AIGC: the image
     * over the digital link; Local AIGC: nothing; GSC: the latent through the JSCC codec, refined by the device's
     * diffusion). The channel type and SNR are the job's {@link ComputeJob#computedOverRayleigh()} and
     * {@link ComputeJob#computedSnrDb()} (a JSCC latent on a fading link over the Rayleigh tensor channel at the mean
     * SNR, its block gain drawn from the request's seed; everything else over AWGN at the SNR it saw — under zero
     * forcing with perfect CSI the same as a Rayleigh block of that gain). The SNR is rounded to a multiple of {@code snrStepDb} (0:
     * exact) and the request is computed at the rounded SNR, so a cache hit returns exactly what recomputing the key
     * would.
     */
    public static WorkKey of(ComputeJob job, String modelVersion, double snrStepDb) {
        TextToImage.Transmission tx = switch (job.framework()) {
            case SEM_AIGC, NON_ROOT_SEM_AIGC, NON_FINE_TUNING -> TextToImage.Transmission.ANALOG;
            case GSC -> TextToImage.Transmission.JSCC;
            case EDGE_AIGC -> TextToImage.Transmission.DIGITAL;
            case LOCAL_AIGC -> TextToImage.Transmission.NONE;
        };
        boolean fineTune = switch (job.framework()) {
            case SEM_AIGC, NON_ROOT_SEM_AIGC, GSC -> true;
            case NON_FINE_TUNING, EDGE_AIGC, LOCAL_AIGC -> false;
        };
        return new WorkKey(modelVersion, job.prompt(), job.seed(), job.edgeSteps(), job.totalSteps(), fineTune, tx,
                job.computedOverRayleigh() ? TensorChannel.Kind.RAYLEIGH : TensorChannel.Kind.AWGN,
                quantize(job.computedSnrDb(), snrStepDb));
    }

    /** {@code snrDb} rounded to the nearest multiple of {@code stepDb} (unchanged for a step of 0). */
    public static double quantize(double snrDb, double stepDb) {
        if (stepDb < 0 || !Double.isFinite(stepDb)) {
            throw new IllegalArgumentException("SNR quantization step must be >= 0 dB, got " + stepDb);
        }
        return stepDb == 0 ? snrDb : Math.round(snrDb / stepDb) * stepDb + 0.0; // + 0.0: no −0.0 keys
    }

    /** The request the models compute for this key. */
    public TextToImage.Request request() {
        return new TextToImage.Request(prompt, seed, edgeSteps, totalSteps, fineTune, transmission, channel, snrDb);
    }
}
