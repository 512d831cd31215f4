package aigcsim.core.arrival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PromptCatalogueTest {
    private static final int N = 100000;

    private static Map<String, Integer> counts(PromptCatalogue c, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < N; i++) {
            m.merge(c.draw(rng), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void bundledFashionMnist() {
        PromptCatalogue c = PromptCatalogue.fashionMnist();
        assertEquals(10, c.prompts().size(), "ten Fashion-MNIST prompts");
        assertEquals("a photo of a t-shirt", c.prompts().get(0), "first prompt");
        assertEquals("a photo of an ankle boot", c.prompts().get(9), "last prompt");
        assertEquals(0.0, c.zipfExponent(), 0.0, "bundled catalogue is uniform");
    }

    @Test
    void uniformDrawsEachPromptEqually() {
        PromptCatalogue c = PromptCatalogue.fashionMnist();
        Map<String, Integer> m = counts(c, 1);
        assertEquals(10, m.size(), "every prompt drawn");
        for (String p : c.prompts()) {
            assertEquals(N / 10.0, m.get(p), N / 10.0 * 0.05, "'" + p + "' drawn ~1/10 of the time (tol 5 %)");
        }
    }

    @Test
    void zipfOneFavoursFirstPrompt() {
        PromptCatalogue c = PromptCatalogue.fashionMnist().withZipf(1.0);
        assertEquals(1.0, c.zipfExponent(), 0.0, "exponent set");
        Map<String, Integer> m = counts(c, 2);
        // H_10 = 7381/2520 = 2.928968; P(k) = 1/(k*H_10)
        double h10 = 7381.0 / 2520.0;
        double first = m.get(c.prompts().get(0)) / (double) N;
        assertEquals(1 / h10, first, 0.05 / h10, "P(first) = 1/H_10 = 0.3414 (tol 5 % relative)");
        double second = m.get(c.prompts().get(1)) / (double) N;
        assertEquals(0.5 / h10, second, 0.05 * 0.5 / h10, "P(second) = 1/(2 H_10) = 0.1707 (tol 5 % relative)");
        double last = m.get(c.prompts().get(9)) / (double) N;
        assertEquals(0.1 / h10, last, 0.1 * 0.1 / h10, "P(tenth) = 1/(10 H_10) = 0.0341 (tol 10 % relative)");
    }

    @Test
    void singlePromptAndValidation() {
        PromptCatalogue one = new PromptCatalogue(List.of("only"), 2.0);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (int i = 0; i < 100; i++) {
            assertEquals("only", one.draw(rng), "single prompt always drawn");
        }
        assertThrows(IllegalArgumentException.class, () -> new PromptCatalogue(List.of(), 0), "empty catalogue");
        assertThrows(IllegalArgumentException.class, () -> new PromptCatalogue(List.of("a"), -1), "negative s");
        assertThrows(IllegalArgumentException.class, () -> new PromptCatalogue(List.of("a"), Double.NaN), "NaN s");
    }
}
