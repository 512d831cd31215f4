package aigcsim.core.cost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A processor of SemAIGC's eq. 20 (the paper "A Wireless AI-Generated Content (AIGC) Provisioning Framework
 * Empowered by Semantic Communication"): processing capability per core ν ({@code clockHz}), core count m
 * ({@code cores}), parallelizable fraction τ ({@code parallelFraction}), an efficiency η and the batch curve
 * t(b)/t(1). It holds no times: a {@link Workload}'s cycles C take C/(η·ν)·(1 − τ + τ/m) on it.
 *
 * <p>η ({@code efficiency}, default 1) is the useful work per clock and core relative to the reference GPU on which
 * the workload was calibrated (the RTX A6000 of the papers, η = 1). ν, m and τ alone cannot make the papers' two GPUs
 * give both of their measured step times with one workload (with τ = 0.95 the GTX 1080 Ti would take 0.221 s, not
 * 0.368 s), nor explain an fp16 H100; a bundled profile's η is fitted once so that it reproduces its own measured
 * time, and its source says how. Editing ν, m or τ afterwards changes every time by eq. 20.
 *
 * <p>A profile file is JSON with the fields {@code name} (required), {@code source} (where the numbers come from),
 * {@code clockHz}, {@code cores}, {@code parallelFraction} (required), {@code efficiency} (optional, default 1) and
 * {@code batchCurve} (optional, [[batch, t(b)/t(1)], ...] from [1, 1.0]; without it t(b) = b·t(1)). The fields
 * {@code stepS}, {@code extractionS} and {@code decodeS} of earlier files are refused with the efficiency that
 * keeps the file's step time. A profile measured on its own workload ({@code aigcsim calibrate}) also has
 * {@code workload} ({@code name}, {@code source}, and the seconds {@code stepS}, {@code extractionS}, {@code decodeS}
 * of its parts on this hardware at batch 1 and full availability: {@link DeviceProfile#load} runs that workload
 * instead of {@link Workload#SD}) and {@code measurement} (how it was measured, for readers; not read).
 */
public record Hardware(String name, String source, double clockHz, int cores, double parallelFraction,
        double efficiency, BatchCurve batchCurve) {

    /** Names of the profiles bundled under {@code profiles/}. */
    public static final List<String> BUNDLED = List.of("rtx-a6000", "gtx-1080ti", "a100-sd15", "h100-sd15");

    /** The fields a profile file may have. */
    static final String FIELDS = "name, source, clockHz, cores, parallelFraction, efficiency, batchCurve, workload, "
            + "measurement";

    public Hardware {
        require(name != null && !name.isBlank(), "name", "must be a non-empty string");
        require(clockHz > 0 && Double.isFinite(clockHz), "clockHz", "must be > 0, got " + clockHz);
        require(cores >= 1, "cores", "must be >= 1, got " + cores);
        require(parallelFraction >= 0 && parallelFraction <= 1, "parallelFraction",
                "must be in [0, 1], got " + parallelFraction);
        require(efficiency > 0 && Double.isFinite(efficiency), "efficiency", "must be > 0, got " + efficiency);
        if (batchCurve == null) {
            batchCurve = BatchCurve.LINEAR;
        }
    }

    /** Seconds that {@code cycles} take at availability {@code pacr}: eq. 20 with ν_eff = PACR·η·ν, l = 0. */
    public double seconds(double cycles, double pacr) {
        return CostModel.eq20(cycles, pacr * efficiency * clockHz, parallelFraction, cores, 0.0);
    }

    /** The cycles that take {@code seconds} here at full availability: eq. 20 solved for W·O_s. */
    public double cycles(double seconds) {
        return seconds * efficiency * clockHz / CostModel.amdahlFactor(parallelFraction, cores);
    }

    /** This hardware with another core count (what-if). */
    public Hardware withCores(int m) {
        return new Hardware(name, source, clockHz, m, parallelFraction, efficiency, batchCurve);
    }

    /** This hardware with another clock (what-if). */
    public Hardware withClockHz(double nu) {
        return new Hardware(name, source, nu, cores, parallelFraction, efficiency, batchCurve);
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException("device profile field '" + field + "' " + message);
        }
    }

    /** Loads a profile file; errors name the file and the field. */
    public static Hardware load(Path file) {
        return read(file).hardware();
    }

    /** A profile file's hardware, and its own workload (null when it has none). */
    record Parsed(Hardware hardware, Workload workload) {
    }

    static Parsed read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("device profile file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read device profile " + file + ": " + e.getMessage());
        }
    }

    /** Loads a bundled profile by name, one of {@link #BUNDLED}. */
    public static Hardware bundled(String name) {
        InputStream in = Hardware.class.getResourceAsStream("/profiles/" + name + ".json");
        if (in == null) {
            throw new IllegalArgumentException("unknown device profile '" + name + "'; bundled profiles: " + BUNDLED
                    + " (or give a path to a profile JSON file)");
        }
        try (in) {
            return parse(in, "profiles/" + name + ".json").hardware();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled profile " + name, e);
        }
    }

    private record Json(String name, String source, Double clockHz, Integer cores, Double parallelFraction,
            Double efficiency, List<double[]> batchCurve, Double stepS, Double extractionS, Double decodeS,
            WorkloadJson workload, JsonNode measurement) {
    }

    /** A measured profile's workload: the seconds of its parts on this hardware. */
    private record WorkloadJson(String name, String source, Double stepS, Double extractionS, Double decodeS) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private static Parsed parse(InputStream in, String where) throws IOException {
        Json j;
        try {
            j = MAPPER.readValue(in, Json.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("device profile " + where + ": " + e.getOriginalMessage()
                    + " (fields: " + FIELDS + ")");
        }
        try {
            for (var f : new Object[][] {{"clockHz", j.clockHz}, {"cores", j.cores},
                    {"parallelFraction", j.parallelFraction}}) {
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
            Hardware h = new Hardware(j.name, j.source, j.clockHz, j.cores, j.parallelFraction,
                    j.efficiency == null ? 1.0 : j.efficiency, curve);
            refuseTimes(j, h);
            return new Parsed(h, j.workload == null ? null : workload(j.workload, h));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Workload workload(WorkloadJson w, Hardware h) {
        for (var f : new Object[][] {{"stepS", w.stepS}, {"extractionS", w.extractionS}, {"decodeS", w.decodeS}}) {
            if (f[1] == null) {
                throw new IllegalArgumentException("device profile field 'workload." + f[0] + "' is missing");
            }
        }
        String name = w.name != null ? w.name : h.name() + " (measured)";
        return Workload.calibrate(name, w.source != null ? w.source : h.source(), h, w.stepS, w.extractionS,
                w.decodeS);
    }

    /** Times are no longer profile fields: say what replaces them, with the efficiency that keeps stepS. */
    private static void refuseTimes(Json j, Hardware h) {
        String field = j.stepS != null ? "stepS" : j.extractionS != null ? "extractionS"
                : j.decodeS != null ? "decodeS" : null;
        if (field == null) {
            return;
        }
        String hint = "";
        if (j.stepS != null && j.stepS > 0 && j.efficiency == null) {
            double eta = Workload.SD.stepCycles() / h.cycles(j.stepS);
            hint = "; \"efficiency\": " + eta + " makes this hardware take stepS = " + j.stepS + " s";
        }
        throw new IllegalArgumentException("device profile field '" + field + "' is no longer read: a profile "
                + "is hardware (" + FIELDS + ") and its times follow from eq. 20 with the workload's cycles ("
                + Workload.SD.name() + "); remove stepS, extractionS and decodeS" + hint);
    }
}
