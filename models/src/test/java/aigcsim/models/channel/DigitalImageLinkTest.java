package aigcsim.models.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.models.quality.ImageQuality;

class DigitalImageLinkTest {
    private static float[] image() {
        float[] img = new float[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img[y * 32 + x] = (x > 8 && x < 24 && y > 4 && y < 28) ? 0.7f - 0.02f * y : -1f;
            }
        }
        return img;
    }

    @Test
    void fallsOffACliffBelowTheLowestMcsAndImprovesWithSnr() {
        float[] img = image();
        var lost = DigitalImageLink.send(img, 32, -3.0, 512, LinkChannel.awgn(), 1);
        assertTrue(lost.lost(), "below -2.5 dB nothing gets through");
        assertNull(lost.image());
        var low = DigitalImageLink.send(img, 32, 4.0, 512, LinkChannel.awgn(), 1);
        var high = DigitalImageLink.send(img, 32, 18.0, 512, LinkChannel.awgn(), 1);
        assertFalse(high.lost());
        assertTrue(high.scanBits() <= high.budgetBits() && Math.abs(high.budgetBits() - 512 * 6 * 0.85) < 1e-9, "" + high);
        assertTrue(high.quality() >= (low.lost() ? 0 : low.quality()), "more SNR, at least the same quality");
        assertTrue(ImageQuality.psnrDb(img, high.image()) > 20, "a 64QAM budget carries a decent JPEG");
    }

    @Test
    void scanBytesExcludeTheHeaders() {
        byte[] jpeg = DigitalImageLink.encode(image(), 32, 50);
        int scan = DigitalImageLink.scanBytes(jpeg);
        assertTrue(scan > 0 && scan < jpeg.length - 100, "scan " + scan + " of " + jpeg.length + " bytes");
    }
}
