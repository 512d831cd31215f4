package aigcsim.worker;

/**
 * A computed request as a worker reports it (the event-bus message, JSON): the quality of the delivered image
 * against the no-channel reference, the image itself and the reference (8-bit grey levels, row-major, 32×32), which
 * worker computed
 * it, and its measured compute time split into the edge's batched denoising steps ({@code edgeMs}: the time of
 * each step it was in; {@code edgeShareMs}: each step's time divided by the requests in it, its share of the
 * worker's time) and the rest (channel, device, decoding, judging), with the batch size of each of its steps. {@code error} is set (and the rest empty) when the
 * worker failed the request.
 */
public record Outcome(long jobId, String worker, String error, double psnrDb, double ssim, int predictedClass,
        boolean semanticHit, boolean lost, byte[] image, byte[] reference, double edgeMs, double edgeShareMs,
        double finishMs, int[] stepBatchSizes) {

    static Outcome failure(long jobId, String worker, String error) {
        return new Outcome(jobId, worker, error, Double.NaN, Double.NaN, -1, false, false, new byte[0], new byte[0],
                0, 0, 0, new int[0]);
    }

    public boolean failed() {
        return error != null;
    }

    /** The measured compute time of the request, ms. */
    public double computeMs() {
        return edgeMs + finishMs;
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
