package aigcsim.models.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsManifestTest {
    @Test
    void verifiesHashesAndNamesTheBadFile(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("vae-0000.params"), new byte[] {1, 2, 3, 4});
        WeightsManifest.write(dir, "vae", Map.of("latent", "4x8x8"), "fashion-mnist train", 3,
                Map.of("loss", 0.1), Map.of("psnrDb", 25.0), "vae-0000.params");
        WeightsManifest m = WeightsManifest.verify(dir, "vae");
        assertEquals(3, m.epochs());
        assertEquals("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a",
                m.sha256().get("vae-0000.params"), "SHA-256 of bytes 01 02 03 04");

        Files.write(dir.resolve("vae-0000.params"), new byte[] {1, 2, 3, 5});
        var e = assertThrows(IllegalArgumentException.class, () -> WeightsManifest.verify(dir, "vae"));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("vae-0000.params"), e.getMessage());

        Files.delete(dir.resolve("vae-0000.params"));
        e = assertThrows(IllegalArgumentException.class, () -> WeightsManifest.verify(dir, "vae"));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("vae-0000.params"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> WeightsManifest.verify(dir, "unet"));
        assertTrue(e.getMessage().contains("unet.manifest.json"), e.getMessage());
    }
}
