package aigcsim.core.compute;

import aigcsim.core.channel.Fading;
import aigcsim.core.framework.Framework;

/**
 * Everything a request's real computation depends on: prompt and seed, the split a of T̂ steps, the framework
 * (what is transmitted and where fine-tuning runs), the channel type, the SNR the transmission saw ({@code snrDb}:
 * with fading, after the simulator's realization) and the link's mean SNR ({@code meanSnrDb}: without fading).
 */
public record ComputeJob(long requestId, String prompt, long seed, int edgeSteps, int totalSteps,
        Framework framework, Fading.Kind channelType, double snrDb, double meanSnrDb) {

    /** A job whose link has no fading to tell apart: the mean SNR is the one seen. */
    public ComputeJob(long requestId, String prompt, long seed, int edgeSteps, int totalSteps, Framework framework,
            Fading.Kind channelType, double snrDb) {
        this(requestId, prompt, seed, edgeSteps, totalSteps, framework, channelType, snrDb, snrDb);
    }
}
