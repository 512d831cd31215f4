package aigcsim.core.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The codec knowledge a cell's JSCC codec can hold, as {@code aigcsim models eval --suite link} measured it (the
 * bundled {@code quality/knowledge.csv}): for each knowledge-alignment package of DeKA-g ("Distillation-Enabled
 * Knowledge Alignment for Generative Semantic Communications of AIGC Images") — {@code no-ka}, the codec pretrained
 * under other conditions and never aligned, and its alignments {@code lora}, {@code cala}, {@code full-ft} and the
 * packages rounded to fewer bits — its size in bytes (what a knowledge update sends over the backhaul) and the
 * expected PSNR, SSIM and semantic accuracy of a delivered latent by SNR, under the conditions it was aligned to
 * (OFDM at 10 and 1000 ns delay spread, the codec's full rate). Between measured SNRs the figures are interpolated
 * linearly, outside them held at the ends.
 */
public final class KnowledgeTable {
    public static final String HEADER = "package,bytes,snrDb,n,psnrDb,ssim,semanticAccuracy";
    public static final String BUNDLED = "/quality/knowledge.csv";

    private record Package(long bytes, TreeMap<Double, QualityTable.Expected> bySnr) {
    }

    private final Map<String, Package> packages;

    private KnowledgeTable(Map<String, Package> packages) {
        this.packages = packages;
    }

    /** The table the bundled models measured (read once). */
    public static KnowledgeTable bundled() {
        return Bundled.TABLE;
    }

    /** Holds the bundled table, read on first use. */
    private static final class Bundled {
        static final KnowledgeTable TABLE = read();
    }

    private static KnowledgeTable read() {
        return TableFile.bundled("knowledge table", BUNDLED, KnowledgeTable::parse);
    }

    /** Parses a table in the format of {@link #HEADER}; errors name {@code source} and the line. */
    static KnowledgeTable parse(BufferedReader r, String source) throws IOException {
        Map<String, Package> packages = new TreeMap<>();
        TableFile.read(r, "knowledge table", source, HEADER, f -> {
            long bytes = Long.parseLong(f[1]);
            Package p = packages.computeIfAbsent(f[0], k -> new Package(bytes, new TreeMap<>()));
            if (p.bytes() != bytes) {
                throw new IllegalArgumentException("package " + f[0] + " has two sizes, " + p.bytes() + " and "
                        + bytes);
            }
            p.bySnr().put(Double.parseDouble(f[2]), new QualityTable.Expected(Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), 0));
        });
        return new KnowledgeTable(packages);
    }

    /** The packages' names. */
    public List<String> packages() {
        return List.copyOf(packages.keySet());
    }

    /** Whether the table has this package. */
    public boolean has(String name) {
        return packages.containsKey(name);
    }

    /** The package's size, bytes. */
    public long bytes(String name) {
        return get(name).bytes();
    }

    /** The expected figures of a latent delivered by the codec holding {@code name}, at {@code snrDb}. */
    public QualityTable.Expected expected(String name, double snrDb) {
        return QualityTable.bySnr(get(name).bySnr(), snrDb);
    }

    private Package get(String name) {
        Package p = packages.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown knowledge package '" + name + "'; the table has "
                    + packages.keySet());
        }
        return p;
    }
}
