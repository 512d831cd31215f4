package aigcsim.core.compute;

import java.util.concurrent.CompletableFuture;

/**
 * Where the simulator hands each request's real diffusion and JSCC computation. The simulator does not wait for
 * the future (simulated time comes from the cost model); results are merged into the records at the end of the run.
 * The worker pool implements this; sim-core knows nothing of how.
 */
public interface ComputeService {
    CompletableFuture<ComputeResult> submit(ComputeJob job);

    /** The fidelity this service gives: {@code analytic}, {@code cached}, {@code full} or {@code sampled}. */
    String fidelity();
}
