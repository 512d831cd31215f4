package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;

/**
 * The edges' denoising steps by batch size count request-steps: with every request delivered they add up to the
 * requests' edge steps; the serial edge runs them all at batch 1, the async one batches some of them.
 */
class EdgeStepsAtBatchTest {
    private static RunResult run(Scenario.EdgeMode mode) {
        Scenario s = Scenario.builder().name("steps-at-batch").seed(5).users(12).durationS(1800).deadlineS(3600)
                .edgeMode(mode).maxBatch(4).splitPolicy("edge-only").build();
        return Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE);
    }

    @Test
    void theStepsByBatchSizeAddUpToTheRequestsEdgeSteps() {
        for (Scenario.EdgeMode mode : Scenario.EdgeMode.values()) {
            RunResult r = run(mode);
            assertEquals(0, r.records().stream().filter(RequestRecord::failed).count(), mode + ": all delivered");
            long want = r.records().stream().mapToLong(RequestRecord::edgeSteps).sum();
            long[] steps = r.edgeStepsAtBatch();
            assertEquals(want, Arrays.stream(steps).sum(), mode + ": " + Arrays.toString(steps));
            for (int b = 1; b < steps.length; b++) {
                assertEquals(0, steps[b] % b, "request-steps in batches of " + b + " come " + b + " at a time");
            }
            if (mode == Scenario.EdgeMode.SERIAL) {
                assertEquals(want, steps[1], "serial: one request at a time");
            } else {
                assertTrue(steps.length > 2 && steps[1] < want, "async: some steps batched " + Arrays.toString(steps));
            }
        }
    }
}
