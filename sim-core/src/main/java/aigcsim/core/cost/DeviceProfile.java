package aigcsim.core.cost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The compute profile of an edge server or a user device: the quantities of seed 001, eq. 20 — processing
 * capability per core ν ({@code clockHz}), core count m ({@code cores}), parallelizable fraction τ — and the measured
 * times the cost model is calibrated on: seconds per denoising step at batch 1 ({@code stepS}), per semantic
 * extraction ({@code extractionS}, the constant l) and per VAE decode ({@code decodeS}), plus the batch curve t(b)/t(1).
 *
 * <p>Profiles are data: JSON files, loaded with {@link #load(Path)} or {@link #bundled(String)}.
 */
public record DeviceProfile(String name, String source, double clockHz, int cores, double parallelFraction,
        double stepS, double extractionS, double decodeS, BatchCurve batchCurve) {

    /** Names of the profiles bundled under {@code profiles/}. */
    public static final List<String> BUNDLED = List.of("rtx-a6000", "gtx-1080ti", "a100-sd15");

    public DeviceProfile {
        require(name != null && !name.isBlank(), "name", "must be a non-empty string");
        require(clockHz > 0 && Double.isFinite(clockHz), "clockHz", "must be > 0, got " + clockHz);
        require(cores >= 1, "cores", "must be >= 1, got " + cores);
        require(parallelFraction >= 0 && parallelFraction <= 1, "parallelFraction",
                "must be in [0, 1], got " + parallelFraction);
        require(stepS > 0 && Double.isFinite(stepS), "stepS", "must be > 0, got " + stepS);
        require(extractionS >= 0 && Double.isFinite(extractionS), "extractionS", "must be >= 0, got " + extractionS);
        require(decodeS >= 0 && Double.isFinite(decodeS), "decodeS", "must be >= 0, got " + decodeS);
        if (batchCurve == null) {
            batchCurve = BatchCurve.LINEAR;
        }
    }

    /**
     * W·O_s of eq. 20 for one denoising step, in cycles: the work that makes eq. 20 give {@code stepS} on this
     * profile at full availability.
     */
    public double cyclesPerStep() {
        return stepS * clockHz / CostModel.amdahlFactor(parallelFraction, cores);
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException("device profile field '" + field + "' " + message);
        }
    }

    /** Loads a profile file; errors name the file and the field. */
    public static DeviceProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("device profile file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read device profile " + file + ": " + e.getMessage());
        }
    }

    /** Loads a bundled profile by name, one of {@link #BUNDLED}. */
    public static DeviceProfile bundled(String name) {
        InputStream in = DeviceProfile.class.getResourceAsStream("/profiles/" + name + ".json");
        if (in == null) {
            throw new IllegalArgumentException("unknown device profile '" + name + "'; bundled profiles: " + BUNDLED
                    + " (or give a path to a profile JSON file)");
        }
        try (in) {
            return parse(in, "profiles/" + name + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled profile " + name, e);
        }
    }

    /** A bundled profile name or a path to a profile file. */
    public static DeviceProfile resolve(String nameOrPath) {
        return BUNDLED.contains(nameOrPath) ? bundled(nameOrPath) : load(Path.of(nameOrPath));
    }

    private record Json(String name, String source, Double clockHz, Integer cores, Double parallelFraction,
            Double stepS, Double extractionS, Double decodeS, List<double[]> batchCurve) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private static DeviceProfile parse(InputStream in, String where) throws IOException {
        Json j;
        try {
            j = MAPPER.readValue(in, Json.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("device profile " + where + ": " + e.getOriginalMessage()
                    + " (fields: name, source, clockHz, cores, parallelFraction, stepS, extractionS, decodeS, "
                    + "batchCurve)");
        }
        try {
            for (var f : new Object[][] {{"clockHz", j.clockHz}, {"cores", j.cores},
                    {"parallelFraction", j.parallelFraction}, {"stepS", j.stepS}, {"extractionS", j.extractionS},
                    {"decodeS", j.decodeS}}) {
                if (f[1] == null) {
                    throw new IllegalArgumentException("device profile field '" + f[0] + "' is missing");
                }
            }
            BatchCurve curve = null;
            if (j.batchCurve != null) {
                int[] b = new int[j.batchCurve.size()];
                double[] r = new double[b.length];
                for (int i = 0; i < b.length; i++) {
                    double[] p = j.batchCurve.get(i);
                    if (p.length != 2 || p[0] != Math.rint(p[0])) {
                        throw new IllegalArgumentException("device profile field 'batchCurve' point " + i
                                + " must be [integer batch, relative time]");
                    }
                    b[i] = (int) p[0];
                    r[i] = p[1];
                }
                curve = new BatchCurve(b, r);
            }
            return new DeviceProfile(j.name, j.source, j.clockHz, j.cores, j.parallelFraction, j.stepS,
                    j.extractionS, j.decodeS, curve);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
