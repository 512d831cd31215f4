package aigcsim.core.compute;

import java.io.Serializable;

/**
 * The outcome of a request's real computation: image quality against the no-channel reference (PSNR, SSIM),
 * semantic accuracy (1 if the prompted item is recognized, else 0), whether it came from a cache, which worker
 * computed it and its measured compute time (wall clock of the computation, ms; for a cache hit, that of the
 * computation it reuses), the fidelity it was obtained at, and the delivered and reference images when they are
 * kept (null otherwise). Quality fields are NaN and the worker empty when nothing was computed.
 */
public record ComputeResult(String fidelity, double psnrDb, double ssim, double semanticAccuracy,
        boolean cacheHit, String worker, double computeMs, Images images) implements Serializable {

    /** A square grey image as the user received it, and its no-channel reference: 8-bit levels, row-major. */
    public record Images(int side, byte[] delivered, byte[] reference) implements Serializable {
        public Images {
            if (delivered.length != side * side || reference.length != side * side) {
                throw new IllegalArgumentException("images of " + delivered.length + " and " + reference.length
                        + " levels are not " + side + " x " + side);
            }
        }
    }

    /** This result without its images (what a run keeps for all but a sample of its requests). */
    public ComputeResult withoutImages() {
        return images == null ? this : new ComputeResult(fidelity, psnrDb, ssim, semanticAccuracy, cacheHit, worker,
                computeMs, null);
    }

    /** No quality: nothing was computed for the request (it failed before an image existed, or was not sampled). */
    public static ComputeResult none(String fidelity) {
        return new ComputeResult(fidelity, Double.NaN, Double.NaN, Double.NaN, false, "", Double.NaN, null);
    }
}
