package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        assertEquals(1, m.get("pools").get("serial").get("stepS").size(), "the serial pool runs batch 1 only");
        assertEquals(2, m.get("pools").get("async").get("stepS").size(), "the async pool at batch 1 and 2");
        assertEquals(4, m.get("pools").get("async").get("overheadPerStepS").get("requests").asInt(),
                "the time between steps wants 20 requests alone, and --max-blocks caps the rounds at 4");
    }

    /**
     * Then the twin on that profile, a few seconds of a tiny scenario on the real models: both modes are predicted and
     * measured, and every request is in the results folder; a bad mode or a profile without pools is a clear error.
     */
    @Test
    void theTwinComparesBothModesOnACalibratedProfile() throws Exception {
        Path profile = dir.resolve("host.json");
        assertEquals(0, MainTest.execute("calibrate", "--out", profile.toString(), "--max-batch", "2",
                "--total-steps", "4", "--precision", "0.5", "--max-blocks", "4").code());
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, "name: tiny-twin\nrun: {seed: 5, replications: 1, durationS: 4, warmupS: 0}\n"
                + "cells:\n  - bandwidthHz: 1e12\nusers: {count: 2, deadlineS: 600}\n"
                + "channel:\n  snr: {kind: uniform, lowDb: 14, highDb: 15}\narrivals: {kind: poisson, ratePerS: 1}\n"
                + "split: {policy: edge-only, totalSteps: 4}\nedge: {mode: async, maxBatch: 2}\n"
                + "compute: {fidelity: analytic}\n");
        Path out = dir.resolve("twin");
        MainTest.Outcome o = MainTest.execute("twin", scenario.toString(), "--profile", profile.toString(), "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("serial edge:") && o.out().contains("async edge:"), o.out());
        JsonNode twin = new ObjectMapper().readTree(out.resolve("twin.json").toFile());
        for (String mode : List.of("serial", "async")) {
            JsonNode m = twin.get("modes").get(mode);
            double predicted = m.get("predicted").get("meanLatencyS").asDouble();
            double measured = m.get("measured").get("meanLatencyS").asDouble();
            assertTrue(measured > predicted / 2 && measured < predicted * 2, mode + ": predicted " + predicted
                    + " s, measured " + measured + " s: not even the same scale");
            List<String> rows = Files.readAllLines(out.resolve("requests-" + mode + ".csv"));
            assertTrue(rows.size() > 2, "requests: " + rows);
            double mean = rows.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.split(",")[4])).average()
                    .orElseThrow();
            assertEquals(measured, mean, 1e-9, "the rows are the requests measured");
        }

        MainTest.Outcome bad = MainTest.execute("twin", scenario.toString(), "--profile", profile.toString(),
                "--modes", "fifo");
        assertTrue(bad.code() != 0 && bad.err().contains("unknown edge mode 'fifo'"), bad.err());
        ObjectNode noPools = (ObjectNode) new ObjectMapper().readTree(profile.toFile());
        ((ObjectNode) noPools.get("measurement")).remove("pools");
        Path old = dir.resolve("old.json");
        new ObjectMapper().writeValue(old.toFile(), noPools);
        MainTest.Outcome stale = MainTest.execute("twin", scenario.toString(), "--profile", old.toString());
        assertTrue(stale.code() != 0 && stale.err().contains("no measurement of the serial pool"), stale.err());
    }
}
