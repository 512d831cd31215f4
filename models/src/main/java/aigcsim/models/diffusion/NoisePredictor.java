package aigcsim.models.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * ε_θ(x_t, t, c) of seed 001, eq. 18: predicts the noise in a batch of latents, each at its own diffusion step,
 * under its own text condition (null: the unconditional embedding, for classifier-free guidance).
 */
public interface NoisePredictor {
    /**
     * @param latents   (B, C, H, W)
     * @param timesteps B diffusion steps in [0, T)
     * @param context   (B, L, D) token embeddings, or null for unconditional
     * @return predicted noise, (B, C, H, W)
     */
    NDArray predictNoise(NDArray latents, int[] timesteps, NDArray context);
}
