package aigcsim.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchCurveTest {
    private static final double EPS = 1e-12;
    private static final BatchCurve SD15 = new BatchCurve(new int[] {1, 2, 4, 8, 16, 32},
            new double[] {1.0, 1.2135, 2.0674, 3.8146, 7.2360, 14.2416});

    @Test
    void exactPoints() {
        assertEquals(1.0, SD15.relativeTime(1), EPS, "b=1 (tol 1e-12)");
        assertEquals(1.2135, SD15.relativeTime(2), EPS, "b=2 (tol 1e-12)");
        assertEquals(2.0674, SD15.relativeTime(4), EPS, "b=4 (tol 1e-12)");
        assertEquals(3.8146, SD15.relativeTime(8), EPS, "b=8 (tol 1e-12)");
        assertEquals(14.2416, SD15.relativeTime(32), EPS, "b=32 (tol 1e-12)");
    }

    @Test
    void linearInterpolation() {
        // b=3: (1.2135 + 2.0674) / 2
        assertEquals(1.64045, SD15.relativeTime(3), EPS, "b=3 halfway between 2 and 4 (tol 1e-12)");
        // b=6: 2.0674 + (3.8146 - 2.0674) * 2/4 = 2.941
        assertEquals(2.941, SD15.relativeTime(6), EPS, "b=6 halfway between 4 and 8 (tol 1e-12)");
        // b=10: 3.8146 + (7.2360 - 3.8146) * 2/8 = 4.66995
        assertEquals(4.66995, SD15.relativeTime(10), EPS, "b=10 quarter way between 8 and 16 (tol 1e-12)");
        // b=31: 14.2416 - (14.2416 - 7.2360)/16 = 13.80375
        assertEquals(13.80375, SD15.relativeTime(31), EPS, "b=31 (tol 1e-12)");
    }

    @Test
    void extrapolatesWithLastSlope() {
        // last slope (14.2416 - 7.2360) / 16 = 0.437850
        assertEquals(14.2416 + 0.43785 * 32, SD15.relativeTime(64), 1e-9, "b=64 = 28.2528 (tol 1e-9)");
        assertEquals(14.2416 + 0.43785, SD15.relativeTime(33), 1e-9, "b=33 (tol 1e-9)");
    }

    @Test
    void linearCurve() {
        for (int b = 1; b <= 100; b++) {
            assertEquals(b, BatchCurve.LINEAR.relativeTime(b), EPS, "LINEAR t(b)/t(1) = b at b=" + b + " (tol 1e-12)");
        }
    }

    @Test
    void batchBelowOneThrows() {
        assertThrows(IllegalArgumentException.class, () -> SD15.relativeTime(0), "b=0 is invalid");
        assertThrows(IllegalArgumentException.class, () -> SD15.relativeTime(-3), "b=-3 is invalid");
    }

    @Test
    void invalidCurvesThrow() {
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {2, 4}, new double[] {1.0, 2.0}), "must start at batch 1");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 2}, new double[] {1.1, 2.0}), "must start at relative 1.0");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 4, 2}, new double[] {1.0, 2.0, 3.0}), "batch non-increasing");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 2, 2}, new double[] {1.0, 2.0, 3.0}), "batch repeated");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 2, 4}, new double[] {1.0, 2.0, 2.0}), "time not increasing");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 2}, new double[] {1.0, 0.5}), "time decreasing");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1}, new double[] {1.0}), "single point");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 2}, new double[] {1.0}), "length mismatch");
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCurve(new int[] {1, 2}, new double[] {1.0, Double.NaN}), "NaN time");
    }

    @Test
    void constructorCopiesArrays() {
        int[] b = {1, 2};
        double[] r = {1.0, 1.5};
        BatchCurve c = new BatchCurve(b, r);
        r[1] = 100;
        b[1] = 50;
        assertEquals(1.5, c.relativeTime(2), EPS, "curve must not alias caller arrays (tol 1e-12)");
    }
}
