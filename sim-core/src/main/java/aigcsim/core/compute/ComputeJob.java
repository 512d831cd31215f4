package aigcsim.core.compute;

import aigcsim.core.channel.Fading;
import aigcsim.core.framework.Framework;

/**
 * Everything a request's real computation depends on: prompt and seed, the split a of T̂ steps, the framework
 * (what is transmitted and where fine-tuning runs), the channel type and the SNR the transmission saw.
 */
public record ComputeJob(long requestId, String prompt, long seed, int edgeSteps, int totalSteps,
        Framework framework, Fading.Kind channelType, double snrDb) {
}
