package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long S = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(5 * S);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return output().lines().toList();
    }

    @Test
    void theLineShowsTheBarCountsPercentElapsedAndEta() {
        assertEquals("run [========>           ] 12/30 40% elapsed 1m02s ETA 1m33s",
                ProgressBar.line("run", 12, 30, 62 * S));
        assertEquals("run [>                   ] 0/30 0% elapsed 0s ETA --", ProgressBar.line("run", 0, 30, 0));
        assertEquals("run [====================] 30/30 100% elapsed 2h05m09s ETA 0s",
                ProgressBar.line("run", 30, 30, 7509 * S));
        assertEquals("none [====================] 0/0 100% elapsed 3s ETA 0s", ProgressBar.line("none", 0, 0, 3 * S));
    }

    @Test
    void durationsRoundToSeconds() {
        assertEquals("59s", ProgressBar.duration(59_400_000_000L));
        assertEquals("1m00s", ProgressBar.duration(59_600_000_000L));
        assertEquals("1h00m00s", ProgressBar.duration(3600 * S));
    }

    @Test
    void theEtaFollowsTheRateSoFar() {
        ProgressBar bar = new ProgressBar("points", 4, out, false, clock::get);
        clock.addAndGet(10 * S);
        bar.advance();
        assertEquals("points [=====>              ] 1/4 25% elapsed 10s ETA 30s", lines().get(0));
        clock.addAndGet(30 * S);
        bar.advance();
        assertEquals("points [==========>         ] 2/4 50% elapsed 40s ETA 40s", lines().get(1));
    }

    @Test
    void withoutATerminalALineIsPrintedEachTenthAndAtTheEnd() {
        try (ProgressBar bar = new ProgressBar("reps", 95, out, false, clock::get)) {
            for (int i = 0; i < 95; i++) {
                clock.addAndGet(S);
                bar.advance();
            }
        }
        List<String> lines = lines();
        assertEquals(10, lines.size(), output());
        assertTrue(lines.get(0).startsWith("reps [==>                 ] 10/95 10% elapsed 10s ETA "), lines.get(0));
        assertEquals("reps [====================] 95/95 100% elapsed 1m35s ETA 0s", lines.get(9));
        assertTrue(!output().contains("\r"));
    }

    @Test
    void closingEarlyPrintsTheLastState() {
        ProgressBar bar = new ProgressBar("probes", 100, out, false, clock::get);
        bar.step(3);
        assertEquals("", output());
        bar.close();
        bar.close();
        assertEquals(List.of("probes [>                   ] 3/100 3% elapsed 0s ETA 0s"), lines());
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAtMostEveryTenthOfASecond() {
        ProgressBar bar = new ProgressBar("run", 3, out, true, clock::get);
        assertEquals("\rrun [>                   ] 0/3 0% elapsed 0s ETA --", output());
        bar.advance();
        assertEquals(1, output().split("\r", -1).length - 1, "no redraw within 100 ms");
        clock.addAndGet(2 * S);
        bar.advance();
        assertTrue(output().endsWith("\rrun [=============>      ] 2/3 66% elapsed 2s ETA 1s"), output());
        bar.advance();
        bar.close();
        assertTrue(output().endsWith("\rrun [====================] 3/3 100% elapsed 2s ETA 0s" + System.lineSeparator()),
                output());
    }

    @Test
    void aShorterLineBlanksTheRestOfTheLongerOne() {
        ProgressBar bar = new ProgressBar("run", 10, out, true, clock::get);
        clock.addAndGet(100_000 * S);
        bar.step(1);
        String first = "\rrun [==>                 ] 1/10 10% elapsed 27h46m40s ETA 250h00m00s";
        assertTrue(output().startsWith("\rrun [>"), output());
        assertTrue(output().endsWith(first), output());
        clock.addAndGet(S);
        bar.step(10);
        String tail = output().substring(output().lastIndexOf('\r'));
        assertEquals(first.length(), tail.length(), tail);
    }

    @Test
    void stepsOutsideTheTotalAreRefused() {
        ProgressBar bar = new ProgressBar("run", 2, out, false, clock::get);
        assertThrows(IllegalArgumentException.class, () -> bar.step(3));
        assertThrows(IllegalArgumentException.class, () -> bar.step(-1));
    }
}
