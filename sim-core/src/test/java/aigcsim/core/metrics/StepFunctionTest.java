package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepFunctionTest {
    @Test
    void averagesOverAnyIntervalAfterTheFact() {
        StepFunction f = new StepFunction();
        f.set(1, 1); // 0 on [0, 1), 1 on [1, 3), 0.5 on [3, 7), then 0
        f.set(3, 0.5);
        f.set(3, 0.5);
        f.set(7, 0);
        assertEquals(0, f.integral(0.5));
        assertEquals(2 + 0.5 * 4, f.integral(10), 1e-12);
        assertEquals((1 + 0.5 * 4) / 8, f.mean(2, 10), 1e-12, "[2, 3) at 1, [3, 7) at 0.5, [7, 10] at 0");
        assertEquals(0.5, f.mean(4, 6), 1e-12);
    }

    @Test
    void aChangeAtTheSameTimeReplacesTheLast() {
        StepFunction f = new StepFunction();
        f.set(2, 1);
        f.set(4, 0);
        f.set(4, 1); // busy → idle → busy in one instant: no gap
        f.set(6, 0);
        assertEquals(4, f.integral(8), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> f.set(5, 1));
    }
}
