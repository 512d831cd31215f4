package aigcsim.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.framework.Framework;

/** Reading, mapping and interpolating the quality table; and the bundled table against the papers' trends. */
class QualityTableTest {
    private static final String TABLE = QualityTable.HEADER + "\n"
            + "semaigc,analog,awgn,0.0,0,20,10.0,0.40,0.50,0.0\n"
            + "semaigc,analog,awgn,10.0,0,20,20.0,0.60,0.70,0.0\n"
            + "semaigc,analog,awgn,0.0,10,20,14.0,0.50,0.60,0.0\n"
            + "semaigc,analog,awgn,10.0,10,20,30.0,0.90,0.90,0.0\n"
            + "non-fine-tuning,analog,awgn,0.0,20,20,8.0,0.30,0.40,0.0\n"
            + "non-fine-tuning,analog,awgn,10.0,20,20,18.0,0.70,0.80,0.0\n"
            + "edge-aigc,digital,awgn,0.0,20,20,5.0,0.10,0.00,1.0\n"
            + "edge-aigc,digital,awgn,10.0,20,20,25.0,0.90,0.90,0.0\n"
            + "local-aigc,none,awgn,0.0,20,20,100.0,1.00,0.85,0.0\n";

    @Test
    void figuresAreInterpolatedOverSnrAndSplitAndHeldOutsideTheMeasuredRange(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("q.csv");
        Files.writeString(f, "# a comment\n" + TABLE);
        QualityTable t = QualityTable.load(f);
        // a = 5 halfway between a = 0 and a = 10, SNR 5 halfway between 0 and 10: (15 + 22) / 2
        assertEquals(18.5, t.expected(Framework.SEM_AIGC, false, 5, 5).psnrDb(), 1e-12);
        assertEquals(30.0, t.expected(Framework.SEM_AIGC, false, 10, 40).psnrDb(), 1e-12, "held at 10 dB");
        assertEquals(14.0, t.expected(Framework.NON_ROOT_SEM_AIGC, false, 10, -6).psnrDb(), 1e-12);
        assertEquals(13.0, t.expected(Framework.NON_FINE_TUNING, false, 20, 5).psnrDb(), 1e-12);
        assertEquals(0.5, t.expected(Framework.EDGE_AIGC, false, 20, 5).lostRate(), 1e-12);
        assertTrue(Double.isNaN(t.expected(Framework.LOCAL_AIGC, false, 0, 5).psnrDb()),
                "a local image compared with itself has no PSNR");
        assertEquals(0.85, t.expected(Framework.LOCAL_AIGC, false, 0, -6).semanticAccuracy(), 1e-12,
                "but what it shows is judged: the generator's own accuracy, at any SNR");
        var e = assertThrows(IllegalStateException.class,
                () -> t.expected(Framework.SEM_AIGC, true, 10, 5));
        assertTrue(e.getMessage().contains("no semaigc analog rayleigh"), e.getMessage());
    }

    @Test
    void theBundledTableShowsThePapersTrends() {
        QualityTable t = QualityTable.bundled();
        for (boolean rayleigh : new boolean[] {false, true}) {
            for (double snr : new double[] {-6, -3, 0, 3}) {
                // receiver fine-tuning (SemAIGC, a = 10) beats the plain receiver (a = T) on a harsh channel
                assertTrue(t.expected(Framework.SEM_AIGC, rayleigh, 10, snr).psnrDb()
                        > t.expected(Framework.NON_FINE_TUNING, rayleigh, 20, snr).psnrDb() + 2, "SNR " + snr);
            }
            // the digital image falls off a cliff: lost far more often at -6 dB than at 15 dB
            assertTrue(t.expected(Framework.EDGE_AIGC, rayleigh, 20, -6).lostRate()
                    > t.expected(Framework.EDGE_AIGC, rayleigh, 20, 15).lostRate() + 0.5);
            // the analog latent degrades gracefully: semantic accuracy stays high down to -6 dB at a = 10
            assertTrue(t.expected(Framework.SEM_AIGC, rayleigh, 10, -6).semanticAccuracy() > 0.7);
        }
    }

    @Test
    void aBadTableIsAClearError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "framework,snr\n");
        var e = assertThrows(IllegalArgumentException.class, () -> QualityTable.load(f));
        assertTrue(e.getMessage().contains(f + " line 1: expected the header"), e.getMessage());
        Files.writeString(f, TABLE + "semaigc,analog,awgn,x,0,20,1,1,1,0\n");
        e = assertThrows(IllegalArgumentException.class, () -> QualityTable.load(f));
        assertTrue(e.getMessage().contains("bad lines [line 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> QualityTable.load(dir.resolve("none.csv")));
        assertTrue(e.getMessage().contains("quality table not found"), e.getMessage());
    }
}
