package aigcsim.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D3qnCheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final D3qnConfig CONFIG = D3qnConfig.paper(5, 3).withHidden(16).withBatchSize(8)
            .withReplay(200, 16).withSeed(21);

    /** A net after 100 decisions and learn steps. */
    private static D3qn trained() {
        SplittableRandom rng = new SplittableRandom(6);
        D3qn net = new D3qn(CONFIG);
        for (int k = 0; k < 100; k++) {
            float[] s = state(rng);
            net.remember(s, net.act(s), (float) rng.nextGaussian(), state(rng), 0.95f);
            net.learn();
        }
        return net;
    }

    private static float[] state(SplittableRandom rng) {
        float[] s = new float[5];
        for (int j = 0; j < s.length; j++) {
            s[j] = (float) rng.nextGaussian();
        }
        return s;
    }

    @Test
    void roundTripGivesIdenticalQValuesConfigCountersAndExtras(@TempDir Path dir) throws Exception {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("state", List.of("queue length", "channel SNR dB"));
        extras.put("scenario", "fig6");
        extras.put("episodes", 12);
        extras.put("finalReward", -3.25);
        extras.put("training", Map.of("seed", 5, "converged", true));
        try (D3qn net = trained()) {
            net.save(dir, extras);
            assertTrue(Files.exists(dir.resolve(D3qn.PARAMS_FILE)) && Files.exists(dir.resolve(D3qn.MANIFEST_FILE)));
            Map<String, Object> manifest = JSON.readValue(dir.resolve(D3qn.MANIFEST_FILE).toFile(),
                    new TypeReference<Map<String, Object>>() { });
            assertEquals(64, ((String) manifest.get("sha256")).length());
            try (D3qn loaded = D3qn.load(dir)) {
                assertEquals(CONFIG, loaded.config());
                assertEquals(extras, loaded.manifestExtras());
                assertEquals(Map.of(), net.manifestExtras(), "a fresh net has no extras");
                assertEquals(manifest.get("sha256"), loaded.paramsSha256(), "the verified hash of its params file");
                assertEquals(null, net.paramsSha256(), "a fresh net was loaded from no file");
                assertEquals(net.decisions(), loaded.decisions());
                assertEquals(net.learnSteps(), loaded.learnSteps());
                assertEquals(net.epsilon(), loaded.epsilon());
                SplittableRandom rng = new SplittableRandom(9);
                for (int k = 0; k < 10; k++) {
                    float[] s = state(rng);
                    assertArrayEquals(net.q(s), loaded.q(s), 0f);
                    assertArrayEquals(loaded.q(s), loaded.qTarget(s), 0f, "the target starts as a copy");
                }
                assertEquals(0, loaded.replaySize(), "the replay buffer is not saved");
                for (int k = 0; k < 16; k++) {
                    loaded.remember(state(rng), k % 3, 1f, state(rng), 0.9f);
                }
                assertTrue(Float.isFinite(loaded.learn()), "a loaded net trains on");
            }
        }
    }

    @Test
    void corruptMissingOrMismatchedFilesAreClearErrors(@TempDir Path dir) throws Exception {
        try (D3qn net = trained()) {
            net.save(dir, Map.of("scenario", "test"));
        }
        Path params = dir.resolve(D3qn.PARAMS_FILE);
        Path manifest = dir.resolve(D3qn.MANIFEST_FILE);
        byte[] good = Files.readAllBytes(params);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x01;
        Files.write(params, bad);
        assertMessage(dir, "SHA-256", params.toString());
        Files.write(params, good);

        // a manifest whose config disagrees with the tensors (the hash covers only the params file)
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\"hidden\" : 16", "\"hidden\" : 32"));
        assertMessage(dir, "shape", "hidden1.weight", params.toString());
        Files.writeString(manifest, text.replace("\"hidden\" : 16,", ""));
        assertMessage(dir, "missing field 'hidden'", manifest.toString());
        Files.writeString(manifest, text);
        try (D3qn ok = D3qn.load(dir)) {
            assertEquals(Map.of("scenario", "test"), ok.manifestExtras());
        }

        Files.delete(params);
        assertMessage(dir, "missing", params.toString());
        Files.delete(manifest);
        assertMessage(dir, "manifest not found", manifest.toString());
        assertMessage(dir.resolve("nowhere"), "directory not found", "nowhere");
    }

    private static void assertMessage(Path dir, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> D3qn.load(dir).close());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }
}
