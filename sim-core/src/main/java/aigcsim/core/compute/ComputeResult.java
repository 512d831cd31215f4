package aigcsim.core.compute;

/**
 * The outcome of a request's real computation: image quality against the no-channel reference (PSNR, SSIM),
 * semantic accuracy (1 if the prompted item is recognized, else 0), whether it came from a cache, which worker
 * computed it and its measured compute time (wall clock of the computation, ms; for a cache hit, that of the
 * computation it reuses), and the fidelity it was obtained at. Quality fields are NaN and the worker empty when
 * nothing was computed.
 */
public record ComputeResult(String fidelity, double psnrDb, double ssim, double semanticAccuracy,
        boolean cacheHit, String worker, double computeMs) {

    /** The result of a computation that did not run: analytic fidelity, no quality. */
    public static ComputeResult analytic() {
        return none(AnalyticComputeService.FIDELITY);
    }

    /** No quality: nothing was computed for the request (analytic fidelity, or it failed before an image existed). */
    public static ComputeResult none(String fidelity) {
        return new ComputeResult(fidelity, Double.NaN, Double.NaN, Double.NaN, false, "", Double.NaN);
    }
}
