package aigcsim.core.cost;

import java.util.Arrays;

/**
 * The time of one batched denoising step relative to a batch of one, t(b)/t(1), as measured points interpolated
 * linearly and extrapolated with the last segment's slope. The bundled A6000 and A100 curves come from DiffServe's
 * profiling of Stable Diffusion v1.5 on an A100-class GPU (whole image, 1780 ms at batch 1 to 25350 ms at batch 32);
 * the H100 curve from one SD v1.5 UNet step with classifier-free guidance measured in fp16 (20.0 ms at batch 1 to
 * 411 ms at batch 64). {@link #LINEAR} is a device that gains nothing from batching.
 */
public final class BatchCurve {
    /** t(b) = b·t(1): no batching gain. */
    public static final BatchCurve LINEAR = new BatchCurve(new int[] {1, 2}, new double[] {1.0, 2.0});

    private final int[] batch;
    private final double[] relative;

    /**
     * @param batch    batch sizes, strictly increasing, starting at 1
     * @param relative t(b)/t(1) at those sizes, 1 at batch 1, strictly increasing
     */
    public BatchCurve(int[] batch, double[] relative) {
        if (batch.length < 2 || batch.length != relative.length) {
            throw new IllegalArgumentException("batch curve needs at least two [batch, relativeTime] points");
        }
        if (batch[0] != 1 || relative[0] != 1.0) {
            throw new IllegalArgumentException("batch curve must start at [1, 1.0], got [" + batch[0] + ", "
                    + relative[0] + "]");
        }
        for (int i = 1; i < batch.length; i++) {
            if (batch[i] <= batch[i - 1] || !(relative[i] > relative[i - 1])) {
                throw new IllegalArgumentException("batch curve points must increase in batch and time, at point "
                        + i + ": [" + batch[i] + ", " + relative[i] + "]");
            }
        }
        this.batch = batch.clone();
        this.relative = relative.clone();
    }

    /** t(b)/t(1) for a batch of {@code b} ≥ 1 requests. */
    public double relativeTime(int b) {
        if (b < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + b);
        }
        int i = Arrays.binarySearch(batch, b);
        if (i >= 0) {
            return relative[i];
        }
        int hi = Math.min(-i - 1, batch.length - 1);
        int lo = hi - 1;
        double slope = (relative[hi] - relative[lo]) / (batch[hi] - batch[lo]);
        return relative[lo] + slope * (b - batch[lo]);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < batch.length; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(batch[i]).append(", ").append(relative[i]).append(']');
        }
        return s.append(']').toString();
    }
}
