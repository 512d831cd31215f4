package aigcsim.worker;

/**
 * A computed request as a worker reports it (the event-bus message, JSON): the quality of the delivered image
 * against the no-channel reference, the image itself and the reference (8-bit grey levels, row-major, 32×32), which
 * worker computed it, and its measured compute time: the time of each batched denoising step it was in
 * ({@code stepMs}) with that step's batch size ({@code stepBatchSizes}), and the rest ({@code finishMs}: channel,
 * device, decoding, judging). {@code error} is set (and the rest empty) when the worker failed the request.
 */
public record Outcome(long jobId, String worker, String error, double psnrDb, double ssim, int predictedClass,
        boolean semanticHit, boolean lost, byte[] image, byte[] reference, double[] stepMs, double finishMs,
        int[] stepBatchSizes) {

    static Outcome failure(long jobId, String worker, String error) {
        return new Outcome(jobId, worker, error, Double.NaN, Double.NaN, -1, false, false, new byte[0], new byte[0],
                new double[0], 0, new int[0]);
    }

    public boolean failed() {
        return error != null;
    }

    /** The time of the steps the request was in, ms. */
    public double edgeMs() {
        double ms = 0;
        for (double t : stepMs) {
            ms += t;
        }
        return ms;
    }

    /** The request's share of the worker's time in its steps: each step's time over the requests in it, ms. */
    public double edgeShareMs() {
        double ms = 0;
        for (int i = 0; i < stepMs.length; i++) {
            ms += stepMs[i] / stepBatchSizes[i];
        }
        return ms;
    }

    /** The measured compute time of the request, ms. */
    public double computeMs() {
        return edgeMs() + finishMs;
    }

    /** An image with values in [−1, 1] as 8-bit grey levels. */
    static byte[] greyLevels(float[] image) {
        byte[] b = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            b[i] = (byte) Math.round(Math.max(0, Math.min(255, (image[i] + 1) * 127.5)));
        }
        return b;
    }
}
