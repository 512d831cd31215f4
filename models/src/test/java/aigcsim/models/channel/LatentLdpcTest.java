package aigcsim.models.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Latent-LDPC: bits per value from the MCS budget, the loss below one bit, the quantizer's error. */
class LatentLdpcTest {
    private static float[] latent() {
        SplittableRandom r = new SplittableRandom(2);
        float[] x = new float[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void theBudgetSetsTheBitsPerValueAndUnderOneBitTheLatentIsLost() {
        float[] x = latent();
        // 32 symbols carry at most 32 x 7.4 bits at the top scheme: under one bit for each of 256 values
        LatentLdpc.Delivery lost = LatentLdpc.send(x, 30, 32, LinkChannel.awgn(), 1);
        assertTrue(lost.lost());
        assertNull(lost.latent());
        // 256 symbols at 18 dB: 64-QAM at rate 0.85, 5.1 bits a symbol, so 5 bits a value
        LatentLdpc.Delivery five = LatentLdpc.send(x, 18, 256, LinkChannel.awgn(), 1);
        assertEquals(5, five.bitsPerValue());
        assertEquals(256 * 5.1, five.budgetBits(), 1e-9);
        // below the lowest threshold (-2.5 dB) nothing arrives
        assertTrue(LatentLdpc.send(x, -4, 256, LinkChannel.awgn(), 1).lost());
        LatentLdpc.Delivery more = LatentLdpc.send(x, 30, 1024, LinkChannel.awgn(), 1);
        assertEquals(LatentLdpc.MAX_BITS, more.bitsPerValue());
        assertFalse(more.lost());
    }

    @Test
    void eachBitHalvesTheQuantizationStepWithinTheRange() {
        float[] x = latent();
        for (int bits = 1; bits <= 8; bits++) {
            float[] q = LatentLdpc.quantize(x, bits);
            double half = LatentLdpc.RANGE / (1 << bits);
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i]) < LatentLdpc.RANGE) {
                    assertTrue(Math.abs(q[i] - x[i]) <= half + 1e-6, bits + " bits: " + x[i] + " -> " + q[i]);
                }
            }
        }
        assertEquals(LatentLdpc.RANGE - LatentLdpc.RANGE / 4, LatentLdpc.quantize(new float[] {100f}, 2)[0], 1e-6,
                "clipped to the top cell");
    }
}
