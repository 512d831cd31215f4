package aigcsim.scenarios.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.models.weights.WeightsManifest;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.file.ScenarioYaml;
import aigcsim.scenarios.policy.RootCheckpoint;

/**
 * One run's folder: {@code scenario.yaml} (the resolved scenario, every default filled in), {@code requests.csv},
 * {@code summary.json} (figures per replication and 95 % intervals), {@code timeline.csv} (scripted events),
 * {@code timeseries.csv} (each cell sampled over time), {@code images/} and {@code images.csv} (the kept images),
 * {@code pool-metrics.json} (when a pool computed) and {@code run.json} (the scenario's and the code's
 * fingerprints). Written into a sibling staging folder and moved into place only when complete, so a run that fails
 * leaves an earlier run's folder as it was.
 */
public final class ResultsFolder {
    public static final String SCENARIO = "scenario.yaml";
    public static final String SUMMARY = "summary.json";
    public static final String RUN = "run.json";

    private ResultsFolder() {
    }

    /** Writes the folder {@code dir} for these runs; {@code poolMetricsJson} null when nothing was computed. */
    public static void write(Path dir, ResolvedScenario s, List<RunResult> runs, String fidelity,
            String poolMetricsJson) {
        String yaml = ScenarioYaml.write(s.resolved());
        replace(dir, staging -> {
            Files.writeString(staging.resolve(SCENARIO), yaml);
            ResultWriter.writeRequestsCsv(staging.resolve("requests.csv"), runs);
            ResultWriter.writeTimelineCsv(staging.resolve("timeline.csv"), runs);
            ResultWriter.writeTimeSeriesCsv(staging.resolve("timeseries.csv"), runs);
            ResultWriter.writeImages(staging, runs);
            ResultWriter.writeSummaryJson(staging.resolve(SUMMARY), s.scenario().describe(), fidelity, runs);
            if (poolMetricsJson != null) {
                Files.writeString(staging.resolve("pool-metrics.json"), poolMetricsJson);
            }
            Files.writeString(staging.resolve(RUN), fingerprint(s, yaml));
        });
    }

    /**
     * What a finished run folder records of its inputs: the resolved scenario's and the code's fingerprints, and the
     * SHA-256 of ROOT's parameters when the scenario (or its timeline) uses policy root, so a retrained checkpoint
     * is a different input; {@code yaml} is the resolved scenario as written.
     */
    private static String fingerprint(ResolvedScenario s, String yaml) {
        String root = ScenarioResolver.usesRoot(s.resolved()) ? ", \"rootCheckpointSha256\": \"" + RootCheckpoint.load(
                ScenarioResolver.checkpoint(s.resolved().split())).network().paramsSha256() + "\"" : "";
        return "{\"scenarioSha256\": \"" + WeightsManifest.sha256(yaml) + "\", \"code\": \"" + CodeVersion.id() + "\""
                + root + "}\n";
    }

    /** Whether {@code dir} holds a finished run of exactly this resolved scenario with this code. */
    public static boolean finished(Path dir, ResolvedScenario s) {
        Path run = dir.resolve(RUN);
        try {
            return Files.isRegularFile(dir.resolve(SUMMARY)) && Files.isRegularFile(run)
                    && Files.readString(run).equals(fingerprint(s, ScenarioYaml.write(s.resolved())));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes {@code dir} from the files of a run made elsewhere (relative path → bytes, as {@link SimulationJob}
     * returns them), and checks it holds a finished run of exactly {@code s} with this code.
     */
    public static void writeFiles(Path dir, ResolvedScenario s, Map<String, byte[]> files) {
        replace(dir, staging -> {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path to = staging.resolve(f.getKey()).normalize();
                if (!to.startsWith(staging)) {
                    throw new IOException("a run's file " + f.getKey() + " lies outside its folder");
                }
                Files.createDirectories(to.getParent());
                Files.write(to, f.getValue());
            }
        });
        if (!finished(dir, s)) {
            throw new IllegalStateException(dir + ": the run made elsewhere is not of this scenario with this code "
                    + "(does every node run the same version, with the scenario's files at the same paths?)");
        }
    }

    /** Something that writes a folder's files. */
    public interface Content {
        void writeInto(Path staging) throws IOException;
    }

    /**
     * Writes {@code dir} through a staging folder: the old {@code dir} is replaced only once the new content is
     * complete; on failure the staging folder is removed and {@code dir} is untouched.
     */
    public static void replace(Path dir, Content content) {
        Path staging = dir.resolveSibling(dir.getFileName() + ".partial");
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            deleteTree(staging);
            Files.createDirectories(staging);
            content.writeInto(staging);
            deleteTree(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
