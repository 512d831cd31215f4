package aigcsim.models.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.Model;
import aigcsim.core.channel.Ofdm;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.weights.Weights;

/**
 * The bundled link-level codec (loaded through its verified manifest) on edge-generated latents: more channel uses
 * and more SNR bring the received latent closer, on AWGN and on OFDM.
 */
class BundledLinkCodecTest {
    private static double mse(float[][] a, float[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int v = 0; v < a[i].length; v++) {
                s += (a[i][v] - b[i][v]) * (a[i][v] - b[i][v]);
            }
        }
        return s / (a.length * a[0].length);
    }

    @Test
    void moreRateAndMoreSnrLowerTheLatentError() {
        int n = 16;
        float[][] latents = new float[n][];
        long[] seeds = new long[n];
        try (TextToImage t2i = TextToImage.load(Weights.BUNDLED_DIR, ModelSizes.BUNDLED)) {
            for (int i = 0; i < n; i++) {
                latents[i] = t2i.trajectory(aigcsim.models.data.FashionMnist.PROMPTS.get(i % 10), 300 + i, 20)
                        .latents()[20];
                seeds[i] = 40 + i;
            }
        }
        double power = mse(latents, new float[n][256]);
        try (Model m = Weights.load(Weights.BUNDLED_DIR, "link-jscc", ModelSizes.BUNDLED.linkJscc())) {
            LinkJscc codec = (LinkJscc) m.getBlock();
            for (LinkChannel ch : new LinkChannel[] {LinkChannel.awgn(),
                LinkChannel.ofdm(new Ofdm(64, 30e3, 300e-9))}) {
                double full = mse(codec.transmit(m.getNDManager(), latents, 20, LinkJscc.CHANNELS, ch, seeds),
                        latents);
                double lowest = mse(codec.transmit(m.getNDManager(), latents, 20, 1, ch, seeds), latents);
                double noisy = mse(codec.transmit(m.getNDManager(), latents, -5, LinkJscc.CHANNELS, ch, seeds),
                        latents);
                String at = ch.label() + ": full rate " + full + ", one channel " + lowest + ", -5 dB " + noisy
                        + ", latent power " + power;
                System.out.println(at);
                assertTrue(full < 0.1 * power, at);
                assertTrue(full < 0.5 * lowest, at);
                assertTrue(full < 0.7 * noisy, at);
            }
        }
    }
}
