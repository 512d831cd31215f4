package aigcsim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void sameSeedAndNameSameSequence() {
        UniformRandomProvider a = new RandomStreams(42).stream(RandomStreams.ARRIVALS);
        UniformRandomProvider b = new RandomStreams(42).stream(RandomStreams.ARRIVALS);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong(), "same seed and name, draw " + i);
        }
        assertEquals(42, new RandomStreams(42).seed(), "seed()");
    }

    @Test
    void streamIsCreatedOnce() {
        RandomStreams r = new RandomStreams(1);
        assertSame(r.stream("x"), r.stream("x"), "the same stream object is returned for a name");
    }

    @Test
    void anIndexedStreamIsTheNamedStreamOfThatIndex() {
        RandomStreams byName = new RandomStreams(42);
        RandomStreams byIndex = new RandomStreams(42);
        for (int u : new int[] {3, 0, 40, 3}) {
            assertEquals(byName.stream(RandomStreams.PROMPTS + "/" + u).nextLong(),
                    byIndex.stream(RandomStreams.PROMPTS, u).nextLong(), "user " + u);
        }
        assertSame(byIndex.stream(RandomStreams.PROMPTS, 40), byIndex.stream(RandomStreams.PROMPTS + "/" + 40),
                "one generator per name, however it is asked for");
    }

    @Test
    void differentNamesOrSeedsDiffer() {
        RandomStreams r = new RandomStreams(42);
        UniformRandomProvider a = r.stream(RandomStreams.ARRIVALS);
        UniformRandomProvider p = r.stream(RandomStreams.PROMPTS);
        UniformRandomProvider o = new RandomStreams(43).stream(RandomStreams.ARRIVALS);
        int sameName = 0;
        int sameSeed = 0;
        for (int i = 0; i < 1000; i++) {
            long x = a.nextLong();
            if (x == p.nextLong()) {
                sameName++;
            }
            if (x == o.nextLong()) {
                sameSeed++;
            }
        }
        assertEquals(0, sameName, "different names give different sequences");
        assertEquals(0, sameSeed, "different seeds give different sequences");
    }

    @Test
    void streamsDoNotShiftEachOther() {
        RandomStreams r1 = new RandomStreams(7);
        RandomStreams r2 = new RandomStreams(7);
        for (int i = 0; i < 500; i++) {
            r1.stream(RandomStreams.CHANNEL).nextDouble(); // extra draws on another stream
        }
        UniformRandomProvider a = r1.stream(RandomStreams.USERS);
        UniformRandomProvider b = r2.stream(RandomStreams.USERS);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong(), "draws on one stream do not shift another, draw " + i);
        }
    }

    @Test
    void keyedUniformInOpenIntervalAndDeterministic() {
        RandomStreams r = new RandomStreams(99);
        RandomStreams same = new RandomStreams(99);
        double sum = 0;
        int n = 0;
        int below = 0;
        for (long k1 = 0; k1 < 200; k1++) {
            for (long k2 = 0; k2 < 100; k2++) {
                double u = r.uniform("channel/fading", k1, k2);
                assertTrue(u > 0 && u < 1, "uniform in (0,1) at (" + k1 + "," + k2 + "): " + u);
                assertEquals(u, same.uniform("channel/fading", k1, k2), 0.0, "deterministic");
                sum += u;
                n++;
                if (u < 0.25) {
                    below++;
                }
            }
        }
        // 20000 draws: standard error of the mean 0.002
        assertEquals(0.5, sum / n, 0.01, "mean over keys ~0.5 (tol 0.01)");
        assertEquals(0.25, (double) below / n, 0.015, "P(u < 0.25) ~0.25 (tol 0.015)");
        assertEquals(r.uniform("a", 3, 4), r.uniform("a", 3, 4), 0.0, "repeat call");
        assertNotEquals(r.uniform("a", 3, 4), r.uniform("a", 4, 3), "keys are ordered");
        assertNotEquals(r.uniform("a", 3, 4), r.uniform("b", 3, 4), "names matter");
        assertNotEquals(r.uniform("a", 3, 4), new RandomStreams(100).uniform("a", 3, 4), "seeds matter");
        assertNotEquals(r.uniform("a", 0, 0), r.uniform("a", 0, 1), "adjacent keys differ");
    }

    @Test
    void keyedUniformIndependentOfStreams() {
        RandomStreams r1 = new RandomStreams(5);
        RandomStreams r2 = new RandomStreams(5);
        r1.stream(RandomStreams.CHANNEL).nextLong();
        assertEquals(r2.uniform(RandomStreams.CHANNEL, 1, 2), r1.uniform(RandomStreams.CHANNEL, 1, 2), 0.0,
                "keyed draws do not depend on sequential draws");
    }
}
