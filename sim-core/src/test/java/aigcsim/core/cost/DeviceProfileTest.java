package aigcsim.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfileTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private static String json(String stepField, String extra) {
        return "{\n"
                + "  \"name\": \"test-gpu\",\n"
                + "  \"source\": \"unit test\",\n"
                + "  \"clockHz\": 1.0e9,\n"
                + "  \"cores\": 100,\n"
                + "  \"parallelFraction\": 0.9,\n"
                + stepField
                + "  \"extractionS\": 0.5,\n"
                + "  \"decodeS\": 0.25" + extra + "\n"
                + "}\n";
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void allBundledProfilesLoad() {
        assertEquals(3, DeviceProfile.BUNDLED.size(), "three bundled profiles");
        for (String name : DeviceProfile.BUNDLED) {
            DeviceProfile p = DeviceProfile.bundled(name);
            assertEquals(name, p.name(), "bundled profile name matches its file");
            assertNotNull(p.batchCurve(), "batch curve defaults when absent");
            assertTrue(p.stepS() > 0 && p.clockHz() > 0 && p.cores() >= 1, "sane values in " + name);
            assertEquals(p.name(), DeviceProfile.resolve(name).name(), "resolve() finds bundled " + name);
        }
    }

    @Test
    void bundledValues() {
        DeviceProfile a6000 = DeviceProfile.bundled("rtx-a6000");
        assertEquals(1.455e9, a6000.clockHz(), 1, "A6000 clock (tol 1 Hz)");
        assertEquals(10752, a6000.cores(), "A6000 cores");
        assertEquals(0.2, a6000.stepS(), EPS, "A6000 stepS (tol 1e-12)");
        assertEquals(0.75, a6000.extractionS(), EPS, "A6000 extraction (tol 1e-12)");
        assertEquals(1.2, a6000.decodeS(), EPS, "A6000 decode (tol 1e-12)");
        assertEquals(3.8146, a6000.batchCurve().relativeTime(8), EPS, "A6000 curve at 8 (tol 1e-12)");
        DeviceProfile gtx = DeviceProfile.bundled("gtx-1080ti");
        assertSame(BatchCurve.LINEAR, gtx.batchCurve(), "GTX without batchCurve gets LINEAR");
        assertEquals(0.368, gtx.stepS(), EPS, "GTX stepS (tol 1e-12)");
    }

    @Test
    void loadFromFile() throws IOException {
        Path f = write("p.json", json("  \"stepS\": 0.3,\n", ",\n  \"batchCurve\": [[1, 1.0], [4, 2.5]]"));
        DeviceProfile p = DeviceProfile.load(f);
        assertEquals("test-gpu", p.name(), "name");
        assertEquals("unit test", p.source(), "source");
        assertEquals(1e9, p.clockHz(), EPS, "clockHz (tol 1e-12)");
        assertEquals(100, p.cores(), "cores");
        assertEquals(0.9, p.parallelFraction(), EPS, "parallelFraction (tol 1e-12)");
        assertEquals(0.3, p.stepS(), EPS, "stepS (tol 1e-12)");
        assertEquals(0.5, p.extractionS(), EPS, "extractionS (tol 1e-12)");
        assertEquals(0.25, p.decodeS(), EPS, "decodeS (tol 1e-12)");
        // batch 2: 1 + (2.5 - 1) / 3
        assertEquals(1.5, p.batchCurve().relativeTime(2), EPS, "curve interpolated at 2 (tol 1e-12)");
        assertEquals(p.name(), DeviceProfile.resolve(f.toString()).name(), "resolve() accepts a path");
    }

    @Test
    void missingFileNamesPath() {
        Path f = dir.resolve("nope.json");
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the path: " + e.getMessage());
    }

    @Test
    void unknownBundledNameListsBundled() {
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.bundled("h100-imaginary"));
        assertTrue(e.getMessage().contains("h100-imaginary"), "message names the bad name: " + e.getMessage());
        for (String name : DeviceProfile.BUNDLED) {
            assertTrue(e.getMessage().contains(name), "message lists bundled " + name + ": " + e.getMessage());
        }
    }

    @Test
    void missingFieldNamesFileAndField() throws IOException {
        Path f = write("nostep.json", json("", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("stepS"), "message names the field: " + e.getMessage());
    }

    @Test
    void negativeStepNamesFileAndField() throws IOException {
        Path f = write("neg.json", json("  \"stepS\": -0.1,\n", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("stepS"), "message names the field: " + e.getMessage());
    }

    @Test
    void zeroCoresNamesField() throws IOException {
        Path f = write("cores.json", json("  \"stepS\": 0.1,\n", "").replace("\"cores\": 100", "\"cores\": 0"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("cores"), "message names the field: " + e.getMessage());
    }

    @Test
    void unknownFieldNamesFileAndField() throws IOException {
        Path f = write("extra.json", json("  \"stepS\": 0.1,\n", ",\n  \"stepSeconds\": 0.1"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("stepSeconds"), "message names the field: " + e.getMessage());
    }

    @Test
    void badBatchCurveNamesFileAndField() throws IOException {
        Path f = write("curve.json", json("  \"stepS\": 0.1,\n", ",\n  \"batchCurve\": [[1, 1.0], [2.5, 2.0]]"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("batchCurve"), "message names the field: " + e.getMessage());
        Path g = write("curve2.json", json("  \"stepS\": 0.1,\n", ",\n  \"batchCurve\": [[1, 1.0], [2, 0.5]]"));
        var e2 = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(g));
        assertTrue(e2.getMessage().contains(g.toString()), "message names the file: " + e2.getMessage());
    }

    @Test
    void cyclesPerStepReproducesStepS() {
        for (String name : DeviceProfile.BUNDLED) {
            DeviceProfile p = DeviceProfile.bundled(name);
            assertEquals(p.stepS(), CostModel.stepS(p, 1, 1.0), 1e-12,
                    "CostModel.stepS at batch 1, pacr 1 equals profile stepS for " + name + " (tol 1e-12)");
        }
        DeviceProfile p = new DeviceProfile("x", null, 1e9, 10, 0.9, 0.38, 0, 0, null);
        // cycles = 0.38 * 1e9 / 0.19 = 2e9
        assertEquals(2e9, p.cyclesPerStep(), 1e-3, "cyclesPerStep = stepS*clock/amdahl = 2e9 (tol 1e-3 cycles)");
    }
}
