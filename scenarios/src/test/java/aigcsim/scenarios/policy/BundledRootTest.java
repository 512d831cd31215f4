package aigcsim.scenarios.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.run.SweepStudy;

/**
 * The bundled ROOT checkpoint: it loads and verifies, matches its training scenario, decides within 0..T̂, and on
 * fresh episodes of its training conditions (replications it never trained or was evaluated on) earns more reward
 * than the greedy least-latency split.
 */
class BundledRootTest {
    private static final Path ROOT = Path.of(System.getProperty("aigcsim.root", ".."));

    @Test
    void theBundledCheckpointBeatsTheGreedySplitOnFreshEpisodes() {
        RootCheckpoint cp = RootCheckpoint.load(RootCheckpoint.BUNDLED_DIR);
        assertEquals(20, cp.totalSteps());
        assertEquals("scenarios/policies/root-train.yaml", cp.network().manifestExtras().get("trainingScenario"));
        List<ScenarioLoader.Setting> root = List.of(ScenarioLoader.Setting.parse("split.policy=root", "test"));
        List<SweepStudy.Run> conditions = SweepStudy.runs(ScenarioLoader.load(
                ROOT.resolve("scenarios/policies/root-train.yaml"), root), root);
        AnalyticComputeService analytic = new AnalyticComputeService();
        double rootSum = 0;
        double greedySum = 0;
        for (int c = 0; c < conditions.size(); c++) {
            Scenario s = conditions.get(c).scenario().scenario();
            int rep = 5000 + c;
            List<RequestRecord> byRoot = Simulation.runReplication(s, rep, analytic, Simulation.Progress.NONE)
                    .records().list();
            assertTrue(byRoot.stream().allMatch(r -> r.edgeSteps() >= 0 && r.edgeSteps() <= 20));
            rootSum += byRoot.stream().mapToDouble(RequestRecord::satisfaction).average().orElseThrow();
            greedySum += Simulation.runReplication(s.toBuilder().splitPolicy("greedy").build(), rep, analytic,
                    Simulation.Progress.NONE).records().stream().mapToDouble(RequestRecord::satisfaction).average()
                    .orElseThrow();
        }
        double rootMean = rootSum / conditions.size();
        double greedyMean = greedySum / conditions.size();
        assertTrue(rootMean > greedyMean + 0.03, "ROOT " + rootMean + " vs greedy " + greedyMean);
    }
}
