package aigcsim.core.compute;

import java.util.concurrent.CompletableFuture;

/**
 * Computes nothing: fidelity {@code analytic}, latencies from the cost model only, quality fields empty. The
 * default until the worker pool is wired in.
 */
public final class AnalyticComputeService implements ComputeService {
    public static final String FIDELITY = "analytic";

    @Override
    public CompletableFuture<ComputeResult> submit(ComputeJob job) {
        return CompletableFuture.completedFuture(ComputeResult.analytic());
    }

    @Override
    public String fidelity() {
        return FIDELITY;
    }
}
