package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StepFunctionTest {
    @Test
    void averagesOverAnyIntervalAfterTheFact() {
        StepFunction f = StepFunction.withHistory();
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
        StepFunction f = StepFunction.withHistory();
        f.set(2, 1);
        f.set(4, 0);
        f.set(4, 1); // busy → idle → busy in one instant: no gap
        f.set(6, 0);
        assertEquals(4, f.integral(8), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> f.set(5, 1));
    }

    /**
     * The constant-memory step function gives the integrals of the one with history bit for bit, up to its mark and
     * from its last change on, whatever the changes (repeated times and values included), and refuses the rest.
     */
    @Test
    void markedIntegralsAreThoseOfTheFullHistory() {
        SplittableRandom rng = new SplittableRandom(3);
        for (double mark : new double[] {0, 0.5, 37.25, 400}) {
            StepFunction full = StepFunction.withHistory();
            StepFunction marked = StepFunction.from(mark);
            double t = 0;
            for (int i = 0; i < 2000; i++) {
                t += rng.nextInt(4) == 0 ? 0 : rng.nextDouble() * 0.5; // some changes at the same instant
                double v = rng.nextInt(3) == 0 ? 1.0 : rng.nextDouble();
                full.set(t, v);
                marked.set(t, v);
                double later = t + rng.nextDouble();
                assertEquals(full.integral(later), marked.integral(later), 0.0, "from the last change on");
                if (t >= mark) {
                    assertEquals(full.integral(mark), marked.integral(mark), 0.0, "at the mark " + mark);
                    assertEquals(full.mean(mark, later), marked.mean(mark, later), 0.0);
                }
            }
            if (mark > 1) {
                double forgotten = mark / 2;
                assertThrows(IllegalArgumentException.class, () -> marked.integral(forgotten));
            }
        }
    }
}
