package aigcsim.models.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.Model;
import aigcsim.core.channel.Ofdm;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.weights.Weights;

/**
 * The bundled link-level codecs (loaded through their verified manifests) on edge-generated latents: more channel
 * uses and more SNR bring the received latent closer, on AWGN and on OFDM; the knowledge-alignment package aligns.
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

    private static final int N = 16;
    private static final long[] SEEDS = new long[N];
    private static float[][] latents;

    @BeforeAll
    static void generate() {
        latents = new float[N][];
        try (TextToImage t2i = TextToImage.load(Weights.BUNDLED_DIR, ModelSizes.BUNDLED)) {
            for (int i = 0; i < N; i++) {
                latents[i] = t2i.trajectory(aigcsim.models.data.FashionMnist.PROMPTS.get(i % 10), 300 + i, 20)
                        .latents()[20];
                SEEDS[i] = 40 + i;
            }
        }
    }

    @Test
    void moreRateAndMoreSnrLowerTheLatentError() {
        long[] seeds = SEEDS;
        double power = mse(latents, new float[N][256]);
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

    /**
     * The bundled knowledge-alignment components: on the target conditions (OFDM at 1000 ns), the CALA package takes
     * the misaligned codec's error far down at both ends of the SNR range, to within 3 times fine-tuning the whole
     * codec's.
     */
    @Test
    void theBundledPackageAlignsTheMisalignedCodec() {
        LinkChannel ch = LinkChannel.ofdm(new Ofdm(64, 30e3, 1000e-9));
        try (Model mt = Weights.load(Weights.BUNDLED_DIR, "link-jscc-mt", ModelSizes.BUNDLED.linkJscc());
                Model cala = Weights.load(Weights.BUNDLED_DIR, "link-jscc-cala", new LinkAdapters(
                        (LinkJscc) mt.getBlock(), LinkAdapters.RANK, true));
                Model ft = Weights.load(Weights.BUNDLED_DIR, "link-jscc-ft", ModelSizes.BUNDLED.linkJscc())) {
            for (double snr : new double[] {-5, 20}) {
                double noKa = mse(((LinkJscc) mt.getBlock()).transmit(mt.getNDManager(), latents, snr,
                        LinkJscc.CHANNELS, ch, SEEDS), latents);
                double aligned = mse(((LinkAdapters) cala.getBlock()).transmit(cala.getNDManager(), latents, snr,
                        LinkJscc.CHANNELS, ch, SEEDS), latents);
                double full = mse(((LinkJscc) ft.getBlock()).transmit(ft.getNDManager(), latents, snr,
                        LinkJscc.CHANNELS, ch, SEEDS), latents);
                String at = snr + " dB: no-ka " + noKa + ", cala " + aligned + ", full-ft " + full;
                System.out.println(at);
                assertTrue(aligned < 0.5 * noKa, at);
                assertTrue(aligned < 3 * full, at);
            }
        }
    }
}
