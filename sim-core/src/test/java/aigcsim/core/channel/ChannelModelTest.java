package aigcsim.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.random.RandomStreams;

class ChannelModelTest {
    private static final double COHERENCE_S = 0.01;

    private static ChannelModel rayleigh(long seed) {
        return new ChannelModel(new MeanSnr.Uniform(-6, 15), Fading.rayleigh(COHERENCE_S), new RandomStreams(seed));
    }

    private static ChannelModel pathLoss(long seed) {
        return new ChannelModel(MeanSnr.PathLoss.macro(), Fading.NONE, new RandomStreams(seed));
    }

    @Test
    void noFading() {
        ChannelModel ch = new ChannelModel(new MeanSnr.Uniform(-6, 15), Fading.NONE, new RandomStreams(1));
        for (double t : new double[] {0, 0.005, 1.5, 1e6}) {
            assertEquals(0.0, ch.gainsDb(3, t)[0], 0.0, "no fading: 0 dB at t=" + t);
            assertEquals(Double.POSITIVE_INFINITY, ch.nextFadingChangeS(t), "no fading: never changes, t=" + t);
        }
    }

    @Test
    void rayleighConstantWithinBlockAndChangesAcross() {
        ChannelModel ch = rayleigh(7);
        double g = ch.gainsDb(0, 0.021)[0];
        assertEquals(g, ch.gainsDb(0, 0.025)[0], 0.0, "same block [0.02,0.03): same gain");
        assertEquals(g, ch.gainsDb(0, 0.029)[0], 0.0, "same block [0.02,0.03): same gain");
        assertNotEquals(g, ch.gainsDb(0, 0.015)[0], "block [0.01,0.02) differs");
        assertNotEquals(g, ch.gainsDb(0, 0.035)[0], "block [0.03,0.04) differs");
        assertNotEquals(g, ch.gainsDb(1, 0.025)[0], "another user's link differs");
        // asking again, or out of order, gives the same value
        assertEquals(ch.gainsDb(0, 0.005)[0], ch.gainsDb(0, 0.0)[0], 0.0, "keyed draws, block 0");
        assertEquals(g, ch.gainsDb(0, 0.021)[0], 0.0, "repeat query returns the same gain");
    }

    @Test
    void sameSeedSameChannel() {
        ChannelModel a = rayleigh(42);
        ChannelModel b = rayleigh(42);
        ChannelModel c = rayleigh(43);
        int differ = 0;
        for (int k = 0; k < 200; k++) {
            double t = (k + 0.5) * COHERENCE_S;
            assertEquals(a.gainsDb(k % 5, t)[0], b.gainsDb(k % 5, t)[0], 0.0, "equal seeds, block " + k);
            if (a.gainsDb(k % 5, t)[0] != c.gainsDb(k % 5, t)[0]) {
                differ++;
            }
        }
        assertEquals(200, differ, "a different seed gives a different channel in every block");
    }

    @Test
    void rayleighPowerGainHasUnitMean() {
        ChannelModel ch = rayleigh(2024);
        int n = 20000;
        double sum = 0;
        int belowOne = 0;
        for (int k = 0; k < n; k++) {
            double lin = Math.pow(10, ch.gainsDb(0, (k + 0.5) * COHERENCE_S)[0] / 10);
            assertTrue(lin > 0 && Double.isFinite(lin), "gain positive and finite");
            sum += lin;
            if (lin < 1) {
                belowOne++;
            }
        }
        assertEquals(1.0, sum / n, 0.03, "E|h|^2 = 1 for Rayleigh (tol 3 %)");
        // Exp(1): P(gain < 1) = 1 - 1/e = 0.632
        assertEquals(1 - Math.exp(-1), (double) belowOne / n, 0.02, "P(|h|^2 < 1) = 0.632 (tol 0.02)");
    }

    @Test
    void nextFadingChange() {
        ChannelModel ch = rayleigh(1);
        assertEquals(0.02, ch.nextFadingChangeS(0.015), 1e-12, "next boundary after 0.015 s (tol 1e-12)");
        assertEquals(0.01, ch.nextFadingChangeS(0.0), 1e-12, "next boundary after 0 s (tol 1e-12)");
        assertEquals(0.03, ch.nextFadingChangeS(0.02), 1e-12, "at a boundary: the following one (tol 1e-12)");
        assertEquals(1.01, ch.nextFadingChangeS(1.0049), 1e-12, "next boundary after 1.0049 s (tol 1e-12)");
        for (double t = 0; t < 2; t += 0.0037) {
            double next = ch.nextFadingChangeS(t);
            assertTrue(next > t && next <= t + COHERENCE_S + 1e-12, "next change in (t, t + Tc] at t=" + t);
        }
    }

