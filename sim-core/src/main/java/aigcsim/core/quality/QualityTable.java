package aigcsim.core.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import aigcsim.core.compute.ComputeJob;
import aigcsim.core.framework.Framework;

/**
 * The expected quality of a delivered image — mean PSNR and SSIM against the no-channel reference, semantic accuracy
 * (the share of images whose prompted item the classifier recognizes) and the loss rate of digital images — by
 * framework, channel, split a and SNR, as the models measured it ({@code aigcsim models quality}: the bundled
 * {@code quality/fashion-mnist.csv}). Between measured SNRs and splits the figures are interpolated linearly; outside
 * the measured SNR range they are held at its ends. Analytic runs report these expectations instead of computing.
 * Local AIGC sends nothing and compares its image with itself: its PSNR and SSIM are undefined (NaN); its semantic
 * accuracy is the generator's own (the classifier on the clean generation).
 */
public final class QualityTable {
    /** The expected figures of one request. */
    public record Expected(double psnrDb, double ssim, double semanticAccuracy, double lostRate) {
    }

    /** The columns of a table file, in order. */
    public static final String HEADER = "framework,transmission,channel,snrDb,edgeSteps,n,psnrDb,ssim,"
            + "semanticAccuracy,lostRate";
    public static final String BUNDLED = "/quality/fashion-mnist.csv";

    /** framework|transmission|channel -> a -> SNR -> figures. */
    private final Map<String, TreeMap<Integer, TreeMap<Double, Expected>>> cells;
    private final String source;

    private QualityTable(Map<String, TreeMap<Integer, TreeMap<Double, Expected>>> cells, String source) {
        this.cells = cells;
        this.source = source;
    }

    /** The table the bundled models measured. */
    public static QualityTable bundled() {
        return TableFile.bundled("quality table", BUNDLED, QualityTable::parse);
    }

    /** A table file written by {@code aigcsim models quality}; errors name the file and line. */
    public static QualityTable load(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("quality table not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read quality table " + file + ": " + e.getMessage());
        }
    }

    private static QualityTable parse(BufferedReader r, String source) throws IOException {
        Map<String, TreeMap<Integer, TreeMap<Double, Expected>>> cells = new TreeMap<>();
        TableFile.read(r, "quality table", source, HEADER, f -> {
            Expected e = new Expected(Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]));
            cells.computeIfAbsent(key(f[0], f[1], f[2]), k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(f[4]), k -> new TreeMap<>())
                    .put(Double.parseDouble(f[3]), e);
        });
        return new QualityTable(cells, source);
    }

    private static String key(String framework, String transmission, String channel) {
        return framework + "|" + transmission + "|" + channel;
    }

    public String source() {
        return source;
    }

    /**
     * The expected figures of a job, computed as the worker pool would compute it (the job's channel and SNR):
     * SemAIGC and Non-ROOT read the fine-tuned receiver's analog row at their a, GSC its JSCC row, Non-fine-tuning
     * the plain receiver's analog row at a = T̂, Edge AIGC the digital row, Local AIGC the clean generation's row.
     */
    public Expected expected(ComputeJob job) {
        return expected(job.framework(), job.computedOverRayleigh(), job.edgeSteps(), job.computedSnrDb());
    }

    /** The expected figures of {@code framework} at split {@code a} and {@code snrDb} over AWGN or Rayleigh. */
    public Expected expected(Framework framework, boolean rayleigh, int a, double snrDb) {
        String channel = rayleigh ? "rayleigh" : "awgn";
        return switch (framework) {
            case SEM_AIGC, NON_ROOT_SEM_AIGC -> lookup(key("semaigc", "analog", channel), a, snrDb);
            case GSC -> lookup(key("semaigc", "jscc", channel), a, snrDb);
            case NON_FINE_TUNING -> lookup(key("non-fine-tuning", "analog", channel), Integer.MAX_VALUE, snrDb);
            case EDGE_AIGC -> lookup(key("edge-aigc", "digital", channel), Integer.MAX_VALUE, snrDb);
            case LOCAL_AIGC -> {
                // the device's own image is its reference: PSNR and SSIM are undefined, what it shows is not
                Expected own = lookup(key("local-aigc", "none", channel), Integer.MAX_VALUE, snrDb);
                yield new Expected(Double.NaN, Double.NaN, own.semanticAccuracy(), 0);
            }
        };
    }

    /** Interpolates over a (clamped to the measured splits) and SNR (held at the measured ends). */
    private Expected lookup(String key, int a, double snrDb) {
        TreeMap<Integer, TreeMap<Double, Expected>> bySplit = cells.get(key);
        if (bySplit == null) {
            throw new IllegalStateException("quality table " + source + " has no " + key.replace('|', ' '));
        }
        int clamped = Math.max(bySplit.firstKey(), Math.min(bySplit.lastKey(), a));
        Integer lo = bySplit.floorKey(clamped);
        Integer hi = bySplit.ceilingKey(clamped);
        Expected low = bySnr(bySplit.get(lo), snrDb);
        if (lo.equals(hi)) {
            return low;
        }
        return mix(low, bySnr(bySplit.get(hi), snrDb), (clamped - lo) / (double) (hi - lo));
    }

    /** The row's figures at {@code snrDb}: interpolated between measured SNRs, held at the ends. */
    static Expected bySnr(TreeMap<Double, Expected> row, double snrDb) {
        double s = Math.max(row.firstKey(), Math.min(row.lastKey(), snrDb));
        Map.Entry<Double, Expected> lo = row.floorEntry(s);
        Map.Entry<Double, Expected> hi = row.ceilingEntry(s);
        return lo.getKey().equals(hi.getKey()) ? lo.getValue()
                : mix(lo.getValue(), hi.getValue(), (s - lo.getKey()) / (hi.getKey() - lo.getKey()));
    }

    private static Expected mix(Expected a, Expected b, double w) {
        return new Expected(a.psnrDb() + w * (b.psnrDb() - a.psnrDb()), a.ssim() + w * (b.ssim() - a.ssim()),
                a.semanticAccuracy() + w * (b.semanticAccuracy() - a.semanticAccuracy()),
                a.lostRate() + w * (b.lostRate() - a.lostRate()));
    }
}
