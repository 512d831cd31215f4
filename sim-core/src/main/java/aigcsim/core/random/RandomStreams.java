package aigcsim.core.random;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named random streams derived from one scenario seed. Each stream is an independent generator seeded from
 * (scenario seed, stream name), so adding draws to one stream never shifts another: serial and async runs of one
 * scenario see the same arrivals, prompts and channels (common random numbers).
 *
 * <p>Besides sequential streams, {@link #uniform(String, long, long)} gives a counter-based draw for a keyed
 * quantity (e.g. the Rayleigh gain of user u in coherence block k), which is identical whatever order the model asks
 * for it in.
 */
public final class RandomStreams {
    /** Request arrival times. */
    public static final String ARRIVALS = "arrivals";
    /** Prompts and request seeds. */
    public static final String PROMPTS = "prompts";
    /** Per-request mean SNR draws, shadowing and fading. */
    public static final String CHANNEL = "channel";
    /** User placement, mobility and latency requirements. */
    public static final String USERS = "users";
    /** Outcomes of analytic quality checks (keyed by request and attempt). */
    public static final String QUALITY = "quality";
    /** Compute-time variation of the cost model. */
    public static final String COMPUTE = "compute";

    private final long seed;
    private final Map<String, UniformRandomProvider> streams = new HashMap<>();
    /** Indexed streams by name, for the per-user streams asked on every request: no name is built per draw. */
    private final Map<String, UniformRandomProvider[]> indexed = new HashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The sequential stream of this name, created on first use. */
    public UniformRandomProvider stream(String name) {
        return streams.computeIfAbsent(name, n -> RandomSource.XO_RO_SHI_RO_128_PP.create(
                new long[] {mix(seed ^ nameHash(n)), mix(seed + 0x632BE59BD9B4E019L ^ nameHash(n))}));
    }

    /** The stream {@code name + "/" + index} (the same generator {@link #stream(String)} gives for that name). */
    public UniformRandomProvider stream(String name, int index) {
        UniformRandomProvider[] byIndex = indexed.get(name);
        if (byIndex == null || byIndex.length <= index) {
            byIndex = Arrays.copyOf(byIndex == null ? new UniformRandomProvider[0] : byIndex,
                    Math.max(index + 1, byIndex == null ? 16 : byIndex.length * 2));
            indexed.put(name, byIndex);
        }
        UniformRandomProvider s = byIndex[index];
        if (s == null) {
            s = stream(name + "/" + index);
            byIndex[index] = s;
        }
        return s;
    }

    /** A uniform draw in (0, 1) that depends only on the seed, the name and the two keys. */
    public double uniform(String name, long key1, long key2) {
        return ((key(name, key1, key2) >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** A 64-bit value that depends only on the seed, the name and the two keys: the seed of a keyed draw of many. */
    public long key(String name, long key1, long key2) {
        long h = mix(seed ^ nameHash(name));
        h = mix(h ^ key1 * 0x9E3779B97F4A7C15L);
        return mix(h ^ key2 * 0xC2B2AE3D27D4EB4FL);
    }

    private static long nameHash(String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
