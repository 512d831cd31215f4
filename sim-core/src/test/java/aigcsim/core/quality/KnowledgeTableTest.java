package aigcsim.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** The knowledge table: interpolation by SNR, sizes, and clear errors on a bad file or an unknown package. */
class KnowledgeTableTest {
    private static KnowledgeTable parse(String text) throws Exception {
        return KnowledgeTable.parse(new BufferedReader(new StringReader(text)), "test");
    }

    @Test
    void interpolatesBetweenSnrsAndHoldsAtTheEnds() throws Exception {
        KnowledgeTable t = parse("# a comment\n" + KnowledgeTable.HEADER + "\n"
                + "cala,1000,0,10,20,0.5,0.8\ncala,1000,10,10,30,0.9,1.0\nno-ka,0,0,10,5,0.1,0.2\n");
        assertEquals(25, t.expected("cala", 5).psnrDb(), 1e-12);
        assertEquals(0.7, t.expected("cala", 5).ssim(), 1e-12);
        assertEquals(30, t.expected("cala", 40).psnrDb(), 1e-12, "held at the highest SNR");
        assertEquals(5, t.expected("no-ka", -10).psnrDb(), 1e-12);
        assertEquals(1000, t.bytes("cala"));
        assertEquals(java.util.List.of("cala", "no-ka"), t.packages());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.bytes("dora"));
        assertTrue(e.getMessage().contains("dora") && e.getMessage().contains("[cala, no-ka]"), e.getMessage());
    }

    @Test
    void aBadFileNamesItsLines() {
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> parse("package,bytes\ncala,1\n"));
        assertTrue(header.getMessage().contains("line 1") && header.getMessage().contains("header"));
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> parse(
                KnowledgeTable.HEADER + "\ncala,1000,0,1,20,0.5,0.8\ncala,999,10,1,30,0.9,1\n"));
        assertTrue(sizes.getMessage().contains("line 3") && sizes.getMessage().contains("two sizes"),
                sizes.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> parse(
                KnowledgeTable.HEADER + "\ncala,1000,zero,1,20,0.5,0.8\n"));
        assertTrue(number.getMessage().contains("line 2"), number.getMessage());
    }

    @Test
    void theBundledTableHasEveryMethodAndAlignmentHelpsAtTheEdgesOfTheSnrRange() {
        KnowledgeTable t = KnowledgeTable.bundled();
        for (String p : new String[] {"no-ka", "lora", "cala", "full-ft", "cala-2bit"}) {
            assertTrue(t.has(p), p);
        }
        assertEquals(0, t.bytes("no-ka"));
        assertTrue(t.bytes("cala") < t.bytes("full-ft") / 5, "a package is far smaller than the codec");
        assertTrue(t.bytes("cala-2bit") < t.bytes("cala") / 10, "2 bits against 32");
        for (double snr : new double[] {-5, 20}) {
            assertTrue(t.expected("cala", snr).psnrDb() > t.expected("no-ka", snr).psnrDb() + 2, "at " + snr + " dB");
        }
    }
}
