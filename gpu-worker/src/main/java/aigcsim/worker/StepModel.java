package aigcsim.worker;

import aigcsim.models.pipeline.TextToImage;

/**
 * What a worker runs, at denoising-step granularity: a request's initial latent, one batched DDIM step over
 * requests at different points of their schedules, and everything after the edge's steps (channel, device,
 * quality). One instance per worker: the DJL models behind it are not thread-safe.
 */
public interface StepModel extends AutoCloseable {
    float[] initialLatent(long seed);

    float[][] step(float[][] latents, int[] from, int[] to, String[] prompts);

    TextToImage.Output finish(TextToImage.Request request, float[] sentLatent, float[] cleanLatent);

    @Override
    void close();

    /** The trained (or initialized) text-to-image models. */
    static StepModel of(TextToImage t2i) {
        return new StepModel() {
            @Override
            public float[] initialLatent(long seed) {
                return t2i.initialLatent(seed);
            }

            @Override
            public float[][] step(float[][] latents, int[] from, int[] to, String[] prompts) {
                return t2i.step(latents, from, to, prompts);
            }

            @Override
            public TextToImage.Output finish(TextToImage.Request request, float[] sentLatent, float[] cleanLatent) {
                return t2i.finish(request, sentLatent, cleanLatent);
            }

            @Override
            public void close() {
                t2i.close();
            }
        };
    }
}
