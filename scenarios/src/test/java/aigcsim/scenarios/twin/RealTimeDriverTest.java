package aigcsim.scenarios.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The driver submits on the wall clock at the scheduled times, and times each job from its due time. */
class RealTimeDriverTest {
    @Test
    void itSubmitsAtTheScheduledTimesWithinAFewMilliseconds() {
        int n = 60;
        double[] at = new double[n];
        List<Integer> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            at[i] = 0.02 + 0.011 * i + (i % 5 == 0 ? 0 : 0.0005); // some due at nearly the same time
            jobs.add(i);
        }
        List<RealTimeDriver.Timing> t = new RealTimeDriver(System::nanoTime).run(jobs, at,
                j -> CompletableFuture.supplyAsync(() -> j));
        assertEquals(n, t.size());
        double worst = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            RealTimeDriver.Timing x = t.get(i);
            assertEquals(Math.round(at[i] * 1e9), x.dueNs());
            assertTrue(x.latenessS() >= 0, "never early: " + x.latenessS());
            assertTrue(x.completedNs() >= x.submittedNs());
            worst = Math.max(worst, x.latenessS());
            sum += x.latenessS();
        }
        assertTrue(sum / n < 0.002, "mean lateness " + sum / n + " s");
        assertTrue(worst < 0.010, "worst lateness " + worst + " s");
        assertThrows(IllegalArgumentException.class, () -> new RealTimeDriver(System::nanoTime).run(List.of(1, 2),
                new double[] {0.2, 0.1}, j -> CompletableFuture.completedFuture(j)));
    }
}
