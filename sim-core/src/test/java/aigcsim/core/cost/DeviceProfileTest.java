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

    /** A profile file; {@code extra} goes before the closing brace (start it with a comma). */
    private static String json(String extra) {
        return "{\n"
                + "  \"name\": \"test-gpu\",\n"
                + "  \"source\": \"unit test\",\n"
                + "  \"clockHz\": 1.0e9,\n"
                + "  \"cores\": 100,\n"
                + "  \"parallelFraction\": 0.9" + extra + "\n"
                + "}\n";
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void allBundledProfilesLoad() {
        assertEquals(java.util.List.of("rtx-a6000", "gtx-1080ti", "a100-sd15", "h100-sd15"), DeviceProfile.BUNDLED,
                "four bundled profiles");
        for (String name : DeviceProfile.BUNDLED) {
            DeviceProfile p = DeviceProfile.bundled(name);
            assertEquals(name, p.name(), "bundled profile name matches its file");
            assertNotNull(p.batchCurve(), "batch curve defaults when absent");
            assertTrue(p.stepS() > 0 && p.clockHz() > 0 && p.cores() >= 1, "sane values in " + name);
            assertTrue(p.source() != null && !p.source().contains("shared/") && !p.source().contains("seed"),
                    "source of " + name + " cites papers and measurements, not files: " + p.source());
            assertSame(Workload.SD, p.workload(), name + " runs the default workload");
            assertEquals(p.name(), DeviceProfile.resolve(name).name(), "resolve() finds bundled " + name);
        }
    }

    @Test
    void bundledValues() {
        DeviceProfile a6000 = DeviceProfile.bundled("rtx-a6000");
        assertEquals(1.455e9, a6000.clockHz(), 1, "A6000 clock (tol 1 Hz)");
        assertEquals(10752, a6000.cores(), "A6000 cores");
        assertEquals(1.0, a6000.efficiency(), 0, "A6000 is the reference: efficiency 1");
        assertEquals(0.2, a6000.stepS(), EPS, "A6000 stepS (tol 1e-12)");
        assertEquals(0.75, a6000.extractionS(), EPS, "A6000 extraction (tol 1e-12)");
        assertEquals(1.2, a6000.decodeS(), EPS, "A6000 decode (tol 1e-12)");
        assertEquals(3.8146, a6000.batchCurve().relativeTime(8), EPS, "A6000 curve at 8 (tol 1e-12)");
        DeviceProfile gtx = DeviceProfile.bundled("gtx-1080ti");
        assertSame(BatchCurve.LINEAR, gtx.batchCurve(), "GTX without batchCurve gets LINEAR");
        DeviceProfile h100 = DeviceProfile.bundled("h100-sd15");
        assertEquals(16896, h100.cores(), "H100 SXM5 cores");
        // the measured channels-last curve: 411.1831 ms / 20.0185 ms at batch 64
        assertEquals(20.5402, h100.batchCurve().relativeTime(64), EPS, "H100 curve at 64 (tol 1e-12)");
    }

    @Test
    void loadFromFile() throws IOException {
        Path f = write("p.json", json(",\n  \"efficiency\": 2.0,\n  \"batchCurve\": [[1, 1.0], [4, 2.5]]"));
        DeviceProfile p = DeviceProfile.load(f);
        assertEquals("test-gpu", p.name(), "name");
        assertEquals("unit test", p.source(), "source");
        assertEquals(1e9, p.clockHz(), EPS, "clockHz (tol 1e-12)");
        assertEquals(100, p.cores(), "cores");
        assertEquals(0.9, p.parallelFraction(), EPS, "parallelFraction (tol 1e-12)");
        assertEquals(2.0, p.efficiency(), EPS, "efficiency (tol 1e-12)");
        // batch 2: 1 + (2.5 - 1) / 3
        assertEquals(1.5, p.batchCurve().relativeTime(2), EPS, "curve interpolated at 2 (tol 1e-12)");
        assertEquals(p.name(), DeviceProfile.resolve(f.toString()).name(), "resolve() accepts a path");
        assertEquals(1.0, DeviceProfile.load(write("q.json", json(""))).efficiency(), 0, "efficiency defaults to 1");
    }

    /**
     * A measured profile runs its own workload: its parts take the file's seconds on its hardware (eq. 20 at full
     * availability), not SD's, and a batch of 4 takes the batch curve's time; a missing time is named.
     */
    @Test
    void aMeasuredProfileRunsItsOwnWorkload() throws IOException {
        Path f = write("host.json", json(",\n  \"batchCurve\": [[1, 1.0], [4, 2.5]],\n  \"workload\": {\"name\": "
                + "\"tiny\", \"stepS\": 0.004, \"extractionS\": 0.0015, \"decodeS\": 0.002},\n  \"measurement\": "
                + "{\"host\": \"test\", \"noisy\": false}"));
        DeviceProfile p = DeviceProfile.load(f);
        assertEquals(0.004, p.stepS(), 1e-15);
        assertEquals(0.0015, p.extractionS(), 1e-15);
        assertEquals(0.002, p.decodeS(), 1e-15);
        assertEquals("tiny", p.workload().name());
        assertEquals(2.5 * 0.004, CostModel.stepS(p, 4, 1.0), 1e-15);
        assertEquals(Hardware.load(f).toString(), p.hardware().toString(), "the hardware is read as before");
        Path bad = write("bad.json", json(",\n  \"workload\": {\"stepS\": 0.004, \"extractionS\": 0.001}"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("'workload.decodeS' is missing"),
                e.getMessage());
        assertEquals(Workload.SD, DeviceProfile.load(write("plain.json", json(""))).workload(),
                "a hardware profile runs the default workload");
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
        Path f = write("nocores.json", json("").replace("  \"cores\": 100,\n", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("cores"), "message names the field: " + e.getMessage());
    }

    @Test
    void badEfficiencyNamesFileAndField() throws IOException {
        Path f = write("neg.json", json(",\n  \"efficiency\": -0.1"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("efficiency"), "message names the field: " + e.getMessage());
    }

    @Test
    void zeroCoresNamesField() throws IOException {
        Path f = write("cores.json", json("").replace("\"cores\": 100", "\"cores\": 0"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("cores"), "message names the field: " + e.getMessage());
    }

    @Test
    void unknownFieldNamesFileAndField() throws IOException {
        Path f = write("extra.json", json(",\n  \"stepSeconds\": 0.1"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("stepSeconds"), "message names the field: " + e.getMessage());
    }

    @Test
    void badBatchCurveNamesFileAndField() throws IOException {
        Path f = write("curve.json", json(",\n  \"batchCurve\": [[1, 1.0], [2.5, 2.0]]"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("batchCurve"), "message names the field: " + e.getMessage());
        Path g = write("curve2.json", json(",\n  \"batchCurve\": [[1, 1.0], [2, 0.5]]"));
        var e2 = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(g));
        assertTrue(e2.getMessage().contains(g.toString()), "message names the file: " + e2.getMessage());
    }

    @Test
    void oldTimeFieldsAreRefusedWithTheEfficiencyThatKeepsTheStep() throws IOException {
        Path f = write("old.json", json(",\n  \"stepS\": 0.3,\n  \"extractionS\": 0.5,\n  \"decodeS\": 0.25"));
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()) && m.contains("stepS"), "message names the file and field: " + m);
        var hint = java.util.regex.Pattern.compile("\"efficiency\": ([0-9.Ee+-]+)").matcher(m);
        assertTrue(hint.find(), "message gives the efficiency to use: " + m);
        Path migrated = write("new.json", json(",\n  \"efficiency\": " + hint.group(1)));
        assertEquals(0.3, DeviceProfile.load(migrated).stepS(), 1e-12,
                "the suggested efficiency gives the old file's 0.3 s per step (tol 1e-12)");
        Path g = write("old2.json", json(",\n  \"decodeS\": 0.25"));
        var e2 = assertThrows(IllegalArgumentException.class, () -> DeviceProfile.load(g));
        assertTrue(e2.getMessage().contains(g.toString()) && e2.getMessage().contains("decodeS"), e2.getMessage());
    }

    @Test
    void theWorkloadIsTheSameOnEveryProfile() {
        // W per step = 0.2 s * 1.455e9 Hz / (0.05 + 0.95/10752) = 5.80973e9 cycles, calibrated on the A6000
        assertEquals(5.80973e9, Workload.SD.stepCycles(), 1e4, "SD step cycles (tol 1e4 cycles)");
        for (String name : DeviceProfile.BUNDLED) {
            assertEquals(Workload.SD.stepCycles(), DeviceProfile.bundled(name).cyclesPerStep(), 0,
                    "cycles per step are the workload's on " + name);
        }
        DeviceProfile p = DeviceProfile.measured("x", null, 1e9, 10, 0.9, 0.38, 0.1, 0.2, null);
        // a device calibrated on itself: cycles = 0.38 * 1e9 / 0.19 = 2e9, and it takes its own times
        assertEquals(2e9, p.cyclesPerStep(), 1e-3, "cycles = stepS*clock/amdahl = 2e9 (tol 1e-3 cycles)");
        assertEquals(0.38, p.stepS(), 1e-12, "measured step (tol 1e-12)");
        assertEquals(0.1, p.extractionS(), 1e-12, "measured extraction (tol 1e-12)");
        assertEquals(0.2, p.decodeS(), 1e-12, "measured decode (tol 1e-12)");
    }
}
