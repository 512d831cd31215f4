package aigcsim.core.compute;

import aigcsim.core.channel.Fading;
import aigcsim.core.framework.Framework;
import aigcsim.core.framework.Transmission;

/**
 * Everything a request's real computation depends on: prompt and seed, the split a of T̂ steps, the framework
 * (what is transmitted and where fine-tuning runs), the channel type, the SNR the transmission saw ({@code snrDb}:
 * with fading, after the simulator's realization), the link's mean SNR ({@code meanSnrDb}: without fading) and the
 * knowledge package the cell's JSCC codec held ({@code knowledge}; null when the scenario models none).
 */
public record ComputeJob(long requestId, String prompt, long seed, int edgeSteps, int totalSteps,
        Framework framework, Fading.Kind channelType, double snrDb, double meanSnrDb, String knowledge) {

    /** A job of the bundled codec (no knowledge modelled). */
    public ComputeJob(long requestId, String prompt, long seed, int edgeSteps, int totalSteps, Framework framework,
            Fading.Kind channelType, double snrDb, double meanSnrDb) {
        this(requestId, prompt, seed, edgeSteps, totalSteps, framework, channelType, snrDb, meanSnrDb, null);
    }

    /**
     * Whether the computation runs over the Rayleigh tensor channel: a JSCC latent on a fading link, whose air time
     * did not depend on the fading, so the simulator's realization decided nothing about it. Every other
     * transmission took its air time (and outages) from that realization and is computed over AWGN at the SNR it
     * saw; a second Rayleigh draw would count the fading twice. On an OFDM link that SNR is the effective one (a flat
     * link of the same capacity), for every transmission: the tensor channel has no OFDM yet.
     */
    public boolean computedOverRayleigh() {
        return framework.transmission() == Transmission.JSCC_LATENT && channelType == Fading.Kind.RAYLEIGH;
    }

    /** The SNR the computation runs at: the mean SNR over the Rayleigh tensor channel, else the SNR seen. */
    public double computedSnrDb() {
        return computedOverRayleigh() ? meanSnrDb : snrDb;
    }

    /** A job whose link has no fading to tell apart: the mean SNR is the one seen. */
    public ComputeJob(long requestId, String prompt, long seed, int edgeSteps, int totalSteps, Framework framework,
            Fading.Kind channelType, double snrDb) {
        this(requestId, prompt, seed, edgeSteps, totalSteps, framework, channelType, snrDb, snrDb, null);
    }
}
