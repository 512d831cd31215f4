package aigcsim.core.arrival;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The prompts users ask for, with Zipf popularity: prompt k (1-based) is drawn with probability ∝ 1/k^s
 * ({@code zipfExponent} s = 0: uniform). The bundled catalogue names the ten Fashion-MNIST items the models
 * generate.
 */
public final class PromptCatalogue {
    private final List<String> prompts;
    private final double zipfExponent;
    private final double[] cdf;

    public PromptCatalogue(List<String> prompts, double zipfExponent) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("prompt catalogue is empty");
        }
        if (!(zipfExponent >= 0)) {
            throw new IllegalArgumentException("Zipf exponent must be >= 0, got " + zipfExponent);
        }
        this.prompts = List.copyOf(prompts);
        this.zipfExponent = zipfExponent;
        this.cdf = new double[prompts.size()];
        double sum = 0;
        for (int k = 0; k < cdf.length; k++) {
            sum += Math.pow(k + 1, -zipfExponent);
            cdf[k] = sum;
        }
        for (int k = 0; k < cdf.length; k++) {
            cdf[k] /= sum;
        }
    }

    /** The bundled Fashion-MNIST prompts, uniform popularity. */
    public static PromptCatalogue fashionMnist() {
        try (InputStream in = PromptCatalogue.class.getResourceAsStream("/prompts/fashion-mnist.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new PromptCatalogue(r.lines().map(String::trim).filter(l -> !l.isEmpty()).toList(), 0.0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled prompts", e);
        }
    }

    public PromptCatalogue withZipf(double exponent) {
        return new PromptCatalogue(prompts, exponent);
    }

    public List<String> prompts() {
        return prompts;
    }

    public double zipfExponent() {
        return zipfExponent;
    }

    public String draw(UniformRandomProvider rng) {
        int i = Arrays.binarySearch(cdf, rng.nextDouble());
        return prompts.get(Math.min(i >= 0 ? i : -i - 1, prompts.size() - 1));
    }
}
