package aigcsim.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on a small synthetic file pair (tests never need the Debian data set). */
class FashionMnistTest {
    @Test
    void readsPadsAndScales(@TempDir Path dir) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve("t10k-images-idx3-ubyte.gz"))))) {
            out.writeInt(2051);
            out.writeInt(2);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < 2 * 28 * 28; i++) {
                out.writeByte(i < 28 * 28 ? 255 : 0);
            }
        }
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve("t10k-labels-idx1-ubyte.gz"))))) {
            out.writeInt(2049);
            out.writeInt(2);
            out.writeByte(7);
            out.writeByte(9);
        }
        FashionMnist.Split s = FashionMnist.load(dir, false, 10);
        assertEquals(2, s.size());
        assertArrayEquals(new int[] {7, 9}, s.labels());
        assertEquals(32 * 32, s.images()[0].length);
        assertEquals(-1f, s.images()[0][0], "2-pixel border is background");
        assertEquals(1f, s.images()[0][2 * 32 + 2], "white pixel maps to 1");
        assertEquals(-1f, s.images()[1][2 * 32 + 2], "black pixel maps to -1");
        assertEquals(1, FashionMnist.load(dir, false, 1).size());
    }

    @Test
    void missingDataSaysHowToInstallIt(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir, true, 10));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }
}
