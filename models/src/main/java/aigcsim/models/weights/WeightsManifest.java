package aigcsim.models.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The manifest written next to trained weights: architecture, data, epochs, final losses, metrics, and the
 * SHA-256 of every weight file, checked at load so a missing or corrupt file is an error naming the file.
 */
public record WeightsManifest(String component, Map<String, Object> architecture, String data, int epochs,
        Map<String, Double> finalLosses, Map<String, Double> metrics, Map<String, String> sha256) {

    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Writes the manifest of {@code component} in {@code dir}, hashing the named weight files there. */
    public static WeightsManifest write(Path dir, String component, Map<String, Object> architecture, String data,
            int epochs, Map<String, Double> finalLosses, Map<String, Double> metrics, String... weightFiles)
            throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String f : weightFiles) {
            sums.put(f, sha256(dir.resolve(f)));
        }
        WeightsManifest m = new WeightsManifest(component, architecture, data, epochs, finalLosses, metrics, sums);
        JSON.writeValue(dir.resolve(component + "." + FILE).toFile(), m);
        return m;
    }

    /** Reads the manifest of {@code component} in {@code dir} and verifies every weight file it names. */
    public static WeightsManifest verify(Path dir, String component) {
        Path file = dir.resolve(component + "." + FILE);
        WeightsManifest m;
        try {
            m = JSON.readValue(file.toFile(), WeightsManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(Files.exists(file) ? "weights manifest " + file + " is unreadable: "
                    + e.getMessage() : "weights manifest not found: " + file + " (train it: aigcsim models train "
                    + component + ")");
        }
        for (var e : m.sha256().entrySet()) {
            Path w = dir.resolve(e.getKey());
            String actual;
            try {
                actual = sha256(w);
            } catch (NoSuchFileException ex) {
                throw new IllegalArgumentException("weight file missing: " + w + " (named in " + file + ")");
            } catch (IOException ex) {
                throw new IllegalArgumentException("cannot read weight file " + w + ": " + ex.getMessage());
            }
            if (!actual.equals(e.getValue())) {
                throw new IllegalArgumentException("weight file corrupt: " + w + " has SHA-256 " + actual
                        + ", manifest " + file + " expects " + e.getValue());
            }
        }
        return m;
    }

    /** SHA-256 of a text (UTF-8), hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // digest as we read
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
