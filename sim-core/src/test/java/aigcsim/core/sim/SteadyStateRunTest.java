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

/** Whole runs judged for steady state, and utilization taken from the chosen warm-up. */
class SteadyStateRunTest {
    private static final AnalyticComputeService ANALYTIC = new AnalyticComputeService();

    private static RunResult once(Scenario s) {
        return Simulation.runReplication(s, 0, ANALYTIC, Simulation.Progress.NONE);
    }

    /** 30 users at 1/min (0.5 req/s) against a serial edge of 4.75 s per request: rho ≈ 2.4. */
    private static Scenario.Builder saturated() {
        return Scenario.builder().name("saturated").seed(5).users(30).durationS(900).warmupS(60)
                .splitPolicy("edge-only").edgeMode(Scenario.EdgeMode.SERIAL);
    }

    @Test
    void aSaturatedSerialCellWithoutRenegingHasNoSteadyState(@TempDir Path dir) throws Exception {
        // a deadline longer than the run: no request leaves the queue unserved, so the queue and the time in
        // system grow for the whole arrival window
        for (boolean auto : List.of(true, false)) {
            RunResult run = once(saturated().deadlineS(1e4).warmupAuto(auto).build());
            assertFalse(run.summary().steadyState(), "warmupAuto " + auto);
            assertEquals(0.0, run.summary().figures().get("steadyState"));
            assertTrue(run.summary().steadyStateReason().startsWith("no steady state: "),
                    run.summary().steadyStateReason());
            if (auto) {
                assertEquals(0, run.summary().warmupS(), "not steady: no truncation, figures over the whole run");
            } else {
                assertEquals(60, run.summary().warmupS());
            }
            ResultWriter.writeSummaryJson(dir.resolve("summary.json"), Map.of(), "analytic", List.of(run));
            String json = Files.readString(dir.resolve("summary.json"));
            assertTrue(json.contains("\"all\" : false"), json);
            assertTrue(json.contains("replication 0: no steady state"), json);
            assertTrue(json.contains("\"steadyState\" : false"), json);
        }
    }

    @Test
    void withTheDefaultDeadlineTheSaturatedCellRenegesIntoASteadyState() {
        // with the 60 s deadline a request the edge reaches too late fails at its deadline and is skipped at once:
        // a queue with reneging, whose time in system is bounded by about the deadline and reaches steady state
        // (nearly every request failing), although rho ≈ 2.4. Its end is its deadline, not the skip.
        RunResult run = once(saturated().warmupAuto(true).build());
        assertTrue(run.summary().steadyState(), run.summary().steadyStateReason());
        assertTrue(run.summary().failureRate() > 0.5, "failure rate " + run.summary().failureRate());
        assertTrue(run.records().stream().filter(r -> "DEADLINE".equals(r.failure()))
                .allMatch(r -> r.timeInSystemS() >= 60 - 1e-9), "failed at or after the deadline");
    }

    @Test
    void utilizationIsTakenFromTheWarmUp() {
        // one user, requests at 1, 10 and 11 s, each 2 s of edge compute and nothing else: the edge is busy on
        // [1, 3] and [10, 14] (the third request starts when the second ends), and the run ends at 14 s.
        // From a warm-up of 2 s: busy 1 s of [2, 3] and 4 s of [10, 14], over 12 s = 5/12.
        DeviceProfile server = DeviceProfile.measured("test-server", "test: one step of 2 s", 1e9, 1, 0.0, 2.0, 0.0,
                0.0, null);
        DeviceProfile device = DeviceProfile.measured("test-device", "test: no device work", 1e9, 1, 0.0, 1.0, 0.0, 0.0,
                null);
        TraceArrivals trace = new TraceArrivals("test", Map.of(0,
                List.of(new Arrival(1, null), new Arrival(10, null), new Arrival(11, null))));
        Scenario s = Scenario.builder().name("utilization").durationS(20).warmupS(2)
                .cell(new Scenario.CellSpec(new Position(0, 0), 1e6, server, PacrSchedule.FULL))
                .users(1).area(1, 1).deviceProfile(device).deadlineS(100).arrivals(trace)
                .framework(Framework.NON_FINE_TUNING).totalSteps(1).latentBits(0)
                .edgeMode(Scenario.EdgeMode.SERIAL).build();
        RunResult run = once(s);
        assertEquals(14.0, run.summary().simulatedEndS(), 1e-9);
        assertEquals(List.of(3.0, 12.0, 14.0), run.records().stream().map(RequestRecord::endS).toList());
        assertEquals(5.0 / 12, run.summary().edgeUtilization(), 1e-12);
        assertEquals(6.0 / 14, once(s.toBuilder().warmupS(0).build()).summary().edgeUtilization(), 1e-12);
        assertFalse(run.summary().steadyState(), "2 requests after the warm-up cannot be judged");
        assertTrue(run.summary().steadyStateReason().contains("2 requests"), run.summary().steadyStateReason());
    }
}
