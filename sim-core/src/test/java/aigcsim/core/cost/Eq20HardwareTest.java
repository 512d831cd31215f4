package aigcsim.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Eq. 20 with hardware: one workload, its time on each hardware follows ν, m, τ and η. */
class Eq20HardwareTest {
    private static final DeviceProfile A6000 = DeviceProfile.bundled("rtx-a6000");
    private static final DeviceProfile GTX = DeviceProfile.bundled("gtx-1080ti");
    private static final DeviceProfile H100 = DeviceProfile.bundled("h100-sd15");

    private static DeviceProfile with(Hardware h) {
        return DeviceProfile.of(h);
    }

    @Test
    void doublingCoresChangesTheTimeByTheRatioOfAmdahlFactors() {
        for (String name : DeviceProfile.BUNDLED) {
            DeviceProfile p = DeviceProfile.bundled(name);
            DeviceProfile doubled = with(p.hardware().withCores(2 * p.cores()));
            double tau = p.parallelFraction();
            int m = p.cores();
            double expected = (1 - tau + tau / (2 * m)) / (1 - tau + tau / m);
            assertEquals(expected, doubled.stepS() / p.stepS(), 1e-12, name + ": step ratio (tol 1e-12)");
            assertEquals(expected, CostModel.computeS(doubled, 20, true, true, 0.5)
                    / CostModel.computeS(p, 20, true, true, 0.5), 1e-12, name + ": whole compute ratio (tol 1e-12)");
        }
        // by hand, A6000: (0.05 + 0.95/21504) / (0.05 + 0.95/10752) = 0.0500441778 / 0.0500883557 = 0.999118002
        DeviceProfile a6000x2 = with(A6000.hardware().withCores(21504));
        assertEquals(0.2 * 0.9991180020, a6000x2.stepS(), 1e-11, "A6000 with 21504 cores (tol 1e-11)");
        assertNotEquals(A6000.stepS(), a6000x2.stepS(), "cores now change the time");
    }

    @Test
    void halvingTheClockDoublesTheCyclePart() {
        for (String name : DeviceProfile.BUNDLED) {
            DeviceProfile p = DeviceProfile.bundled(name);
            DeviceProfile slow = with(p.hardware().withClockHz(p.clockHz() / 2));
            assertEquals(2 * p.stepS(), slow.stepS(), 1e-12, name + ": step doubles (tol 1e-12)");
            assertEquals(2 * CostModel.computeS(p, 20, false, false, 1.0), CostModel.computeS(slow, 20, false, false,
                    1.0), 1e-12, name + ": 20 steps double (tol 1e-12)");
            assertEquals(2 * CostModel.stepS(p, 8, 0.7), CostModel.stepS(slow, 8, 0.7), 1e-12,
                    name + ": a batch of 8 at PACR 0.7 doubles (tol 1e-12)");
        }
        // the A6000 at half clock: 0.2 s -> 0.4 s per step, as PACR 0.5 gives
        DeviceProfile half = with(A6000.hardware().withClockHz(1.455e9 / 2));
        assertEquals(0.4, half.stepS(), 1e-12, "A6000 at 727.5 MHz (tol 1e-12)");
        assertEquals(CostModel.stepS(A6000, 1, 0.5), half.stepS(), 1e-12, "same as PACR 0.5 (tol 1e-12)");
    }

    @Test
    void theH100IsFasterThanTheA6000ByTheRatioOfEq20() {
        // t_A6000 / t_H100 = (η_H·ν_H)/(η_A·ν_A) · A_A/A_H with A = 1 − τ + τ/m, τ = 0.95:
        //   A_A = 0.05 + 0.95/10752 = 0.0500883557, A_H = 0.05 + 0.95/16896 = 0.0500562263
        //   hardware alone (η = 1): 1.98/1.455 · 0.0500883557/0.0500562263 = 1.3608247 · 1.0006419 = 1.3616982
        //   with the fitted η_H = 7.33698443: 7.33698443 · 1.3616982 = 9.9907585 (= 0.2 s / 20.0185 ms)
        assertEquals(9.9907585, A6000.stepS() / H100.stepS(), 1e-6, "A6000/H100 step (tol 1e-6)");
        assertEquals(9.9907585, CostModel.computeS(A6000, 20, true, true, 1.0)
                / CostModel.computeS(H100, 20, true, true, 1.0), 1e-6, "A6000/H100 whole image (tol 1e-6)");
        Hardware h = H100.hardware();
        DeviceProfile bare = with(new Hardware(h.name(), h.source(), h.clockHz(), h.cores(), h.parallelFraction(),
                1.0, h.batchCurve()));
        assertEquals(1.3616982, A6000.stepS() / bare.stepS(), 1e-6, "hardware alone (tol 1e-6)");
    }

    @Test
    void bundledProfilesReproduceTheirMeasuredStepTimes() {
        // SemAIGC's notebook: 0.2 s per UNet step on the edge RTX A6000, 0.368 s on the GTX 1080 Ti device
        assertEquals(0.2, A6000.stepS(), 1e-12, "RTX A6000 step (tol 1e-12)");
        assertEquals(0.368, GTX.stepS(), 1e-12, "GTX 1080 Ti step (tol 1e-12)");
        // measured fp16 SD v1.5 UNet step with guidance at batch 1: 20.0185 ms
        assertEquals(0.0200185, H100.stepS(), 1e-12, "H100 step (tol 1e-12)");
        // DiffServe's A100-class whole image: 1780 ms
        assertEquals(1.78, CostModel.computeS(DeviceProfile.bundled("a100-sd15"), 20, true, true, 1.0), 1e-12,
                "A100 whole image (tol 1e-12)");
        // the GTX's step needs its efficiency: eq. 20 alone gives 0.2·(1.455/1.32)·A(3584)/A(10752) ≈ 0.2212 s
        Hardware g = GTX.hardware();
        DeviceProfile bare = with(new Hardware(g.name(), g.source(), g.clockHz(), g.cores(), g.parallelFraction(),
                1.0, g.batchCurve()));
        assertEquals(0.2212323, bare.stepS(), 1e-6, "GTX 1080 Ti without efficiency (tol 1e-6)");
        assertTrue(GTX.efficiency() < 1 && H100.efficiency() > 1, "fitted efficiencies");
    }
}
