package aigcsim.scenarios.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.quality.QualityCheck;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.models.rl.D3qn;
import aigcsim.models.rl.D3qnConfig;
import aigcsim.scenarios.file.ScenarioException;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;

/** ROOT trained in the simulator on a tiny budget: reproducible, saved and loaded, and refused when it does not fit. */
class RootTrainingTest {
    @TempDir
    Path dir;

    /** Two conditions of a small cell (PACR 0.3 and 1), with the semantic check that makes quality cost latency. */
    private static List<Scenario> conditions() {
        return List.of(0.3, 1.0).stream().map(p -> Scenario.builder().name("tiny").seed(11).users(4).durationS(900)
                .cell(new Scenario.CellSpec(new Position(500, 500), 20e6, DeviceProfile.bundled("rtx-a6000"),
                        PacrSchedule.constant(p)))
                .qualityCheck(new QualityCheck(QualityCheck.Kind.SEMANTIC, Double.NaN, 3)).build()).toList();
    }

    private static D3qnConfig config(long seed) {
        return RootTraining.config(RootState.EXTENDED, 20, seed, 6, 60).withHidden(32).withLearningStarts(64);
    }

    private static RootTraining.Result train(D3qn net) {
        return RootTraining.train(net, RootState.EXTENDED, conditions(), 6, true, e -> { });
    }

    @Test
    void trainingIsReproducibleForASeedAndLearnsFromTheEpisodes() {
        float[] probe = RootState.EXTENDED.encode(new RootLearnerTest().probe());
        try (D3qn a = new D3qn(config(5)); D3qn b = new D3qn(config(5)); D3qn c = new D3qn(config(6))) {
            float[] before = a.q(probe);
            RootTraining.Result ra = train(a);
            RootTraining.Result rb = train(b);
            train(c);
            assertEquals(ra.episodes(), rb.episodes(), "same seed: the same episodes, rewards, losses and baselines");
            assertArrayEquals(a.q(probe), b.q(probe), 0f, "same seed: bit-identical networks");
            assertNotEquals(a.q(probe)[0], c.q(probe)[0], "another seed: another network");
            assertTrue(a.learnSteps() > 0, "the episodes filled the replay past its start and learning ran");
            assertNotEquals(before[0], a.q(probe)[0], "learning moved the network");
            RootTraining.Episode first = ra.episodes().get(0);
            assertEquals(0, first.condition());
            assertEquals(1, ra.episodes().get(1).condition(), "conditions are taken in turn");
            assertEquals(RootTraining.BASELINES.size(), first.baselines().size());
            // the episode's reward is the mean satisfaction of the replication the learner decided: rerun it with the
            // Non-ROOT baseline and check that label's figure is that run's mean satisfaction
            Scenario nonRoot = conditions().get(0).toBuilder()
                    .framework(aigcsim.core.framework.Framework.NON_ROOT_SEM_AIGC).build();
            double expected = Simulation.runReplication(nonRoot, 0, new AnalyticComputeService(),
                    Simulation.Progress.NONE).records().stream().mapToDouble(RequestRecord::satisfaction).average()
                    .orElseThrow();
            assertEquals(expected, first.baselines().get("non-root"), 1e-12);
            assertTrue(ra.heldOut().keySet().containsAll(List.of("root", "greedy", "quality-greedy")));
        }
    }

    @Test
    void aSavedCheckpointRunsInAScenarioFileAndAMismatchIsAClearError() throws Exception {
        Path cp = dir.resolve("cp");
        try (D3qn net = new D3qn(config(5))) {
            train(net);
            net.save(cp, Map.of(RootCheckpoint.STATE, "extended", RootCheckpoint.TOTAL_STEPS, 20));
        }
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: s\nrun: {durationS: 600, replications: 1}\nusers: {count: 3}\n"
                + "split: {policy: root, checkpoint: cp}\n");
        Scenario s = ScenarioResolver.resolve(ScenarioLoader.load(file, List.of())).scenario();
        List<RequestRecord> records = Simulation.runReplication(s, 0, new AnalyticComputeService(),
                Simulation.Progress.NONE).records().list();
        assertTrue(records.size() > 10);
        assertTrue(records.stream().allMatch(r -> r.edgeSteps() >= 0 && r.edgeSteps() <= 20));

        ScenarioException steps = assertThrows(ScenarioException.class, () -> ScenarioResolver.resolve(
                ScenarioLoader.load(file, List.of(ScenarioLoader.Setting.parse("split.totalSteps=10", "test")))));
        assertTrue(steps.getMessage().contains("split.checkpoint") && steps.getMessage().contains("T = 20"),
                steps.getMessage());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> ScenarioResolver.resolve(
                ScenarioLoader.load(file, List.of(ScenarioLoader.Setting.parse("split.checkpoint=nowhere", "test")))));
        assertTrue(missing.getMessage().contains("split.checkpoint") && missing.getMessage().contains("not found"),
                missing.getMessage());

        Path wrong = dir.resolve("wrong");
        try (D3qn net = new D3qn(D3qnConfig.paper(RootState.PAPER.size(), 21).withHidden(8))) {
            net.save(wrong, Map.of(RootCheckpoint.STATE, "extended", RootCheckpoint.TOTAL_STEPS, 20));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RootCheckpoint.load(wrong));
        assertTrue(e.getMessage().contains("7 features") && e.getMessage().contains("has 11"), e.getMessage());
    }
}
