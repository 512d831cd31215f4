package aigcsim.scenarios.file;

import java.nio.file.Path;

/**
 * How a run's requests are computed, resolved from a scenario's {@code compute} block: the fidelity, and for the
 * worker pool its size, batching, cache and weights ({@code weights} null: the bundled ones).
 */
public record ComputeSettings(String fidelity, double sampledFraction, int workers, int maxBatch, int cacheSize,
        Path weights) {
    public static final String ANALYTIC = "analytic";

    public boolean analytic() {
        return fidelity.equals(ANALYTIC);
    }
}
