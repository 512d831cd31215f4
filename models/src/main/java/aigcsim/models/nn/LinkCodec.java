package aigcsim.models.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import aigcsim.models.channel.LinkChannel;

/** A link-level codec that sends sources over a channel: a trained {@link LinkJscc}, or one with its adapters. */
public interface LinkCodec {
    /** The shape of one source sample. */
    Shape source();

    /**
     * Sends each source sample over its own draw of {@code channel} (from {@code seeds[i]}) at {@code snrDb} with the
     * first {@code kept} symbol channels; returns the received samples.
     */
    float[][] transmit(NDManager parent, float[][] sources, double snrDb, int kept, LinkChannel channel, long[] seeds);
}
