package aigcsim.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShannonRateTest {
    private static final double EPS = 1e-12;

    @Test
    void spectralEfficiencyAtKnownSnrs() {
        assertEquals(1.0, ShannonRate.spectralEfficiency(0), EPS, "0 dB: log2(2) = 1 (tol 1e-12)");
        // 10 dB = 10x: log2(11)
        assertEquals(3.4594316186372973, ShannonRate.spectralEfficiency(10), EPS, "10 dB: log2(11) (tol 1e-12)");
        // 20 dB = 100x: log2(101)
        assertEquals(6.658211482751795, ShannonRate.spectralEfficiency(20), EPS, "20 dB: log2(101) (tol 1e-12)");
        // -6 dB = 10^-0.6 = 0.2511886: log2(1.2511886) = 0.3232993
        assertEquals(0.3232993227, ShannonRate.spectralEfficiency(-6), 1e-9, "-6 dB (tol 1e-9)");
        // 10*log10(3) dB = 3x: log2(4) = 2
        assertEquals(2.0, ShannonRate.spectralEfficiency(10 * Math.log10(3)), EPS, "4.77 dB: 2 (tol 1e-12)");
    }

    @Test
    void vanishesAtVeryLowSnrAndIsMonotone() {
        assertTrue(ShannonRate.spectralEfficiency(-200) >= 0, "never negative");
        assertEquals(0.0, ShannonRate.spectralEfficiency(-200), 1e-15, "-200 dB ~ 0 (tol 1e-15)");
        double prev = -1;
        for (double snr = -30; snr <= 40; snr += 0.5) {
            double se = ShannonRate.spectralEfficiency(snr);
            assertTrue(se > prev, "strictly increasing at " + snr + " dB");
            prev = se;
        }
    }

    @Test
    void bitsPerSecondIsBandwidthTimesEfficiency() {
        assertEquals(20e6, ShannonRate.bitsPerSecond(20e6, 0), 1e-6, "20 MHz at 0 dB: 20 Mbit/s (tol 1e-6)");
        assertEquals(20e6 * 3.4594316186372973, ShannonRate.bitsPerSecond(20e6, 10), 1e-4,
                "20 MHz at 10 dB: 69.19 Mbit/s (tol 1e-4)");
        assertEquals(2e6, ShannonRate.bitsPerSecond(1e6, 10 * Math.log10(3)), 1e-6,
                "1 MHz at SNR 3: 2 Mbit/s (tol 1e-6)");
        assertEquals(0.0, ShannonRate.bitsPerSecond(0, 10), 0.0, "no bandwidth, no rate");
    }
}
