package aigcsim.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class D3qnConfigTest {
    @Test
    void paperDefaults() {
        D3qnConfig c = D3qnConfig.paper(12, 5);
        assertEquals(new D3qnConfig(12, 5, 256, 1e-4, 0.99, 64, 20_000, 500, 1_000, 1.0, 0.05, 10_000, 10.0, 1L, 0.0), c);
        assertEquals(List.of("stateSize", "actions", "hidden", "learningRate", "gamma", "batchSize", "replayCapacity",
                "learningStarts", "targetSyncEvery", "epsilonStart", "epsilonEnd", "epsilonDecayDecisions", "gradClip",
                "seed", "huberDelta"), List.copyOf(c.toMap().keySet()), "every field, in declaration order");
    }

    @Test
    void mapRoundTripAlsoFromJsonNumberTypes() {
        D3qnConfig c = D3qnConfig.paper(7, 3).withSeed(42).withHidden(64).withLearningRate(1e-3).withGamma(0.9)
                .withBatchSize(16).withReplay(1000, 50).withTargetSyncEvery(20).withEpsilon(0.5, 0.01, 300).withHuberDelta(1);
        assertEquals(c, D3qnConfig.fromMap(c.toMap()));
        assertEquals(c.withLearningStarts(60), D3qnConfig.fromMap(c.toMap()).withLearningStarts(60));
        assertEquals(77, c.withEpsilonDecayDecisions(77).epsilonDecayDecisions());
        // Jackson reads small longs back as Integer and 1.0 may come back as an integer
        Map<String, Object> m = new LinkedHashMap<>(c.toMap());
        m.put("seed", 42);
        m.put("gamma", 1);
        assertEquals(c.withGamma(1), D3qnConfig.fromMap(m));
    }

    @Test
    void clearErrorsNamingTheField() {
        Map<String, Object> m = new LinkedHashMap<>(D3qnConfig.paper(4, 2).toMap());
        m.remove("hidden");
        assertMessage(() -> D3qnConfig.fromMap(m), "missing field 'hidden'");
        m.put("hidden", 2.5);
        assertMessage(() -> D3qnConfig.fromMap(m), "'hidden' must be an integer");
        m.put("hidden", 8);
        m.put("gamma", "0.9");
        assertMessage(() -> D3qnConfig.fromMap(m), "'gamma' must be a number");
        m.put("gamma", 0.9);
        m.put("hiden", 8);
        assertMessage(() -> D3qnConfig.fromMap(m), "unknown field 'hiden'");
        assertMessage(() -> D3qnConfig.paper(0, 2), "stateSize");
        assertMessage(() -> D3qnConfig.paper(4, 2).withGamma(1.5), "gamma");
        assertMessage(() -> D3qnConfig.paper(4, 2).withReplay(100, 101), "learningStarts");
        assertMessage(() -> D3qnConfig.paper(4, 2).withEpsilon(1, Double.NaN, 10), "epsilonEnd");
        assertMessage(() -> D3qnConfig.paper(4, 2).withLearningRate(0), "learningRate");
    }

    @Test
    void linearEpsilonScheduleAndSemiMdpDiscount() {
        D3qnConfig c = D3qnConfig.paper(4, 2);
        assertEquals(1.0, c.epsilon(0));
        assertEquals(0.525, c.epsilon(5_000), 1e-12);
        assertEquals(0.05, c.epsilon(10_000));
        assertEquals(0.05, c.epsilon(1_000_000));
        assertEquals(0.1, c.withEpsilon(0.3, 0.1, 0).epsilon(0), "no decay: the end value at once");
        assertEquals((float) Math.pow(0.99, 2.5), c.discount(2.5));
        assertEquals(1f, c.discount(0));
        assertMessage(() -> c.discount(-1), "elapsed");
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
