package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.arrival.Arrival;
import aigcsim.core.arrival.TraceArrivals;
import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;

/**
 * Abandonment at the deadline, stage by stage, in whole runs with hand-made arrivals: one edge denoising step
 * (T̂ = 1, no extraction or decode at the edge) and a device that only decodes, so every phase has a chosen length.
 */
class DeadlineTest {
    private static final double BAND_HZ = 1e6;

    private static RunResult once(Scenario s) {
        return Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE);
    }

    /** Edge compute {@code edgeS} per request, device compute {@code deviceS}, arrivals per user. */
    private static Scenario.Builder scenario(double edgeS, double deviceS, double deadlineS,
            Map<Integer, List<Arrival>> arrivals) {
        DeviceProfile edge = DeviceProfile.measured("test-edge", "test", 1e9, 1, 0.0, edgeS, 0.0, 0.0, null);
        DeviceProfile device = DeviceProfile.measured("test-device", "test: decodes only", 1e9, 1, 0.0, 1.0, 0.0, deviceS,
                null);
        return Scenario.builder().name("deadlines").durationS(30).warmupS(0)
                .cell(new Scenario.CellSpec(new Position(0, 0), BAND_HZ, edge, PacrSchedule.FULL))
                .users(arrivals.size()).area(1, 1).deviceProfile(device).deadlineS(deadlineS)
                .arrivals(new TraceArrivals("test", arrivals)).framework(Framework.NON_FINE_TUNING).totalSteps(1)
                .latentBits(0).bandwidthScheduler("equal-share");
    }

    private static List<Arrival> at(double... timesS) {
        return java.util.Arrays.stream(timesS).mapToObj(t -> new Arrival(t, null)).toList();
    }

    /**
     * Serial edge of 8 s, device of 16 s, deadline 30 s. Request 0 (user 1, t = 0): edge [0, 8], device [8, 24].
     * Request 1 (user 0, t = 1): edge [8, 16], device [16, 32], past its deadline at 31. Request 2 (user 0, t = 18):
     * edge [18, 26], waits for the device, which request 1's abandonment frees at 31: [31, 47], within its deadline
     * 48 (without the abandonment it would start at 32 and end at 48).
     */
    private static Scenario deviceCase() {
        return scenario(8, 16, 30, Map.of(0, at(1, 18), 1, at(0))).edgeMode(Scenario.EdgeMode.SERIAL).build();
    }

    @Test
    void onTheDeviceTheUsersNextRequestStartsAtTheAbandonment() {
        List<RequestRecord> rs = once(deviceCase()).records().list();
        RequestRecord first = rs.get(0);
        RequestRecord abandoned = rs.get(1);
        RequestRecord next = rs.get(2);
        assertFalse(first.failed());
        assertEquals(24.0, first.endS(), 1e-9);

        assertEquals("DEADLINE", abandoned.failure());
        assertEquals("DEVICE", abandoned.failedAt());
        assertEquals(31.0, abandoned.endS(), 1e-9, "fails at its deadline");
        assertEquals(15.0, abandoned.l3DeviceS(), 1e-9, "computed on the device from 16 until the abandonment");
        assertFalse(abandoned.delivered());
        assertEquals(0.0, abandoned.satisfaction());

        assertEquals(0, next.user());
        assertFalse(next.failed(), next.toString());
        assertEquals(5.0, next.queueWaitS(), 1e-9, "delivered at 26, started on the device at 31");
        assertEquals(16.0, next.l3DeviceS(), 1e-9);
        assertEquals(47.0, next.endS(), 1e-9);
    }

    @Test
    void theFailureStageIsAColumnOfRequestsCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("requests.csv");
        ResultWriter.writeRequestsCsv(csv, List.of(once(deviceCase())));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(ResultWriter.CSV_HEADER, lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        int failure = header.indexOf("failure");
        assertEquals(failure + 1, header.indexOf("failedAt"), "right after the failure reason");
        // the catalogue's prompts have no comma
        String[] abandoned = lines.get(2).split(",");
        String[] served = lines.get(1).split(",");
        assertEquals("DEADLINE", abandoned[failure]);
        assertEquals("DEVICE", abandoned[failure + 1]);
        assertEquals("NONE", served[failure]);
        assertEquals("", served[failure + 1], "empty for a request that did not fail");
    }

    @Test
    void aRequestAbandonedInSerialComputeFreesTheEdgeAtOnce() {
        // serial edge of 20 s, deadline 10 s: request 0 (t = 0) is cut off at 10; request 1 (t = 5) starts then
        List<RequestRecord> rs = once(scenario(20, 0, 10, Map.of(0, at(0), 1, at(5)))
                .edgeMode(Scenario.EdgeMode.SERIAL).build()).records().list();
        assertEquals("EDGE", rs.get(0).failedAt());
        assertEquals(10.0, rs.get(0).endS(), 1e-9);
        assertEquals(10.0, rs.get(0).l2EdgeS(), 1e-9, "in edge compute until the abandonment");
        assertEquals(5.0, rs.get(1).queueWaitS(), 1e-9, "the edge took it at 10, not at 20");
        assertEquals("EDGE", rs.get(1).failedAt());
        assertEquals(15.0, rs.get(1).endS(), 1e-9);
    }

    @Test
    void theStepInProgressKeepsItsTimeWhenItsRequestIsAbandoned() {
        // async edge, one slot, one step of 20 s per request: request 0 (t = 0) in the step [0, 20] is abandoned at
        // 10, but the step keeps its time: request 1 (t = 5) is admitted at 20, not 10 — the slot is free at the
        // boundary.
        List<RequestRecord> rs = once(scenario(20, 0, 25, Map.of(0, at(0), 1, at(5)))
                .edgeMode(Scenario.EdgeMode.ASYNC).maxBatch(1).build()).records().list();
        assertFalse(rs.get(0).failed(), "20 s within a 25 s deadline");
        rs = once(scenario(20, 0, 10, Map.of(0, at(0), 1, at(5))).edgeMode(Scenario.EdgeMode.ASYNC).maxBatch(1)
                .build()).records().list();
        assertEquals("EDGE", rs.get(0).failedAt());
        assertEquals(10.0, rs.get(0).endS(), 1e-9);
        assertEquals("QUEUE", rs.get(1).failedAt(), "the step in progress kept the edge until 20, past 15");
        assertEquals(15.0, rs.get(1).endS(), 1e-9);
        assertEquals(10.0, rs.get(1).queueWaitS(), 1e-9, "waited its whole deadline");
    }

    @Test
    void aRequestPastItsDeadlineOnTheDownlinkFreesTheBand() {
        // async edge of 0.1 s (two slots), 1e8 bits each, far more than the band carries in the run: request 0
        // transmits from 0.1, request 1 from 1.1, each at half the band; request 0 is abandoned at its deadline 8,
        // and request 1 then has the whole band until its own deadline 9.
        List<RequestRecord> rs = once(scenario(0.1, 0, 8, Map.of(0, at(0), 1, at(1))).edgeMode(Scenario.EdgeMode.ASYNC)
                .maxBatch(2).latentBits(1e8).build()).records().list();
        RequestRecord first = rs.get(0);
        RequestRecord second = rs.get(1);
        assertEquals("TRANSMISSION", first.failedAt());
        assertEquals(8.0, first.endS(), 1e-9);
        assertEquals(7.9, first.l1TransmissionS(), 1e-9, "on the air until the abandonment");
        assertEquals((BAND_HZ * 1 + BAND_HZ / 2 * (8 - 1.1)) / 7.9, first.bandwidthShareHz(), 1e-6,
                "the whole band alone, then half");
        assertEquals("TRANSMISSION", second.failedAt());
        assertEquals(9.0, second.endS(), 1e-9);
        double expected = (BAND_HZ / 2 * (8 - 1.1) + BAND_HZ * (9 - 8)) / (9 - 1.1);
        assertEquals(expected, second.bandwidthShareHz(), 1e-6, "the whole band from 8 on");
        assertTrue(second.bandwidthShareHz() > BAND_HZ / 2 + 1e3);
    }
}
