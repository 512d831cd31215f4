package aigcsim.models.channel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import aigcsim.core.channel.McsTable;

/**
 * The digital baseline of Edge AIGC (and JPEG-LDPC of DeKA-g): the decoded image is JPEG-encoded (Java ImageIO) at the
 * highest quality whose entropy-coded scan fits the bit budget of the channel uses (the JPEG headers are fixed by the
 * quality and known to the receiver, so only the scan is sent). The budget is {@link #budgetBits}: each symbol
 * carries the information bits of the 5G NR LDPC + QAM scheme its SNR allows ({@link McsTable#nr}, an SNR-threshold
 * abstraction of LDPC at a block error rate of 1e-2). Below the lowest threshold, or when not even the lowest quality
 * fits, the image is lost: the cliff.
 */
public final class DigitalImageLink {
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
     * Sends a {@code side}×{@code side} image with values in [−1, 1] over {@code channelUses} complex symbols of
     * {@code channel} at mean SNR {@code snrDb}.
     */
    public static Delivery send(float[] image, int side, double snrDb, int channelUses, LinkChannel channel,
            long seed) {
        double budget = budgetBits(snrDb, channel.powerGains(channelUses, seed));
        for (int q : QUALITIES) {
            byte[] jpeg = encode(image, side, q);
            int scanBits = 8 * scanBytes(jpeg);
            if (scanBits <= budget) {
                return new Delivery(decode(jpeg, side), q, scanBits, budget);
            }
        }
        return new Delivery(null, 0, 0, budget);
    }

    /**
     * The information bits that symbols of these power gains carry at mean SNR {@code snrDb}: each at the most
     * efficient scheme its own SNR reaches (perfect channel knowledge at the transmitter: on a flat channel one scheme
     * for the block, on OFDM bit loading per sub-carrier, as the simulator's OFDM links).
     */
    public static double budgetBits(double snrDb, double[] powerGains) {
        McsTable mcs = McsTable.nr();
        double bits = 0;
        for (double g : powerGains) {
            bits += mcs.spectralEfficiency(snrDb + 10 * Math.log10(g));
        }
        return bits;
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
}
