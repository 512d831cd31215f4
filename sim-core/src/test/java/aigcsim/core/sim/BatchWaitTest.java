package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import aigcsim.core.arrival.PoissonArrivals;
import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;

/**
 * An idle async edge's batch wait: a lone request starts its edge compute exactly that much later; requests that
 * arrive during the wait join the first batch.
 */
class BatchWaitTest {
    private static RunResult run(int users, double ratePerS, double waitS) {
        Scenario s = Scenario.builder().name("batch-wait").seed(9).users(users).durationS(3600).deadlineS(3600)
                .arrivals(new PoissonArrivals(ratePerS)).edgeMode(Scenario.EdgeMode.ASYNC)
                .maxBatch(8).splitPolicy("edge-only").batchWaitS(waitS).build();
        return Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE);
    }

    /** The share of the edge's request-steps run alone (batch 1). */
    private static double alone(RunResult r) {
        long[] steps = r.edgeStepsAtBatch();
        return steps[1] / (double) java.util.Arrays.stream(steps).sum();
    }

    @Test
    void aLoneRequestWaitsTheBatchWaitAndOthersJoinIt() {
        // one user asking once an hour on average: every request finds the edge idle
        List<RequestRecord> none = run(1, 1 / 600.0, 0).records().list();
        List<RequestRecord> wait = run(1, 1 / 600.0, 0.25).records().list();
        assertEquals(none.size(), wait.size());
        for (int i = 0; i < none.size(); i++) {
            assertEquals(none.get(i).queueWaitS() + 0.25, wait.get(i).queueWaitS(), 1e-9, "request " + i);
            assertEquals(none.get(i).latencyS() + 0.25, wait.get(i).latencyS(), 1e-9, "request " + i);
        }
        // many users: a wait gathers larger first batches, so fewer steps run alone
        double without = alone(run(20, 0.002, 0));
        double with = alone(run(20, 0.002, 10.0));
        assertTrue(with < without - 0.05, "share of steps at batch 1: " + with + " with a wait, " + without
                + " without");
    }
}
