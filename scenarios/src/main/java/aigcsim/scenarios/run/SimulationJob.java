package aigcsim.scenarios.run;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;

/**
 * One run of a study as a job for a cluster member ({@link ClusterJobs}): the scenario file's absolute path and the
 * settings on it, which the member resolves again (every member runs the same code and has the scenario's files at
 * the same paths), runs into a temporary folder with {@link SweepStudy#runInto} and returns as the folder's files,
 * byte for byte, by relative path. Serializable: Hazelcast carries it to the member.
 */
public record SimulationJob(String label, String file, List<String[]> settings)
        implements Callable<Map<String, byte[]>>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The job of run {@code label}: {@code file} with {@code settings}. */
    public static SimulationJob of(String label, Path file, List<ScenarioLoader.Setting> settings) {
        List<String[]> s = new ArrayList<>();
        for (ScenarioLoader.Setting x : settings) {
            s.add(new String[] {x.path(), x.value().toString(), x.origin()});
        }
        return new SimulationJob(label, file.toAbsolutePath().normalize().toString(), s);
    }

    /** The settings as the loader takes them. */
    List<ScenarioLoader.Setting> loaderSettings() {
        List<ScenarioLoader.Setting> out = new ArrayList<>();
        for (String[] s : settings) {
            try {
                out.add(new ScenarioLoader.Setting(s[0], JSON.readTree(s[1]), s[2]));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("job " + label + ": setting " + s[0] + " is not JSON: " + s[1], e);
            }
        }
        return out;
    }

    @Override
    public Map<String, byte[]> call() throws IOException {
        Path tmp = Files.createTempDirectory("aigcsim-job-");
        try {
            Path dir = tmp.resolve("run");
            SweepStudy.runInto(ScenarioResolver.resolve(ScenarioLoader.load(Path.of(file), loaderSettings())), dir);
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
