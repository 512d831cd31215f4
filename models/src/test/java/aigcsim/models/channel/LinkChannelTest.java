package aigcsim.models.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import aigcsim.core.channel.Ofdm;

/** Per-symbol gains of the link-level channels: their structure, their seeds, their mean power. */
class LinkChannelTest {
    @Test
    void ofdmSymbolsFillTheSubCarriersInOrderThenTheNextOfdmSymbol() {
        LinkChannel ch = LinkChannel.ofdm(new Ofdm(16, 30e3, 1e-6));
        double[] g = ch.powerGains(40, 7);
        for (int i = 0; i + 16 < g.length; i++) {
            assertEquals(g[i], g[i + 16], 0.0, "symbol " + i + " and " + (i + 16) + " share a sub-carrier");
        }
        assertNotEquals(g[0], g[1], "at 1 us the neighbouring sub-carriers fade apart");
        assertArrayEquals(g, ch.powerGains(40, 7), 0.0, "one seed, one channel");
        assertNotEquals(g[0], ch.powerGains(40, 8)[0]);
        assertEquals("ofdm-1000ns", ch.label());
    }

    @Test
    void flatChannelsGiveEverySymbolOneGainOfUnitMeanPower() {
        for (double v : LinkChannel.awgn().powerGains(10, 1)) {
            assertEquals(1.0, v);
        }
        double sum = 0;
        int n = 20000;
        for (int s = 0; s < n; s++) {
            double[] g = LinkChannel.rayleigh().powerGains(5, s);
            for (double v : g) {
                assertEquals(g[0], v, 0.0, "block fading: one gain");
            }
            sum += g[0];
        }
        // |h|^2 ~ Exp(1): the mean of 20,000 has a standard deviation of 0.007
        assertEquals(1.0, sum / n, 0.03);
    }

    @Test
    void onlyOfdmHasABand() {
        assertThrows(IllegalArgumentException.class, () -> new LinkChannel(LinkChannel.Kind.OFDM, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LinkChannel(LinkChannel.Kind.AWGN, new Ofdm(4, 30e3, 1e-7)));
    }
}
