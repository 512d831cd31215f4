package aigcsim.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.metrics.RunSummary;
import aigcsim.scenarios.study.Target.Comparison;

class TargetTest {
    private static void parses(String text, String figure, Comparison comparison, double threshold) {
        assertEquals(new Target(figure, comparison, threshold), Target.parse(text), text);
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Target.parse(text)).getMessage();
    }

    @Test
    void aliasesNameSummaryFigures() {
        parses("satisfaction >= 0.9", "meanSatisfaction", Comparison.AT_LEAST, 0.9);
        parses("p95 <= 25 s", "p95LatencyS", Comparison.AT_MOST, 25);
        parses("p99 <= 30s", "p99LatencyS", Comparison.AT_MOST, 30);
        parses("p50<3", "p50LatencyS", Comparison.BELOW, 3);
        parses("latency <= 12 s", "meanLatencyS", Comparison.AT_MOST, 12);
        parses("failure <= 0.05", "failureRate", Comparison.AT_MOST, 0.05);
    }

    @Test
    void figureNamesAreTakenAsTheyAre() {
        parses("failureRate <= 0.05", "failureRate", Comparison.AT_MOST, 0.05);
        parses("meanSatisfaction > 0.9", "meanSatisfaction", Comparison.ABOVE, 0.9);
        parses("  p95LatencyS <= 2.5e1 ", "p95LatencyS", Comparison.AT_MOST, 25);
        parses("throughputPerS >= 4", "throughputPerS", Comparison.AT_LEAST, 4);
    }

    @Test
    void percentIsAHundredth() {
        parses("satisfaction >= 90 %", "meanSatisfaction", Comparison.AT_LEAST, 0.9);
        parses("failure < 5%", "failureRate", Comparison.BELOW, 0.05);
    }

    @Test
    void secondsOnlyOnLatencyFigures() {
        String m = error("satisfaction >= 0.9 s");
        assertTrue(m.contains("unit s") && m.contains("p95LatencyS") && m.contains("meanSatisfaction"), m);
        assertTrue(error("throughputPerS >= 4 s").contains("not throughputPerS"));
    }

    @Test
    void percentOnlyOnFractions() {
        String m = error("p95 <= 25 %");
        assertTrue(m.contains("% applies only to fractions") && m.contains("not p95LatencyS"), m);
    }

    @Test
    void aFractionOutsideZeroToOneSuggestsPercent() {
        String m = error("satisfaction >= 90");
        assertTrue(m.contains("fraction in [0, 1]") && m.contains("90 %"), m);
    }

    @Test
    void anUnknownFigureListsTheAllowedNamesAndTheNearest() {
        String m = error("satisfacton >= 0.9");
        assertTrue(m.contains("did you mean 'satisfaction'"), m);
        assertTrue(m.contains("satisfaction, p50, p95, p99, latency, failure") && m.contains("meanQueueWaitS"), m);
    }

    @Test
    void aMissingOrUnknownOperatorListsTheOperators() {
        assertTrue(error("p95 == 25").contains("one of >=, >, <=, <"));
        assertTrue(error("p95 25").contains("one of >=, >, <=, <"));
    }

    @Test
    void aMissingNumberIsReported() {
        String m = error("p95 <= fast");
        assertTrue(m.contains("expected a number after '<='") && m.contains("got 'fast'"), m);
        assertTrue(error("").contains("expected a figure"));
    }

    @Test
    void meetsComparesAsWritten() {
        assertTrue(Target.parse("satisfaction >= 0.9").meets(0.9));
        assertFalse(Target.parse("satisfaction > 0.9").meets(0.9));
        assertTrue(Target.parse("p95 <= 25").meets(25));
        assertFalse(Target.parse("p95 < 25").meets(25));
        assertTrue(Target.parse("p95 < 25").meets(24.9));
        assertTrue(Target.parse("satisfaction > 0.9").higherIsBetter());
        assertFalse(Target.parse("p95 < 25").higherIsBetter());
    }

    @Test
    void theUnitSetsNameSummaryFigures() {
        assertTrue(Target.FIGURES.containsAll(Target.SECONDS), Target.SECONDS.toString());
        assertTrue(Target.FIGURES.containsAll(Target.FRACTIONS), Target.FRACTIONS.toString());
        assertTrue(Target.FIGURES.containsAll(Target.ALIASES.values()), Target.ALIASES.toString());
    }

    @Test
    void ofReadsTheFigureFromASummary() {
        RunSummary s = new RunSummary(10, 9, 1, 1, 0, 0, 0.1, 2.0, 1.5, 3.0, 4.0, 0.2, 0.3, 0.4, 0.5, 6, 0.85, 0.3,
                0.6, 0.7, 30, 0.9, 0.8, 0.1, 1000, 3600, 0, true, "");
        assertEquals(3.0, Target.parse("p95 <= 25").of(s));
        assertEquals(0.85, Target.parse("satisfaction >= 0.9").of(s));
        assertEquals("p95LatencyS <= 25.0", Target.parse("p95 <= 25 s").toString());
    }
}
