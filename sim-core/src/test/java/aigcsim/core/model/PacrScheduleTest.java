package aigcsim.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacrScheduleTest {
    private static final PacrSchedule STEPS = new PacrSchedule(new double[] {0, 10, 20}, new double[] {1.0, 0.5, 0.8});

    @Test
    void lookupAtAndBetweenChanges() {
        assertEquals(1.0, STEPS.at(0), 0.0, "at 0 s");
        assertEquals(1.0, STEPS.at(5), 0.0, "between 0 and 10 s");
        assertEquals(1.0, STEPS.at(9.999), 0.0, "just before the change at 10 s");
        assertEquals(0.5, STEPS.at(10), 0.0, "at the change time 10 s");
        assertEquals(0.5, STEPS.at(19.999), 0.0, "just before 20 s");
        assertEquals(0.8, STEPS.at(20), 0.0, "at 20 s");
        assertEquals(0.8, STEPS.at(1e9), 0.0, "long after the last change");
    }

    @Test
    void constantSchedules() {
        assertEquals(1.0, PacrSchedule.FULL.at(0), 0.0, "FULL at 0");
        assertEquals(1.0, PacrSchedule.FULL.at(123.4), 0.0, "FULL later");
        PacrSchedule c = PacrSchedule.constant(0.3);
        assertEquals(0.3, c.at(0), 0.0, "constant 0.3 at 0");
        assertEquals(0.3, c.at(50), 0.0, "constant 0.3 at 50");
        assertEquals("0.3", c.toString(), "constant toString");
    }

    @Test
    void invalidValuesThrow() {
        assertThrows(IllegalArgumentException.class, () -> PacrSchedule.constant(0), "PACR 0");
        assertThrows(IllegalArgumentException.class, () -> PacrSchedule.constant(1.5), "PACR 1.5");
        assertThrows(IllegalArgumentException.class, () -> PacrSchedule.constant(-0.2), "PACR -0.2");
        assertThrows(IllegalArgumentException.class, () -> PacrSchedule.constant(Double.NaN), "PACR NaN");
        assertThrows(IllegalArgumentException.class,
                () -> new PacrSchedule(new double[] {1, 2}, new double[] {0.5, 0.6}), "must start at 0 s");
        assertThrows(IllegalArgumentException.class,
                () -> new PacrSchedule(new double[] {0, 5, 5}, new double[] {0.5, 0.6, 0.7}), "repeated time");
        assertThrows(IllegalArgumentException.class,
                () -> new PacrSchedule(new double[] {0, 5, 3}, new double[] {0.5, 0.6, 0.7}), "decreasing time");
        assertThrows(IllegalArgumentException.class,
                () -> new PacrSchedule(new double[] {0, 5}, new double[] {0.5}), "length mismatch");
        assertThrows(IllegalArgumentException.class,
                () -> new PacrSchedule(new double[] {}, new double[] {}), "empty");
        assertThrows(IllegalArgumentException.class,
                () -> new PacrSchedule(new double[] {0, 5}, new double[] {0.5, 2.0}), "later PACR > 1");
    }

    @Test
    void copiesInputArrays() {
        double[] from = {0, 10};
        double[] pacr = {1.0, 0.5};
        PacrSchedule s = new PacrSchedule(from, pacr);
        pacr[1] = 0.1;
        from[1] = 100;
        assertEquals(0.5, s.at(10), 0.0, "schedule unaffected by later changes to the caller's arrays");
    }
}
