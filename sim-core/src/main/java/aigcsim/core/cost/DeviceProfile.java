package aigcsim.core.cost;

import java.nio.file.Path;
import java.util.List;

/**
 * The compute of an edge server or a user device: a {@link Hardware} (ν, m, τ, efficiency η, batch curve) running a
 * {@link Workload} (cycles per denoising step, extraction and decode). Every time is SemAIGC's eq. 20 of the
 * workload's cycles on the hardware, so editing ν, m or τ changes it; the workload is {@link Workload#SD}, calibrated
 * once on the RTX A6000 of the papers.
 *
 * <p>Profile files describe hardware only; their fields are listed in {@link Hardware}. They are referred to by a
 * bundled name ({@link #BUNDLED}) or a path, with {@link #resolve(String)}.
 */
public record DeviceProfile(Hardware hardware, Workload workload) {

    /** Names of the profiles bundled under {@code profiles/}. */
    public static final List<String> BUNDLED = Hardware.BUNDLED;

    public DeviceProfile {
        if (hardware == null || workload == null) {
            throw new IllegalArgumentException("device profile needs hardware and a workload");
        }
    }

    /** The default workload on {@code hardware}. */
    public static DeviceProfile of(Hardware hardware) {
        return new DeviceProfile(hardware, Workload.SD);
    }

    /**
     * A device whose own workload is calibrated on itself, so that it takes the given seconds (η = 1): for tests and
     * models that need a server of known times rather than a piece of hardware.
     */
    public static DeviceProfile measured(String name, String source, double clockHz, int cores,
            double parallelFraction, double stepS, double extractionS, double decodeS, BatchCurve batchCurve) {
        Hardware h = new Hardware(name, source, clockHz, cores, parallelFraction, 1.0, batchCurve);
        return new DeviceProfile(h, Workload.calibrate(name + " (measured)", source, h, stepS, extractionS, decodeS));
    }

    public String name() {
        return hardware.name();
    }

    public String source() {
        return hardware.source();
    }

    public double clockHz() {
        return hardware.clockHz();
    }

    public int cores() {
        return hardware.cores();
    }

    public double parallelFraction() {
        return hardware.parallelFraction();
    }

    public double efficiency() {
        return hardware.efficiency();
    }

    public BatchCurve batchCurve() {
        return hardware.batchCurve();
    }

    /** W·O_s of eq. 20 for one denoising step, in cycles: the workload's, whatever the hardware. */
    public double cyclesPerStep() {
        return workload.stepCycles();
    }

    /** Seconds of one denoising step at batch 1 and full availability: eq. 20. */
    public double stepS() {
        return hardware.seconds(workload.stepCycles(), 1.0);
    }

    /** Seconds of one semantic extraction (part of eq. 20's l), at full availability. */
    public double extractionS() {
        return hardware.seconds(workload.extractionCycles(), 1.0);
    }

    /** Seconds of one decode (part of eq. 20's l), at full availability. */
    public double decodeS() {
        return hardware.seconds(workload.decodeCycles(), 1.0);
    }

    /**
     * Loads a profile file with its own workload when it has one (a profile measured by {@code aigcsim calibrate}),
     * else the default workload; errors name the file and the field.
     */
    public static DeviceProfile load(Path file) {
        Hardware.Parsed p = Hardware.read(file);
        return p.workload() == null ? of(p.hardware()) : new DeviceProfile(p.hardware(), p.workload());
    }

    /** Loads a bundled profile by name, one of {@link #BUNDLED}, with the default workload. */
    public static DeviceProfile bundled(String name) {
        return of(Hardware.bundled(name));
    }

    /** A bundled profile name or a path to a profile file. */
    public static DeviceProfile resolve(String nameOrPath) {
        return BUNDLED.contains(nameOrPath) ? bundled(nameOrPath) : load(Path.of(nameOrPath));
    }
}
