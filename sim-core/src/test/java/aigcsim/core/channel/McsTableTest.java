package aigcsim.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class McsTableTest {
    private static final double EPS = 1e-12;
    private final McsTable nr = McsTable.nr();

    @Test
    void outageBelowLowestThreshold() {
        assertEquals(-2.5, nr.lowestThresholdDb(), EPS, "lowest threshold QPSK 1/4 at -2.5 dB (tol 1e-12)");
        assertNull(nr.select(-2.51), "-2.51 dB is outage");
        assertNull(nr.select(-10), "-10 dB is outage");
        assertEquals(0.0, nr.spectralEfficiency(-2.51), 0.0, "outage efficiency is 0");
        assertEquals(0.0, nr.spectralEfficiency(Double.NEGATIVE_INFINITY), 0.0, "-inf dB is outage");
    }

    @Test
    void lowestScheme() {
        McsTable.Mcs m = nr.select(-2.5);
        assertNotNull(m, "-2.5 dB reaches the lowest threshold");
        assertEquals("QPSK", m.modulation(), "modulation at -2.5 dB");
        assertEquals(2, m.bitsPerSymbol(), "bits per symbol at -2.5 dB");
        assertEquals(0.25, m.codeRate(), EPS, "code rate at -2.5 dB (tol 1e-12)");
        assertEquals(3, m.index(), "MCS index at -2.5 dB");
        assertEquals(0.5, nr.spectralEfficiency(-2.5), EPS, "2 * 0.25 = 0.5 bit/symbol (tol 1e-12)");
        assertEquals(0.5, nr.spectralEfficiency(-0.71), EPS, "just below next threshold still 0.5 (tol 1e-12)");
        assertEquals(2 * 0.37, nr.spectralEfficiency(-0.7), EPS, "QPSK 0.37 at -0.7 dB (tol 1e-12)");
    }

    @Test
    void midAndTopSchemes() {
        McsTable.Mcs m = nr.select(12.1);
        assertEquals("64QAM", m.modulation(), "modulation at 12.1 dB");
        assertEquals(0.55, m.codeRate(), EPS, "code rate at 12.1 dB (tol 1e-12)");
        assertEquals(3.3, nr.spectralEfficiency(12.1), 1e-9, "6 * 0.55 = 3.3 (tol 1e-9)");
        assertEquals(6 * 0.46, nr.spectralEfficiency(12.0), 1e-9, "12.0 dB: 64QAM 0.46 = 2.76 (tol 1e-9)");
        assertEquals(4 * 0.60, nr.spectralEfficiency(9.0), 1e-9, "9.0 dB: 16QAM 0.60 = 2.4 (tol 1e-9)");
        McsTable.Mcs top = nr.select(30);
        assertEquals("64QAM", top.modulation(), "modulation at 30 dB");
        assertEquals(0.85, top.codeRate(), EPS, "code rate at 30 dB (tol 1e-12)");
        assertEquals(26, top.index(), "top MCS index");
        assertEquals(5.1, nr.spectralEfficiency(30), 1e-9, "6 * 0.85 = 5.1 (tol 1e-9)");
        assertEquals(5.1, nr.spectralEfficiency(17.8), 1e-9, "top threshold 17.8 dB (tol 1e-9)");
    }

    @Test
    void efficiencyNonDecreasingInSnr() {
        double prev = 0;
        for (double snr = -5; snr <= 25; snr += 0.05) {
            double se = nr.spectralEfficiency(snr);
            assertTrue(se >= prev, "non-decreasing at " + snr + " dB");
            assertTrue(se < ShannonRate.spectralEfficiency(snr), "below the Shannon limit at " + snr + " dB");
            prev = se;
        }
    }

    @Test
    void customTableAndValidation() {
        McsTable t = new McsTable(List.of(new McsTable.Mcs("16QAM", 4, 0.5, 2, 5.0),
                new McsTable.Mcs("BPSK", 1, 0.5, 0, -3.0)));
        assertEquals(-3.0, t.lowestThresholdDb(), EPS, "unsorted input is sorted by threshold (tol 1e-12)");
        assertEquals(0.5, t.spectralEfficiency(0), EPS, "BPSK 1/2 at 0 dB (tol 1e-12)");
        assertEquals(2.0, t.spectralEfficiency(5), EPS, "16QAM 1/2 at 5 dB (tol 1e-12)");
        assertThrows(IllegalArgumentException.class, () -> new McsTable(List.of()), "empty table");
    }
}
