package aigcsim.models.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ImageQualityTest {
    @Test
    void psnrMatchesHandComputedValues() {
        float[] a = new float[1024];
        float[] b = new float[1024];
        Arrays.fill(b, 0.2f);
        // MSE 0.04, range 2: 10·log10(4 / 0.04) = 20 dB
        assertEquals(20.0, ImageQuality.psnrDb(a, b), 1e-5);
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnrDb(a, a.clone()));
    }

    @Test
    void ssimIsOneForIdenticalImagesAndFallsWithNoise() {
        SplittableRandom r = new SplittableRandom(1);
        float[] img = new float[32 * 32];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) Math.sin(i / 7.0) * 0.8f;
        }
        assertEquals(1.0, ImageQuality.ssim(img, img.clone(), 32), 1e-12);
        double prev = 1.0;
        for (double noise : new double[] {0.05, 0.2, 0.5}) {
            float[] n = img.clone();
            for (int i = 0; i < n.length; i++) {
                n[i] += (float) (noise * r.nextGaussian());
            }
            double s = ImageQuality.ssim(img, n, 32);
            assertTrue(s < prev && s > -1, "SSIM falls with noise: " + s + " at σ=" + noise);
            prev = s;
        }
        // a constant shift of the mean only touches the luminance term: (2μaμb + C1)/(μa² + μb² + C1)
        float[] flatA = new float[32 * 32];
        float[] flatB = new float[32 * 32];
        Arrays.fill(flatB, 0.5f);
        double c1 = Math.pow(0.02, 2);
        assertEquals(c1 / (0.25 + c1), ImageQuality.ssim(flatA, flatB, 32), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.ssim(new float[64], new float[64], 8));
    }
}
