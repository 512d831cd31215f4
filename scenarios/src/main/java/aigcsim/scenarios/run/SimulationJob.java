package aigcsim.scenarios.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of a study (a sweep point, all its replications) as a job for a cluster member: the member resolves the
 * scenario, runs it into a temporary folder with {@link SweepStudy#runInto} and returns the folder's files, byte for
 * byte, by relative path.
 */
public record SimulationJob(String label, ScenarioRef scenario) implements ClusterJob<Map<String, byte[]>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<String, byte[]> call() throws IOException {
        Path tmp = Files.createTempDirectory("aigcsim-job-");
        try {
            Path dir = tmp.resolve("run");
            SweepStudy.runInto(scenario.resolve(), dir);
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            return files;
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException | UncheckedIOException e) {
                // a temporary folder
            }
        }
    }
}
