package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;

/** A profile file's hardware reaches a run: editing its cores changes L2 by eq. 20. */
class HardwareProfileRunTest {
    @TempDir
    Path dir;

    private Path profile(String file, int cores) throws IOException {
        return Files.writeString(dir.resolve(file), "{\"name\": \"edge\", \"source\": \"test: the RTX A6000's "
                + "hardware\", \"clockHz\": 1.455e9, \"cores\": " + cores + ", \"parallelFraction\": 0.95}");
    }

    private static double firstL2(Path profile) {
        DeviceProfile edge = DeviceProfile.resolve(profile.toString());
        Scenario s = Scenario.builder().name("cores").seed(5).users(1).durationS(900).warmupS(60)
                .splitPolicy("edge-only")
                .cell(new Scenario.CellSpec(new Position(250, 250), 20e6, edge, PacrSchedule.FULL)).build();
        return Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE).records()
                .get(0).l2EdgeS();
    }

    @Test
    void editingCoresInAProfileFileChangesL2() throws IOException {
        // the A6000's ν, m, τ: extraction 0.75 s + 20 steps of 0.2 s
        assertEquals(0.75 + 20 * 0.2, firstL2(profile("a6000.json", 10752)), 1e-9, "10752 cores (tol 1e-9)");
        // half the cores: every part scales by (0.05 + 0.95/5376) / (0.05 + 0.95/10752)
        //   = 0.0501767113 / 0.0500883557 = 1.00176398, so 4.75 s -> 4.7583790 s
        assertEquals(4.7583790, firstL2(profile("half.json", 5376)), 1e-6, "5376 cores (tol 1e-6)");
    }
}