    @Test
    void pathLossSnr() {
        MeanSnr.PathLoss pl = MeanSnr.PathLoss.macro();
        // 46 dBm - 128.1 dB - (-174 + 10*log10(2e7) + 9) dBm = 46 - 128.1 + 91.9897
        assertEquals(9.889700043360193, pl.snrDb(1000, 20e6), 1e-9, "macro SNR at 1 km, 20 MHz (tol 1e-9)");
        assertEquals(128.1, pl.pathLossDb(1000), 1e-12, "PL at 1 km (tol 1e-12)");
        // 2 km: PL = 128.1 + 37.6*log10(2) = 139.4187; 10 MHz noise: -174 + 70 + 9 = -95 dBm
        assertEquals(46 - 139.41872768 + 95, pl.snrDb(2000, 10e6), 1e-6, "macro SNR at 2 km, 10 MHz (tol 1e-6)");
        assertEquals(pl.snrDb(35, 20e6), pl.snrDb(1, 20e6), 1e-12, "distance clamped at 35 m (tol 1e-12)");
        assertEquals(8.0, pl.shadowingSigmaDb(), 0.0, "macro shadowing sigma");
    }

    @Test
    void shadowingDeterministicPerLink() {
        ChannelModel a = pathLoss(5);
        ChannelModel b = pathLoss(5);
        double s = a.linkBudgetSnrDb(3, 1, 500, 20e6);
        assertEquals(s, a.linkBudgetSnrDb(3, 1, 500, 20e6), 0.0, "repeat query gives the same shadowing");
        assertEquals(s, b.linkBudgetSnrDb(3, 1, 500, 20e6), 0.0, "same seed gives the same shadowing");
        assertNotEquals(s, a.linkBudgetSnrDb(3, 2, 500, 20e6), "another cell has its own shadowing");
        assertNotEquals(s, a.linkBudgetSnrDb(4, 1, 500, 20e6), "another user has its own shadowing");
        // shadowing is additive: same offset at another distance
        double offset = s - MeanSnr.PathLoss.macro().snrDb(500, 20e6);
        assertEquals(offset, a.linkBudgetSnrDb(3, 1, 900, 20e6) - MeanSnr.PathLoss.macro().snrDb(900, 20e6),
                1e-9, "shadowing of a (user, cell) does not depend on distance (tol 1e-9)");
    }

    @Test
    void shadowingStandardDeviation() {
        ChannelModel ch = pathLoss(11);
        double mean = MeanSnr.PathLoss.macro().snrDb(1000, 20e6);
        int n = 5000;
        double sum = 0;
        double sumSq = 0;
        for (int u = 0; u < n; u++) {
            double x = ch.linkBudgetSnrDb(u, 0, 1000, 20e6) - mean;
            sum += x;
            sumSq += x * x;
        }
        double m = sum / n;
        double sd = Math.sqrt((sumSq - n * m * m) / (n - 1));
        assertEquals(0.0, m, 0.5, "shadowing mean ~0 dB (tol 0.5 dB)");
        assertEquals(8.0, sd, 0.8, "shadowing standard deviation ~8 dB (tol 10 %)");
    }

    @Test
    void rayleighNeedsPositiveCoherence() {
        assertThrows(IllegalArgumentException.class, () -> Fading.rayleigh(0), "zero coherence");
        assertThrows(IllegalArgumentException.class, () -> Fading.rayleigh(Double.POSITIVE_INFINITY),
                "infinite coherence");
    }

    @Test
    void everyCoherenceBlockStartsExactlyWhenTheModelSaysItChanges() {
        for (double tc : new double[] {0.01, 0.005, 0.003}) {
            ChannelModel m = new ChannelModel(new MeanSnr.Uniform(-6, 15), Fading.rayleigh(tc), new RandomStreams(1));
            double t = 0;
            for (int k = 0; k < 2000; k++) {
                double next = m.nextFadingChangeS(t);
                org.junit.jupiter.api.Assertions.assertTrue(next > t, "next change after " + t);
                org.junit.jupiter.api.Assertions.assertNotEquals(m.gainsDb(0, t)[0], m.gainsDb(0, next)[0],
                        "the gain changes at the reported change time " + next + " (Tc=" + tc + ")");
                org.junit.jupiter.api.Assertions.assertEquals(m.gainsDb(0, t)[0],
                        m.gainsDb(0, Math.nextDown(next))[0], "and not before it");
                t = next;
            }
            org.junit.jupiter.api.Assertions.assertEquals(2000 * tc, t, 1e-9, "no block skipped or repeated");
        }
    }
}
