package aigcsim.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostModelTest {
    private static final double EPS = 1e-9;
    private static final DeviceProfile A6000 = DeviceProfile.bundled("rtx-a6000");
    private static final DeviceProfile GTX = DeviceProfile.bundled("gtx-1080ti");
    private static final DeviceProfile A100 = DeviceProfile.bundled("a100-sd15");

    @Test
    void eq20HandComputed() {
        // 2e9 / 1e9 * (1 - 0.9 + 0.9/10) + 0.5 = 2 * 0.19 + 0.5
        assertEquals(0.88, CostModel.eq20(2e9, 1e9, 0.9, 10, 0.5), EPS, "eq20 -> 0.88 s (tol 1e-9)");
        // fully serial: cycles/clock + l = 3e9/1.5e9 + 0.25
        assertEquals(2.25, CostModel.eq20(3e9, 1.5e9, 0.0, 64, 0.25), EPS, "tau=0 -> 2.25 s (tol 1e-9)");
        // fully parallel on 4 cores: 4e9/1e9/4
        assertEquals(1.0, CostModel.eq20(4e9, 1e9, 1.0, 4, 0.0), EPS, "tau=1, m=4 -> 1 s (tol 1e-9)");
    }

    @Test
    void amdahlFactorHandComputed() {
        assertEquals(1.0, CostModel.amdahlFactor(0.0, 100), EPS, "tau=0 -> 1 (tol 1e-9)");
        assertEquals(0.25, CostModel.amdahlFactor(1.0, 4), EPS, "tau=1, m=4 -> 1/4 (tol 1e-9)");
        assertEquals(0.19, CostModel.amdahlFactor(0.9, 10), EPS, "tau=0.9, m=10 -> 0.19 (tol 1e-9)");
        assertEquals(1.0, CostModel.amdahlFactor(0.7, 1), EPS, "one core -> 1 (tol 1e-9)");
    }

    @Test
    void stepScalesInverselyWithPacr() {
        assertEquals(0.2, CostModel.stepS(A6000, 1, 1.0), EPS, "A6000 step at pacr 1 (tol 1e-9)");
        assertEquals(0.4, CostModel.stepS(A6000, 1, 0.5), EPS, "A6000 step at pacr 0.5 (tol 1e-9)");
        assertEquals(0.8, CostModel.stepS(A6000, 1, 0.25), EPS, "A6000 step at pacr 0.25 (tol 1e-9)");
        assertEquals(0.368, CostModel.stepS(GTX, 1, 1.0), EPS, "GTX step at pacr 1 (tol 1e-9)");
        // A100: efficiency fitted so that extraction + 20 steps + decode = DiffServe's 1780 ms per image
        assertEquals(1.78, CostModel.computeS(A100, 20, true, true, 1.0), EPS, "A100 whole image (tol 1e-9)");
    }

    @Test
    void computeSAddsUnscaledConstants() {
        assertEquals(4.75, CostModel.computeS(A6000, 20, true, false, 1.0), EPS,
                "0.75 + 20*0.2 (tol 1e-9)");
        assertEquals(5.95, CostModel.computeS(A6000, 20, true, true, 1.0), EPS,
                "0.75 + 20*0.2 + 1.2 (tol 1e-9)");
        assertEquals(5.2, CostModel.computeS(A6000, 20, false, true, 1.0), EPS, "20*0.2 + 1.2 (tol 1e-9)");
        assertEquals(4.0, CostModel.computeS(A6000, 20, false, false, 1.0), EPS, "20*0.2 (tol 1e-9)");
        // PACR scales the steps only: 0.75 + 20*0.4 + 1.2
        assertEquals(9.95, CostModel.computeS(A6000, 20, true, true, 0.5), EPS,
                "constants not scaled by PACR: 0.75 + 8 + 1.2 (tol 1e-9)");
        assertEquals(0.75, CostModel.computeS(A6000, 0, true, false, 0.3), EPS,
                "zero steps: only extraction, unscaled (tol 1e-9)");
        // device: 0 edge steps -> 20 local steps + decode. On one hardware decode/step is the workload's ratio,
        // 1.2 s / 0.2 s on the A6000 = 6, so the GTX decodes in 6 * 0.368 = 2.208 s
        assertEquals(20 * 0.368 + 2.208, CostModel.computeS(GTX, 20, false, true, 1.0), EPS,
                "GTX 20 steps + decode = 9.568 (tol 1e-9)");
        // and extracts in 0.75 / 0.2 * 0.368 = 1.38 s
        assertEquals(1.38, GTX.extractionS(), EPS, "GTX extraction (tol 1e-9)");
    }

    @Test
    void batchStepTimeFollowsCurve() {
        assertEquals(0.2 * 3.8146, CostModel.stepS(A6000, 8, 1.0), EPS, "t(8) = 0.2*3.8146 (tol 1e-9)");
        assertEquals(0.2 * 1.2135, CostModel.stepS(A6000, 2, 1.0), EPS, "t(2) = 0.2*1.2135 (tol 1e-9)");
        // batch 3: halfway between 1.2135 and 2.0674 = 1.64045
        assertEquals(0.2 * 1.64045, CostModel.stepS(A6000, 3, 1.0), EPS, "t(3) interpolated (tol 1e-9)");
        assertEquals(0.2 * 3.8146 / 0.5, CostModel.stepS(A6000, 8, 0.5), EPS, "t(8) at pacr 0.5 (tol 1e-9)");
        // GTX has no curve: linear
        assertEquals(4 * 0.368, CostModel.stepS(GTX, 4, 1.0), EPS, "GTX linear batch of 4 (tol 1e-9)");
        assertTrue(CostModel.stepS(A6000, 8, 1.0) / 8 < CostModel.stepS(A6000, 1, 1.0),
                "batching must lower per-request step time on the edge");
    }

    @Test
    void invalidPacrThrows() {
        for (double pacr : new double[] {0.0, 1.5, -0.1, Double.NaN, 1.0000001}) {
            assertThrows(IllegalArgumentException.class, () -> CostModel.stepS(A6000, 1, pacr),
                    "stepS must reject PACR " + pacr);
            assertThrows(IllegalArgumentException.class, () -> CostModel.computeS(A6000, 20, true, true, pacr),
                    "computeS must reject PACR " + pacr);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> CostModel.stepS(A6000, 1, 1.5));
        assertTrue(e.getMessage().contains("1.5"), "message names the bad value: " + e.getMessage());
    }
}
