package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.CellSample;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;

/** The cells' time series: when it is sampled, and what it measures against the requests' own records. */
class TimeSeriesTest {
    private static RunResult once(Scenario s) {
        return Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE);
    }

    @Test
    void eachCellIsSampledEveryIntervalWithinTheArrivalWindow() {
        RunResult run = once(Scenario.builder().seed(4).users(6).durationS(605).sampleIntervalS(10).build());
        List<CellSample> s = run.timeSeries();
        // every 10 s while the run goes on within the arrival window (a run ends once its last request has)
        double end = Math.min(605, run.summary().simulatedEndS());
        assertEquals((int) Math.floor(end / 10), s.size(), "10, 20, ... up to " + end + " s");
        assertTrue(s.size() >= 55, "most of the window: " + s.size());
        for (int k = 0; k < s.size(); k++) {
            assertEquals(10.0 * (k + 1), s.get(k).timeS(), 1e-9);
        }
        assertTrue(once(Scenario.builder().seed(4).users(6).durationS(600).sampleIntervalS(0).build())
                .timeSeries().isEmpty(), "0 samples nothing");
    }

    @Test
    void theSampledEdgeUtilizationIsTheEdgeComputeOfTheRequests() {
        // a serial edge computes one request at a time: its busy time is the sum of the requests' L2
        Scenario sc = Scenario.builder().seed(8).users(10).durationS(1800).sampleIntervalS(10)
                .edgeMode(Scenario.EdgeMode.SERIAL).splitPolicy("edge-only").build();
        RunResult run = once(sc);
        double sampled = run.timeSeries().stream().mapToDouble(CellSample::edgeUtilization).average().orElseThrow();
        double l2 = run.records().stream().filter(r -> !Double.isNaN(r.l2EdgeS()) && r.arrivalS() < 1800)
                .mapToDouble(RequestRecord::l2EdgeS).sum();
        double l2PerRequest = 4.75;
        assertEquals(l2 / 1800, sampled, 2 * l2PerRequest / 1800, "sampled " + sampled + " vs L2 sum "
                + l2 / 1800 + " (boundary requests at most one L2 each side)");
        assertTrue(sampled > 0.3, "a loaded edge: " + sampled);
        for (CellSample c : run.timeSeries()) {
            assertTrue(c.inEdge() <= 1 && c.queued() >= 0 && c.bandUtilization() >= 0 && c.bandUtilization() <= 1,
                    c.toString());
        }
    }

    @Test
    void aScriptedPacrChangeShowsInTheSamplesAfterIt() {
        RunResult run = once(Scenario.builder().seed(2).users(4).durationS(300).sampleIntervalS(30)
                .event(TimelineEvent.at(125, new TimelineAction.SetPacr(0, 0.5))).build());
        for (CellSample c : run.timeSeries()) {
            assertEquals(c.timeS() < 125 ? 1.0 : 0.5, c.pacr(), c.toString());
            assertEquals(20e6, c.bandwidthHz());
        }
    }
}
