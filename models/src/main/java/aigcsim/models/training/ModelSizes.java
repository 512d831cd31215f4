package aigcsim.models.training;

import java.util.LinkedHashMap;
import java.util.Map;

import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.Denoiser;
import aigcsim.models.nn.Jscc;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.nn.TextEncoder;
import aigcsim.models.nn.UNet;

/**
 * The sizes of the networks: {@link #BUNDLED} for the shipped weights, {@link #TINY} for tests.
 */
public record ModelSizes(int vaeWidth, int unetChannels1, int unetChannels2, int textDim, int promptLength,
        int jsccWidth) {
    public static final ModelSizes BUNDLED = new ModelSizes(32, 64, 96, 64, 8, 64);
    public static final ModelSizes TINY = new ModelSizes(8, 16, 16, 16, 8, 8);

    public Autoencoder autoencoder() {
        return new Autoencoder(vaeWidth);
    }

    public Denoiser denoiser() {
        return new Denoiser(new TextEncoder(textDim, promptLength),
                new UNet(unetChannels1, unetChannels2, Autoencoder.LATENT_CHANNELS));
    }

    public Jscc jscc() {
        return new Jscc(jsccWidth);
    }

    /** The link-level codec of latents (DeKA-g), as wide as the JSCC codec. */
    public LinkJscc linkJscc() {
        return LinkJscc.latent(jsccWidth);
    }

    /** DeepJSCC, the link-level codec of images, as wide as the autoencoder. */
    public LinkJscc deepJscc() {
        return LinkJscc.image(vaeWidth);
    }

    public Classifier classifier() {
        return new Classifier();
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vaeWidth", vaeWidth);
        m.put("latent", "4x8x8");
        m.put("unetChannels", new int[] {unetChannels1, unetChannels2});
        m.put("textDim", textDim);
        m.put("promptLength", promptLength);
        m.put("jsccWidth", jsccWidth);
        m.put("jsccSymbols", 128);
        m.put("linkJsccSymbols", LinkJscc.CHANNELS * LinkJscc.SYMBOLS_PER_CHANNEL);
        m.put("timeFeatures", UNet.TIME_FEATURES);
        return m;
    }
}
