package aigcsim.scenarios.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of the simulator's code: SHA-256 over the class files of aigcsim's own modules (sorted by name), so
 * a resumed sweep reuses a point's results only when the code that made them is the same.
 */
public final class CodeVersion {
    private static final List<String> MARKERS = List.of("aigcsim.core.sim.Simulation",
            "aigcsim.scenarios.run.CodeVersion", "aigcsim.worker.WorkerPool", "aigcsim.models.pipeline.TextToImage");
    private static String id;

    private CodeVersion() {
    }

    public static synchronized String id() {
        if (id == null) {
            id = compute();
        }
        return id;
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String marker : MARKERS) {
                Path where = Path.of(Class.forName(marker).getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(where)) {
                    try (Stream<Path> files = Files.walk(where)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                            sha.update(where.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(where.toFile())) {
                        for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class"))
                                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                            sha.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            try (InputStream in = jar.getInputStream(e)) {
                                sha.update(in.readAllBytes());
                            }
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | URISyntaxException | ClassNotFoundException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the simulator's code: " + e.getMessage(), e);
        }
    }
}
