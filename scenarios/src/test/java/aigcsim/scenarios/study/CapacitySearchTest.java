package aigcsim.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import aigcsim.scenarios.study.CapacitySearch.Decision;
import aigcsim.scenarios.study.CapacitySearch.Probe;
import aigcsim.scenarios.study.CapacitySearch.ProbeRecord;
import aigcsim.scenarios.study.CapacitySearch.Result;
import aigcsim.scenarios.study.CapacitySearch.Status;

class CapacitySearchTest {

    /** A probe giving {@code mean(x) + sd · N(0, 1)}, the noise drawn from a hash of (seed, replication, x) only. */
    private static Probe noisy(IntToDoubleFunction mean, double sd, long seed) {
        return (x, from, count) -> {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                long r = from + i;
                v[i] = mean.applyAsDouble(x) + sd * new SplittableRandom(seed * 0x9E3779B97F4A7C15L
                        ^ r * 0xC2B2AE3D27D4EB4FL ^ x * 0x165667B19E3779F9L).nextGaussian();
            }
            return v;
        };
    }

    private static Probe constant(IntToDoubleFunction value) {
        return (x, from, count) -> {
            double[] v = new double[count];
            Arrays.fill(v, value.applyAsDouble(x));
            return v;
        };
    }

    /** The largest x in [min, max] such that every probe at min … x meets, or null; probed one by one. */
    private static Integer bruteForce(Probe probe, int min, int max, Target target) {
        CapacitySearch scan = new CapacitySearch(probe, min, max);
        Integer answer = null;
        for (int x = min; x <= max; x++) {
            if (scan.probe(x, target).decision() != Decision.MEETS) {
                break;
            }
            answer = x;
        }
        return answer;
    }

    /**
     * The search against a scan of every x with the same per-probe rule: a found answer is the largest x up to which
     * every probe meets; an undecided search stops at the scan's first probe that does not meet, and the scan finds
     * that probe undecided too.
     */
    private static boolean agreesWithBruteForce(Probe probe, Target target) {
        Result result = new CapacitySearch(probe, 1, 40).search(target);
        Integer expected = bruteForce(probe, 1, 40, target);
        String what = target + ": " + result.describe();
        if (result.status() == Status.UNDECIDED) {
            assertEquals(expected, result.undecided() - 1, what);
            assertEquals(expected, result.lastMeets(), what);
            assertEquals(Decision.UNDECIDED, new CapacitySearch(probe, 1, 40).probe(result.undecided(), target)
                    .decision(), what);
            return false;
        }
        assertEquals(Status.FOUND, result.status(), what);
        assertEquals(expected, result.answer(), what);
        assertEquals(expected + 1, result.firstFails(), what);
        return true;
    }

    @Test
    void theSearchFindsWhatABruteForceScanFinds() {
        int found = 0;
        int cases = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Probe satisfaction = noisy(x -> 1 - x / 40.0, 0.02, seed);
            for (double threshold : new double[] {0.8125, 0.6125, 0.4375, 0.2625}) {
                Target target = new Target("meanSatisfaction", Target.Comparison.AT_LEAST, threshold);
                found += agreesWithBruteForce(satisfaction, target) ? 1 : 0;
                cases++;
            }
            Probe latency = noisy(x -> 5 + x / 2.0, 0.4, seed);
            for (double threshold : new double[] {7.25, 12.75, 19.25}) {
                found += agreesWithBruteForce(latency, Target.parse("p95 <= " + threshold + " s")) ? 1 : 0;
                cases++;
            }
        }
        System.out.println("capacity search vs brute force: " + found + " of " + cases + " found, the rest undecided");
        assertEquals(42, cases);
        assertTrue(found >= 35, found + " of 42 found");
    }

    @Test
    void aProbeAddsReplicationsWhileTheIntervalStraddles() {
        // 0.95, 0.85, 0.95, …: five give 0.91 ± 0.068 (straddles 0.85), ten give 0.90 ± 0.038 (meets)
        Probe alternating = (x, from, count) -> {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = (from + i) % 2 == 0 ? 0.95 : 0.85;
            }
            return v;
        };
        CapacitySearch search = new CapacitySearch(alternating, 1, 10);
        ProbeRecord p = search.probe(1, Target.parse("satisfaction >= 0.85"));
        assertEquals(Decision.MEETS, p.decision());
        assertEquals(10, p.replications());
        assertEquals(0.90, p.mean(), 1e-12);
        assertEquals(0.0377, p.halfWidth95(), 1e-4);
        ProbeRecord q = search.probe(1, Target.parse("satisfaction >= 0.7"));
        assertEquals(Decision.MEETS, q.decision());
        assertEquals(5, q.replications());
        assertEquals(Decision.FAILS, search.probe(1, Target.parse("satisfaction >= 0.99")).decision());
    }

    @Test
    void aZeroWidthIntervalAtTheThresholdMeetsOnlyInclusiveTargets() {
        CapacitySearch search = new CapacitySearch(constant(x -> 0.9), 1, 1);
        assertEquals(Decision.MEETS, search.probe(1, Target.parse("satisfaction >= 0.9")).decision());
        assertEquals(Decision.FAILS, search.probe(1, Target.parse("satisfaction > 0.9")).decision());
        assertEquals(Decision.MEETS, search.probe(1, Target.parse("p95 <= 0.9")).decision());
        assertEquals(Decision.FAILS, search.probe(1, Target.parse("p95 < 0.9")).decision());
        assertEquals(5, search.probe(1, Target.parse("p95 < 0.9")).replications());
    }

    @Test
    void aProbeAtTheThresholdStaysUndecidedAndTheSearchReportsTheBracket() {
        // x < 10 meets, x > 10 fails, x = 10 alternates 0.4 and 0.6 around the threshold 0.5
        Probe probe = (x, from, count) -> {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = x < 10 ? 1 : x > 10 ? 0 : (from + i) % 2 == 0 ? 0.4 : 0.6;
            }
            return v;
        };
        Result r = new CapacitySearch(probe, 1, 100).search(Target.parse("satisfaction >= 0.5"));
        assertEquals(Status.UNDECIDED, r.status());
        assertNull(r.answer());
        assertEquals(9, r.lastMeets(), "narrowed below the undecided 10");
        assertEquals(11, r.firstFails(), "narrowed above it");
        assertEquals(10, r.undecided());
        assertEquals(List.of(1, 2, 4, 8, 16, 12, 10, 9, 11), r.history().stream().map(ProbeRecord::x).toList());
        ProbeRecord at10 = r.history().get(6);
        assertEquals(Decision.UNDECIDED, at10.decision());
        assertEquals(30, at10.replications());
        assertEquals(0.5, at10.mean(), 1e-12);
        assertTrue(r.describe().contains("meets up to 9, undecided at 10"), r.describe());
        assertTrue(r.describe().contains("fails from 11"), r.describe());
    }

    @Test
    void whenTheMinimumFailsNoneMeets() {
        Result r = new CapacitySearch(constant(x -> 0.2), 3, 50).search(Target.parse("satisfaction >= 0.5"));
        assertEquals(Status.NONE_MEET, r.status());
        assertNull(r.answer());
        assertNull(r.lastMeets());
        assertEquals(3, r.firstFails());
        assertEquals(1, r.history().size());
    }

    @Test
    void whenTheMaximumMeetsTheAnswerIsAtTheUpperLimit() {
        Result r = new CapacitySearch(constant(x -> 0.95), 1, 100).search(Target.parse("satisfaction >= 0.5"));
        assertEquals(Status.AT_MAX, r.status());
        assertEquals(100, r.answer());
        assertNull(r.firstFails());
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 100), r.history().stream().map(ProbeRecord::x).toList());
        assertTrue(r.describe().contains("upper limit"), r.describe());
    }

    @Test
    void theNumberOfProbesIsLogarithmicInTheRange() {
        Probe probe = constant(x -> 1 - x / 1000.0);
        double bound = 2 * Math.log(1000) / Math.log(2) + 3;
        int most = 0;
        for (int capacity = 1; capacity < 1000; capacity++) {
            Target target = new Target("meanSatisfaction", Target.Comparison.AT_LEAST, 1 - (capacity + 0.5) / 1000);
            Result r = new CapacitySearch(probe, 1, 1000).search(target);
            assertEquals(Status.FOUND, r.status());
            assertEquals(capacity, r.answer());
            most = Math.max(most, r.history().size());
        }
        assertTrue(most <= bound, most + " probes > " + bound);
        assertTrue(most >= 10, "a search over 1000 values needs at least log2(1000) probes, took " + most);
    }

    @Test
    void replicationsAreNeverAskedTwiceAndLaterSearchesReuseThem() {
        Probe noisy = noisy(x -> 1 - x / 40.0, 0.05, 7);
        Set<List<Integer>> asked = new HashSet<>();
        List<Integer> next = new ArrayList<>(Collections.nCopies(41, 0));
        Probe recording = (x, from, count) -> {
            assertEquals(next.get(x), from, "replications at x = " + x + " continue where they stopped");
            for (int r = from; r < from + count; r++) {
                assertTrue(asked.add(List.of(x, r)), "replication " + r + " at x = " + x + " asked twice");
            }
            next.set(x, from + count);
            return noisy.values(x, from, count);
        };
        CapacitySearch search = new CapacitySearch(recording, 1, 40);
        Target first = Target.parse("satisfaction >= 0.6");
        Target second = Target.parse("satisfaction >= 0.55");
        Result a = search.search(first);
        int afterFirst = asked.size();
        Result b = search.search(second);
        Result again = search.search(first);
        assertEquals(a, again);
        assertEquals(afterFirst + newReplications(b, a), asked.size());
        assertEquals(new CapacitySearch(noisy, 1, 40).search(second), b);
    }

    /** The replications b's probes use beyond those a's probes ran at the same x. */
    private static int newReplications(Result b, Result a) {
        int n = 0;
        for (ProbeRecord p : b.history()) {
            int had = a.history().stream().filter(q -> q.x() == p.x()).mapToInt(ProbeRecord::replications).max()
                    .orElse(0);
            n += Math.max(0, p.replications() - had);
        }
        return n;
    }

    @Test
    void badProbesAndRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch(constant(x -> 1), 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch.Replications(1, 5, 30));
        Target target = Target.parse("satisfaction >= 0.5");
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch(constant(x -> 1), 1, 4).probe(5,
                target));
        String m = assertThrows(IllegalStateException.class,
                () -> new CapacitySearch(constant(x -> Double.NaN), 1, 4).search(target)).getMessage();
        assertTrue(m.contains("NaN at x = 1, replication 0"), m);
        assertThrows(IllegalStateException.class,
                () -> new CapacitySearch((x, from, count) -> new double[1], 1, 4).search(target));
    }
}
