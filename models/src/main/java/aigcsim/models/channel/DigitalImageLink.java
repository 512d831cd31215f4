package aigcsim.models.channel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The digital baseline of Edge AIGC: the decoded image is JPEG-encoded (Java ImageIO) at the highest quality whose
 * entropy-coded scan fits the bit budget of the channel uses at the MCS the SNR allows (5G NR LDPC + QAM
 * thresholds of {@code shared/reference/nr_ldpc_mcs_awgn_thresholds.csv}; the JPEG headers are fixed by the quality
 * and known to the receiver, so only the scan is sent). Below the lowest threshold, or when not even the lowest
 * quality fits, the image is lost: the cliff. On Rayleigh block fading the MCS follows the faded SNR (perfect CSI).
 */
public final class DigitalImageLink {
    private record Mcs(double spectralEfficiency, double thresholdDb) {
    }

    private static final List<Mcs> TABLE = load();
    private static final int[] QUALITIES = {95, 90, 80, 70, 60, 50, 40, 30, 20, 10, 5, 1};

    /** What arrived: the image (null when lost), the JPEG quality used, the scan bits and the budget. */
    public record Delivery(float[] image, int quality, int scanBits, double budgetBits) {
        public boolean lost() {
            return image == null;
        }
    }

    private DigitalImageLink() {
    }

    /**
     * Sends a {@code side}×{@code side} image with values in [−1, 1] over {@code channelUses} complex symbols.
     */
    public static Delivery send(float[] image, int side, double snrDb, int channelUses, TensorChannel.Kind kind,
            long seed) {
        double snr = snrDb;
        if (kind == TensorChannel.Kind.RAYLEIGH) {
            SplittableRandom rng = new SplittableRandom(seed);
            double re = rng.nextGaussian() / Math.sqrt(2);
            double im = rng.nextGaussian() / Math.sqrt(2);
            snr += 10 * Math.log10(re * re + im * im);
        }
        double se = 0;
        for (Mcs m : TABLE) {
            if (m.thresholdDb() <= snr) {
                se = Math.max(se, m.spectralEfficiency());
            }
        }
        double budget = se * channelUses;
        for (int q : QUALITIES) {
            byte[] jpeg = encode(image, side, q);
            int scanBits = 8 * scanBytes(jpeg);
            if (scanBits <= budget) {
                return new Delivery(decode(jpeg, side), q, scanBits, budget);
            }
        }
        return new Delivery(null, 0, 0, budget);
    }

    static byte[] encode(float[] image, int side, int quality) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int v = (int) Math.round((Math.max(-1, Math.min(1, image[y * side + x])) + 1) * 127.5);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Bytes of entropy-coded data: after the start-of-scan segment, before the end-of-image marker. */
    static int scanBytes(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; ) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                throw new IllegalStateException("malformed JPEG at byte " + i);
            }
            int marker = jpeg[i + 1] & 0xff;
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (marker == 0xDA) {
                return jpeg.length - (i + 2 + length) - 2;
            }
            i += 2 + length;
        }
        throw new IllegalStateException("JPEG without a scan");
    }

    static float[] decode(byte[] jpeg, int side) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
            float[] out = new float[side * side];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    out[y * side + x] = img.getRaster().getSample(x, y, 0) / 127.5f - 1f;
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("JPEG decoding failed", e);
        }
    }

    private static List<Mcs> load() {
        String resource = "/reference/nr_ldpc_mcs_awgn_thresholds.csv";
        try (InputStream in = DigitalImageLink.class.getResourceAsStream(resource)) {
            List<Mcs> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].trim().split(",");
                if (f.length >= 5) {
                    rows.add(new Mcs(Integer.parseInt(f[1]) * Double.parseDouble(f[2]), Double.parseDouble(f[4])));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
