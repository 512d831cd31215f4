package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import aigcsim.core.cost.CostModel;
import aigcsim.core.cost.DeviceProfile;

/**
 * {@code aigcsim calibrate} on the bundled models, briefly: the profile it writes loads as a device whose step, start
 * and batch-2 step are the measured figures, and it keeps every figure's spread.
 */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void theProfileItWritesRunsTheMeasuredTimes() throws Exception {
        Path out = dir.resolve("host.json");
        MainTest.Outcome o = MainTest.execute("calibrate", "--out", out.toString(), "--max-batch", "2",
                "--total-steps", "4", "--precision", "0.5", "--max-blocks", "4");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("finish stage fit:"), o.out());
        JsonNode m = new ObjectMapper().readTree(out.toFile()).get("measurement");
        DeviceProfile p = DeviceProfile.load(out);
        assertEquals(m.get("stepS").get(0).get("seconds").asDouble(), p.stepS(), 1e-12 * p.stepS());
        assertEquals(m.get("startS").get("seconds").asDouble(), p.extractionS(), 1e-12);
        assertEquals(m.get("stepS").get(1).get("seconds").asDouble(), CostModel.stepS(p, 2, 1.0),
                1e-9 * p.stepS(), "the batch curve gives the measured batch-2 step");
        assertEquals(5, m.get("finishS").size(), "five splits of the finish stage");
        assertTrue(m.get("stepS").get(0).get("halfWidth95").asDouble() >= 0);
        assertTrue(m.has("noisy"));
    }
}
